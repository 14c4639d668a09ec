// A stake's result so far: what it is worth now against what went in and came out.

export type StakeFlows = { deposited: bigint; withdrawn: bigint };

/** Value now + withdrawn − deposited: positive when premiums and fees beat losses. */
export function stakeEarnings(valueNow: bigint, flows: StakeFlows): bigint {
  return valueNow + flows.withdrawn - flows.deposited;
}
