// Queued governance changes in plain words. Every owner action goes through the TimelockController, so a
// queued operation is only (target, value, calldata); this decodes the calldata with the generated ABIs
// and says what it changes: "Junior pool: cooldown 7 days → 8 days". The value it replaces ("7 days") is
// read from the chain by the caller (`currentValueRead` says which view to read); without it the
// sentence says only the new value. Pure functions: no chain access, no React.
import { decodeFunctionData, formatEther, keccak256, toHex, zeroAddress, type Abi, type Address, type Hex } from 'viem';
import { decodeDirection, decodeWaterfallLayer } from '../chain/enums';
import { backstopPoolAbi, coverMarketAbi, recapitalizerAbi, shortfallWaterfallAbi, timelockControllerAbi, volatilityOracleAbi } from '@/contracts-abi';
import { formatAmount } from '../format/amount';
import { formatPeriod, formatTimestamp } from '../format/duration';
import { formatAssets } from '../format/tokenAmount';

/** Deployed addresses by contract name (a deployment's `contracts`, as plain addresses). */
export type AddressBook = Partial<Record<string, Address>>;

export type RawCall = { target: Address; value: bigint; data: Hex };

type Kind = 'pool' | 'waterfall' | 'recapitalizer' | 'oracle' | 'market' | 'timelock';

export type DecodedCall = RawCall & {
  /** Which kind of governed contract the target is (null: not one of ours). */
  kind: Kind | null;
  /** The target in words: "Junior pool", or a shortened address. */
  contractName: string;
  /** null when the calldata matches no function of the target's ABI. */
  functionName: string | null;
  args: readonly unknown[];
};

/** A view on the target whose answer is the value a call replaces. */
export type CurrentRead = { address: Address; abi: Abi; functionName: string; args: readonly unknown[] };

const KINDS: Record<string, { kind: Kind; name: string; abi: Abi }> = {
  juniorPool: { kind: 'pool', name: 'Junior pool', abi: backstopPoolAbi },
  seniorPool: { kind: 'pool', name: 'Senior pool', abi: backstopPoolAbi },
  shortfallWaterfall: { kind: 'waterfall', name: 'Waterfall', abi: shortfallWaterfallAbi },
  recapitalizer: { kind: 'recapitalizer', name: 'Recapitalizer', abi: recapitalizerAbi },
  volatilityOracle: { kind: 'oracle', name: 'Volatility oracle', abi: volatilityOracleAbi },
  coverMarket: { kind: 'market', name: 'Cover market', abi: coverMarketAbi },
  timelock: { kind: 'timelock', name: 'Governance timelock', abi: timelockControllerAbi },
};

/** Names for addresses that are not governed but may appear as arguments. */
const OTHER_NAMES: Record<string, string> = { stablecoin: 'USDC', bks: 'BKS', priceFeed: 'the price feed' };

const ROLE_NAMES: Record<string, string> = Object.fromEntries(
  [
    ['PROPOSER_ROLE', 'proposer'],
    ['EXECUTOR_ROLE', 'executor'],
    ['CANCELLER_ROLE', 'canceller'],
  ].map(([role, name]) => [keccak256(toHex(role!)), name!]),
);
ROLE_NAMES['0x0000000000000000000000000000000000000000000000000000000000000000'] = 'admin';

const short = (a: string) => `${a.slice(0, 6)}…${a.slice(-4)}`;

/** An address in words: a protocol contract's name, "nobody" for zero, else shortened. */
export function addressName(address: string, book: AddressBook): string {
  if (address.toLowerCase() === zeroAddress) return 'nobody';
  for (const [key, value] of Object.entries(book)) {
    if (value?.toLowerCase() !== address.toLowerCase()) continue;
    return KINDS[key]?.name ?? OTHER_NAMES[key] ?? key;
  }
  return short(address);
}

/** Decodes one call of an operation against the ABI of the governed contract it targets. */
export function decodeTimelockCall(call: RawCall, book: AddressBook): DecodedCall {
  const key = Object.keys(book).find((k) => KINDS[k] && book[k]?.toLowerCase() === call.target.toLowerCase());
  const known = key ? KINDS[key]! : undefined;
  const base = { ...call, kind: known?.kind ?? null, contractName: known?.name ?? addressName(call.target, book) };
  if (!known) return { ...base, functionName: null, args: [] };
  try {
    const decoded = decodeFunctionData({ abi: known.abi, data: call.data });
    return { ...base, functionName: decoded.functionName, args: (decoded.args ?? []) as readonly unknown[] };
  } catch {
    return { ...base, functionName: null, args: [] };
  }
}

