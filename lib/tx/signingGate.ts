// The gate every form passes before a wallet opens, in one order and one set of words: a wallet must be
// connected, on the app's network; only then do the form's own checks speak (components/tx/useApproveThenAct.ts
// adds the approval step of forms that spend the stablecoin).

export type GateState = { connected: boolean; wrongNetwork: boolean };

/** What stops signing before the form's own checks, as the button's words; undefined when nothing does. */
export function signingGate(state: GateState, action: string): string | undefined {
  if (!state.connected) return `Connect a wallet to ${action}.`;
  if (state.wrongNetwork) return SWITCH_NETWORK;
  return undefined;
}

export const SWITCH_NETWORK = 'Switch your wallet to the right network first.';

/** Whether spending `amount` needs an approval first (the allowance is below it). */
export function needsApproval(allowance: bigint, amount: bigint): boolean {
  return allowance < amount;
}
