// Parity: the rolling 24 h mint budget as the deployed Recapitalizer computes it (`mintBudget()`:
// WaterfallMath.rollWindow on its stored buckets, then AuctionMath.mintBudgetDown on the BKS supply) against the
// twins composed the same way, on 2,000+ forced states (eth_call state and time overrides): the stored
// window the same as now, the one before, older, or (unreachable) later; buckets up to uint112; supplies
// below the buckets (the Panic the contract cannot reach) and around the cap; every maxMintBps a uint16
// holds. Answers and reverts must match exactly.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeFunctionResult, encodeAbiParameters, encodeFunctionData, numberToHex, pad, type Address, type Hex } from 'viem';
import { startAnvil, type AnvilInstance } from '@/scripts/testing/anvil';
import { ANVIL_ACCOUNTS, artifact, deployRaw, rpc, runBatch, sample, Tally, twinOutcome, type RawStateOverride } from '../../scripts/testing/parity';
import { rollWindow, WINDOW, windowOf } from './WaterfallMath';
import { mintBudgetDown } from './AuctionMath';

const STATES = 2_000;
/** A bucket's width in storage (`MintWindow.prev` / `curr`: uint112). */
const U112 = (1n << 112n) - 1n;

let anvil: AnvilInstance;
let batch: Address;
let recap: Address;
let bks: Address;

type Layout = {
  storage: { label: string; slot: string; type: string }[];
  types: Record<string, { members?: { label: string; slot: string; offset: number; type: string }[]; numberOfBytes: string }>;
};

/** Slot and bit offset of `label.member` in an artifact's storage layout (so a reordered struct moves the test with it). */
function place(contractName: string, label: string, member?: string): { slot: bigint; shift: bigint } {
  const layout = artifact(contractName).storageLayout as unknown as Layout;
  const entry = layout.storage.find((s) => s.label === label);
  if (!entry) throw new Error(`${contractName} has no ${label}`);
  if (!member) return { slot: BigInt(entry.slot), shift: 0n };
  const m = layout.types[entry.type]?.members?.find((x) => x.label === member);
  if (!m) throw new Error(`${contractName}.${label} has no ${member}`);
  return { slot: BigInt(entry.slot) + BigInt(m.slot), shift: 8n * BigInt(m.offset) };
}

const word = (v: bigint): Hex => pad(numberToHex(v), { size: 32 });

beforeAll(async () => {
  anvil = await startAnvil();
  const from = ANVIL_ACCOUNTS[0]!;
  batch = await deployRaw(anvil.rpcUrl, from, 'StaticCallBatch');
  // Waterfall and stablecoin are never called by the budget view: any non-zero addresses do.
  const args = encodeAbiParameters(
    [
      { type: 'address' },
      { type: 'address' },
      { type: 'address' },
      { type: 'address' },
      { type: 'uint256' },
      { type: 'uint256' },
      { type: 'uint256' },
      { type: 'uint256' },
      { type: 'uint256' },
    ],
    ['0x000000000000000000000000000000000000dEaD', '0x000000000000000000000000000000000000bEEF', from, from, 10n ** 26n, 2_000_000n, 500_000n, 86_400n, 500n],
  );
  recap = await deployRaw(anvil.rpcUrl, from, 'Recapitalizer', args);
  const abi = artifact('Recapitalizer').abi;
  const data = await rpc<Hex>(anvil.rpcUrl, 'eth_call', [{ to: recap, data: encodeFunctionData({ abi, functionName: 'bks' }) }, 'latest']);
  bks = decodeFunctionResult({ abi, functionName: 'bks', data }) as Address;
});
afterAll(async () => anvil?.stop());

type State = { now: bigint; stored: bigint; prev: bigint; curr: bigint; supply: bigint; bps: bigint };