type Ctx = { book: AddressBook; addr: (a: unknown) => string };
type Spec = {
  /** The view (and its arguments) whose answer this call replaces. */
  read?: (args: readonly unknown[]) => { functionName: string; args?: readonly unknown[] };
  /** The change in words; `current` is that view's raw answer, or undefined when unknown. */
  say: (args: readonly unknown[], current: unknown, ctx: Ctx) => string;
};

const big = (v: unknown) => BigInt(v as bigint);
const period = (v: unknown) => formatPeriod(big(v));
const bps = (v: unknown) => `${formatAmount(big(v), 2)}%`;
const usdc = (v: unknown) => formatAssets(big(v), { maxFractionDigits: 2 });
const wad = (v: unknown) => formatAmount(big(v), 18, { maxFractionDigits: 4 });
const wadPercent = (v: unknown) => `${formatAmount(big(v) * 100n, 18, { maxFractionDigits: 2 })}%`;
const at = (v: unknown, i: number) => (v === undefined ? undefined : (v as readonly unknown[])[i]);

/** "label 7 days → 8 days"; "label to 8 days" when the current value is unknown; "label stays …" when equal. */
function change(label: string, current: string | undefined, next: string): string {
  if (current === undefined) return `${label} to ${next}`;
  if (current === next) return `${label} stays ${next}`;
  return `${label} ${current} → ${next}`;
}

const setter = (label: string, view: string, fmt: (v: unknown) => string, pick: (v: unknown) => unknown = (v) => v): Spec => ({
  read: () => ({ functionName: view }),
  say: ([next], current) => change(label, current === undefined ? undefined : fmt(pick(current)), fmt(next)),
});
const addressSetter = (label: string, view: string): Spec => ({
  read: () => ({ functionName: view }),
  say: ([next], current, { addr }) => change(label, current === undefined ? undefined : addr(current), addr(next)),
});

const OWNABLE: Record<string, Spec> = {
  transferOwnership: { say: ([owner], _, { addr }) => `hand ownership to ${addr(owner)} (effective once it accepts)` },
  acceptOwnership: { say: () => 'accept ownership' },
  renounceOwnership: { say: () => 'renounce ownership (no owner, ever again)' },
};

const SPECS: Record<Kind, Record<string, Spec>> = {
  pool: {
    ...OWNABLE,
    setCooldown: setter('cooldown', 'cooldown', period),
    setClaimWindow: setter('claim window', 'claimWindow', period),
    setFeeStreamPeriod: setter('fee streaming period', 'feeStreamPeriod', period),
    setWaterfall: addressSetter('waterfall', 'waterfall'),
    setGuardian: addressSetter('guardian', 'guardian'),
    setMarket: {
      read: ([market]) => ({ functionName: 'isMarket', args: [market] }),
      say: ([market, allowed], current, { addr }) =>
        `${allowed ? `let ${addr(market)} lock capital and pay claims` : `stop ${addr(market)} from locking capital`}${current === allowed ? ' (no change)' : ''}`,
    },
    pause: { say: () => 'pause new deposits and cover' },
    unpause: { say: () => 'resume new deposits and cover' },
    skimSurplus: { say: ([to], _, { addr }) => `send tokens it does not account for to ${addr(to)}` },
  },
  waterfall: {
    ...OWNABLE,
    setVenue: {
      read: ([venue]) => ({ functionName: 'venue', args: [venue] }),
      say: ([venue, cap], current, { addr }) =>
        current !== undefined && !at(current, 0)
          ? `register venue ${addr(venue)} with an exposure cap of ${usdc(cap)}`
          : change(`venue ${addr(venue)}: exposure cap`, current === undefined ? undefined : usdc(at(current, 1)), usdc(cap)),
    },
    removeVenue: { say: ([venue], _, { addr }) => `deregister venue ${addr(venue)}` },
    setLayerCapBps: {
      read: ([layer]) => ({ functionName: 'layerCapBps', args: [layer] }),
      say: ([layer, next], current) =>
        `${change(`${decodeWaterfallLayer(layer as bigint)} layer’s cap per 24 h`, current === undefined ? undefined : bps(current), bps(next))} of its free capital`,
    },
    setFeeWeights: {
      read: () => ({ functionName: 'feeWeights' }),
      say: ([junior, senior], current) =>
        change(
          'fee split Junior / Senior',
          current === undefined ? undefined : `${bps(at(current, 0))} / ${bps(at(current, 1))}`,
          `${bps(junior)} / ${bps(senior)}`,
        ),
    },
    setRecapitalizer: addressSetter('recapitalizer', 'recapitalizer'),
    setGuardian: addressSetter('guardian', 'guardian'),
    pause: { say: () => 'pause venue draws' },
    unpause: { say: () => 'resume venue draws' },
  },
  recapitalizer: {
    ...OWNABLE,
    setPrices: {
      read: () => ({ functionName: 'params' }),
      say: ([start, floor], current) =>
        `${change('auction start price', current === undefined ? undefined : usdc(at(current, 0)), usdc(start))}, ${change('floor', current === undefined ? undefined : usdc(at(current, 1)), usdc(floor))} per BKS`,
    },
    setDuration: setter('auction duration', 'params', period, (v) => at(v, 2)),
    setMaxMintBps: {
      read: () => ({ functionName: 'params' }),
      say: ([next], current) =>
        `${change('mint cap per auction and per 24 h', current === undefined ? undefined : bps(at(current, 3)), bps(next))} of the BKS supply`,
    },
  },
  oracle: {
    ...OWNABLE,
    setSigmaBounds: { say: ([floor, cap]) => `σ bounds to ${wadPercent(floor)}–${wadPercent(cap)} a year` },
    setHeartbeat: setter('feed heartbeat', 'heartbeat', period),
  },
  market: {
    ...OWNABLE,
    registerProduct: {
      say: ([config], _, { addr }) => {
        const c = config as { direction?: number; pool?: string; feed?: string };
        return `register a cover product paying when the price goes ${decodeDirection(c.direction ?? 1).toLowerCase()} to its strike, backed by ${addr(c.pool ?? '')} on ${addr(c.feed ?? '')}`;
      },
    },
    setPricing: {
      say: ([productId, pricing]) =>
        `product #${String(productId)}: pricing to ${Object.entries(pricing as Record<string, bigint>)
          .map(([name, value]) => `${name} ${wad(value)}`)
          .join(', ')}`,
    },
    setTerms: {
      say: ([productId, minDuration, maxDuration, maxPriceAge, maxSigmaAge]) =>
        `product #${String(productId)}: covers of ${period(minDuration)}–${period(maxDuration)}, price at most ${period(maxPriceAge)} old, σ at most ${period(maxSigmaAge)} old`,
    },
    pauseProduct: { say: ([productId]) => `pause sales of product #${String(productId)}` },
    unpauseProduct: { say: ([productId]) => `resume sales of product #${String(productId)}` },
    setGuardian: addressSetter('guardian', 'guardian'),
  },
  timelock: {
    updateDelay: setter('delay', 'getMinDelay', period),
    grantRole: { say: ([role, account], _, { addr }) => `grant the ${ROLE_NAMES[String(role)] ?? String(role)} role to ${addr(account)}` },
    revokeRole: { say: ([role, account], _, { addr }) => `revoke the ${ROLE_NAMES[String(role)] ?? String(role)} role from ${addr(account)}` },
  },
};