function states(): State[] {
  const now0 = 1_700_000_000n;
  const edges: State[] = [];
  for (const offset of [0n, 1n, 2n, 100n]) {
    for (const [prev, curr] of [
      [0n, 0n],
      [1n, 0n],
      [0n, 1n],
      [U112, 0n],
      [U112, U112],
    ] as const) {
      for (const supply of [0n, prev + curr, prev + curr + 1n, 10n ** 26n + prev + curr, (1n << 255n) + prev + curr]) {
        for (const bps of [0n, 1n, 500n, 2_000n, 65_535n]) edges.push({ now: now0, stored: windowOf(now0) - offset, prev, curr, supply, bps });
      }
    }
  }
  edges.push({ now: now0, stored: windowOf(now0) + 1n, prev: 5n, curr: 7n, supply: 100n, bps: 500n }); // a window in the future: (0, 0)
  const random = sample(
    fc
      .record({
        now: fc.bigInt({ min: 1_600_000_000n, max: 2_000_000_000n }),
        back: fc.oneof(fc.constantFrom(0n, 1n, 2n), fc.bigInt({ min: 0n, max: 1_000n })),
        prev: fc.oneof(fc.bigInt({ min: 0n, max: 10n ** 25n }), fc.bigInt({ min: 0n, max: U112 })),
        curr: fc.oneof(fc.bigInt({ min: 0n, max: 10n ** 25n }), fc.bigInt({ min: 0n, max: U112 })),
        base: fc.oneof(fc.bigInt({ min: 0n, max: 10n ** 27n }), fc.bigInt({ min: 0n, max: 1n << 200n })),
        below: fc.integer({ min: 0, max: 19 }),
        bps: fc.oneof(fc.bigInt({ min: 1n, max: 2_000n }), fc.bigInt({ min: 0n, max: 65_535n })),
      })
      .map(({ now, back, prev, curr, base, below, bps }) => {
        const stored = windowOf(now) - back;
        // supply = what was there before the buckets' mints plus them; one state in twenty has less (Panic)
        const supply = below === 0 ? (prev + curr) / 2n : base + prev + curr;
        return { now, stored, prev, curr, supply, bps };
      }),
    4_626,
    STATES,
  );
  return [...edges, ...random];
}

describe('Recapitalizer.mintBudget(): twins == contract on anvil', () => {
  it(`agrees on ${STATES}+ forced budget states, reverts included`, async () => {
    const abi = artifact('Recapitalizer').abi;
    const windowAt = place('Recapitalizer', '_mintWindow', 'window');
    const prevAt = place('Recapitalizer', '_mintWindow', 'prev');
    const currAt = place('Recapitalizer', '_mintWindow', 'curr');
    const bpsAt = place('Recapitalizer', '_params', 'maxMintBps');
    const durationAt = place('Recapitalizer', '_params', 'duration');
    expect(bpsAt.slot).toBe(durationAt.slot);
    const supplyAt = place('BKS', '_totalSupply');
    const all = states();
    const tally = new Tally();
    let next = 0;
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        while (next < all.length) {
          const c = all[next++]!;
          // Fields sharing a slot are OR-ed into one word (the layout decides which share).
          const words = new Map<bigint, bigint>();
          for (const [at, v] of [
            [windowAt, c.stored],
            [prevAt, c.prev],
            [currAt, c.curr],
            [durationAt, 86_400n],
            [bpsAt, c.bps],
          ] as const) {
            words.set(at.slot, (words.get(at.slot) ?? 0n) | (v << at.shift));
          }
          const stateOverride: RawStateOverride = {
            [recap]: { stateDiff: Object.fromEntries([...words].map(([slot, w]) => [word(slot), word(w)])) },
            [bks]: { stateDiff: { [word(supplyAt.slot)]: word(c.supply) } },
          };
          const res = await runBatch(anvil.rpcUrl, batch, recap, abi, [{ functionName: 'mintWindowState' }, { functionName: 'mintBudget' }], {
            stateOverride,
            time: c.now,
          });
          expect(res.timestamp).toBe(c.now);
          expect(res.outcomes[0]).toEqual({ ok: true, value: { window: c.stored, prev: c.prev, curr: c.curr } });
          const twin = twinOutcome(() => {
            const nowWindow = windowOf(c.now);
            const { prevNow, currNow } = rollWindow(c.stored, c.prev, c.curr, nowWindow);
            const used = prevNow + currNow;
            const { cap, available } = mintBudgetDown(c.supply, used, c.bps);
            return { used, cap, available, nextWindowAt: (nowWindow + 1n) * WINDOW };
          });
          tally.check(`mintBudget at ${JSON.stringify(c, (_, v) => (typeof v === 'bigint' ? `${v}` : v))}`, res.outcomes[1]!, twin);
        }
      }),
    );
    expect(tally.mismatches).toEqual([]);
    expect(tally.compared).toBeGreaterThanOrEqual(STATES);
    expect(tally.reverts).toBeGreaterThan(50);
    expect(tally.compared - tally.reverts).toBeGreaterThanOrEqual(STATES * 0.9);
    console.log(`Recapitalizer.mintBudget parity: ${tally.compared} states (${tally.reverts} reverts), 0 mismatches`);
  });
});