function specOf(call: DecodedCall): Spec | undefined {
  return call.kind && call.functionName ? SPECS[call.kind][call.functionName] : undefined;
}

/** The view whose answer this call replaces (read it at the page's block and pass it to `describeTimelockCall`); null if none. */
export function currentValueRead(call: DecodedCall): CurrentRead | null {
  const read = specOf(call)?.read?.(call.args);
  if (!read || !call.kind) return null;
  const abi = Object.values(KINDS).find((k) => k.kind === call.kind)!.abi;
  return { address: call.target, abi, functionName: read.functionName, args: read.args ?? [] };
}

function argWords(v: unknown, ctx: Ctx): string {
  if (typeof v === 'string' && /^0x[0-9a-fA-F]{40}$/.test(v)) return ctx.addr(v);
  if (typeof v === 'bigint' || typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `[${v.map((x) => argWords(x, ctx)).join(', ')}]`;
  if (v && typeof v === 'object')
    return `{${Object.entries(v)
      .map(([k, x]) => `${k}: ${argWords(x, ctx)}`)
      .join(', ')}}`;
  return String(v);
}

/** One call in words: "Junior pool: cooldown 7 days → 8 days". Never throws. */
export function describeTimelockCall(call: DecodedCall, book: AddressBook, current?: unknown): string {
  const ctx: Ctx = { book, addr: (a) => addressName(String(a), book) };
  const sending = call.value > 0n ? ` (sending ${formatEther(call.value)} ETH)` : '';
  if (!call.functionName) return `${call.contractName}: an unknown call (${call.data.slice(0, 10)})${sending}`;
  const spec = specOf(call);
  try {
    if (spec) return `${call.contractName}: ${spec.say(call.args, current, ctx)}${sending}`;
  } catch {
    // an argument of an unexpected shape: fall through to the literal call
  }
  return `${call.contractName}: ${call.functionName}(${call.args.map((a) => argWords(a, ctx)).join(', ')})${sending}`;
}

/** When a queued operation can run, in chain time: from `readyAt` (scheduled time + delay). */
export function executableWords(readyAt: bigint, now: bigint): string {
  return readyAt > now ? `can execute from ${formatTimestamp(readyAt)} (chain time)` : `can execute now (ready since ${formatTimestamp(readyAt)}, chain time)`;
}
