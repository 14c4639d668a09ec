// previewOpen against the real PerpVenue on anvil: random orders (new positions and increases, both sides,
// sizes around the minimum notional, margins around the least that passes, the price moving between them)
// are simulated on chain; the venue must refuse exactly when the preview does, with the same error, and
// accept `minMarginIn` but refuse one unit less. Orders that pass are sent: the stored margin and the
// position's liquidation price must equal the preview's to the unit.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maxUint256, type Address, type Hex } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { mockAggregatorAbi, perpVenueAbi, protocolErrorsAbi, testUSDCAbi, volatilityOracleAbi } from '@/contracts-abi';
import { revertName } from '@/scripts/testing/coverChain';
import { ANVIL_KEYS } from '@/scripts/testing/anvil';
import { startLocalChain, type LocalChain, sendAs } from '@/scripts/testing/localChain';
import { previewOpen, type OpenMarket } from './openPreview';
import { loadOpenPositions } from './openPositions';
import { toPositionState, toVenueParams } from './params';

let chain: LocalChain;
let venue: Address;
const TRADERS = [1, 2, 3, 4, 5, 6].map((i) => privateKeyToAccount(ANVIL_KEYS[i] as Hex));
const ETH = 10n ** 18n;
const USDC = 10n ** 6n;
const PRICE = 10n ** 8n;

const send = (key: Hex, address: Address, abi: readonly unknown[], functionName: string, args: readonly unknown[] = []) =>
  sendAs(chain, key, address, abi, functionName, args);
const read = <T>(functionName: string, args: readonly unknown[] = []) =>
  chain.publicClient.readContract({ address: venue, abi: perpVenueAbi, functionName, args } as never) as Promise<T>;

async function publish(answer: bigint) {
  const c = chain.deployment.contracts;
  await send(ANVIL_KEYS[0], c.priceFeed.address, mockAggregatorAbi, 'pushAnswer', [answer]);
  await send(ANVIL_KEYS[0], c.volatilityOracle.address, volatilityOracleAbi, 'poke', []);
}

async function market(isLong: boolean): Promise<OpenMarket> {
  const [round, initialFraction, params, priceScale, side] = await Promise.all([
    chain.publicClient.readContract({ address: chain.deployment.contracts.priceFeed.address, abi: mockAggregatorAbi, functionName: 'latestRoundData' }),
    read<bigint>('marginFractionNow'),
    read<Record<string, bigint | number>>('params'),
    read<bigint>('priceScale'),
    read<readonly [bigint, bigint, bigint]>('sideState', [isLong]),
  ]);
  return { price: round[1], initialFraction, params: toVenueParams(params as never), priceScale, sideOpenInterest: side[0], sideIndex: side[1] };
}

async function simulate(trader: Address, isLong: boolean, size: bigint, marginIn: bigint): Promise<string | null> {
  try {
    await chain.publicClient.simulateContract({
      address: venue,
      abi: perpVenueAbi,
      functionName: 'open',
      args: [isLong, size, marginIn, isLong ? maxUint256 : 0n],
      account: trader,
    });
    return null;
  } catch (e) {
    return revertName(e, protocolErrorsAbi as never);
  }
}

beforeAll(async () => {
  chain = await startLocalChain();
  venue = chain.deployment.contracts.perpVenue.address;
  const usdc = chain.deployment.contracts.stablecoin.address;
  await publish(3_000n * PRICE);
  // The house backs traders' profits when they increase at a gain.
  for (let i = 0; i < 10; i++) await send(ANVIL_KEYS[0], usdc, testUSDCAbi, 'faucet', [10_000n * USDC]);
  await send(ANVIL_KEYS[0], usdc, testUSDCAbi, 'approve', [venue, maxUint256]);
  await send(ANVIL_KEYS[0], venue, perpVenueAbi, 'fundHouse', [100_000n * USDC]);
  for (const t of TRADERS) {
    const key = ANVIL_KEYS[TRADERS.indexOf(t) + 1] as Hex;
    for (let i = 0; i < 10; i++) await send(key, usdc, testUSDCAbi, 'faucet', [10_000n * USDC]);
    await send(key, usdc, testUSDCAbi, 'approve', [venue, maxUint256]);
  }
}, 120_000);
afterAll(async () => chain?.stop());

describe('previewOpen == PerpVenue.open', () => {
  it('refuses exactly when the venue does, with its error; minMarginIn is the least that passes; sent orders match to the unit', async () => {
    const orders = fc.sample(
      fc.record({
        trader: fc.integer({ min: 0, max: TRADERS.length - 1 }),
        isLong: fc.boolean(),
        size: fc.oneof(
          { weight: 6, arbitrary: fc.bigInt({ min: 1n, max: 8n * ETH }) },
          { weight: 3, arbitrary: fc.bigInt({ min: ETH / 100n, max: ETH / 30n }) },
          { weight: 1, arbitrary: fc.constant(0n) },
        ),
        marginOffset: fc.oneof(fc.constantFrom(-1n, 0n, 1n), fc.bigInt({ min: -200n * USDC, max: 2_000n * USDC })),
        move: fc.integer({ min: -300, max: 300 }), // bps of the price before this order
        sendIt: fc.boolean(),
      }),
      { numRuns: 400, seed: 15 },
    );
    const tally = { refused: new Map<string, number>(), passed: 0, sent: 0, boundaries: 0, skipped: 0 };
    for (const o of orders) {
      if (o.move !== 0 && o.sendIt) {
        const [, answer] = await chain.publicClient.readContract({
          address: chain.deployment.contracts.priceFeed.address,
          abi: mockAggregatorAbi,
          functionName: 'latestRoundData',
        });
        await publish((answer * BigInt(10_000 + o.move)) / 10_000n);
      }
      const trader = TRADERS[o.trader]!;
      const stored = await read<{ size: bigint; entryPrice: bigint; margin: bigint; isLong: boolean; socialLossSnapshot: bigint }>('positionOf', [
        trader.address,
      ]);
      const isLong = stored.size > 0n ? stored.isLong : o.isLong; // the other side is PerpVenueSideMismatch, not previewed
      const m = await market(isLong);
      const base = previewOpen(isLong, o.size, 0n, m, stored);
      const marginIn = base.minMarginIn + o.marginOffset > 0n ? base.minMarginIn + o.marginOffset : 0n;
      const preview = previewOpen(isLong, o.size, marginIn, m, stored);
      // Over the wallet's balance is the form's own check (the token reverts first): not previewOpen's.
      const balance = await chain.publicClient.readContract({
        address: chain.deployment.contracts.stablecoin.address,
        abi: testUSDCAbi,
        functionName: 'balanceOf',
        args: [trader.address],
      });
      if (marginIn > balance) {
        tally.skipped++;
        continue;
      }
      const onChain = await simulate(trader.address, isLong, o.size, marginIn);
      expect(onChain, `order ${JSON.stringify(o, (_, v) => (typeof v === 'bigint' ? String(v) : v))}`).toBe(preview.refusal?.error ?? null);
      if (preview.refusal) tally.refused.set(preview.refusal.error, (tally.refused.get(preview.refusal.error) ?? 0) + 1);
      else tally.passed++;
      // The boundary: minMarginIn passes (when nothing else refuses) and one unit less does not.
      const atMin = previewOpen(isLong, o.size, preview.minMarginIn, m, stored);
      if (!atMin.refusal && preview.minMarginIn > 0n) {
        expect(await simulate(trader.address, isLong, o.size, preview.minMarginIn)).toBe(null);
        expect(await simulate(trader.address, isLong, o.size, preview.minMarginIn - 1n)).toBe('PerpVenueBelowInitialMargin');
        tally.boundaries++;
      }
      if (!preview.refusal && o.sendIt) {
        await send(ANVIL_KEYS[o.trader + 1] as Hex, venue, perpVenueAbi, 'open', [isLong, o.size, marginIn, isLong ? maxUint256 : 0n]);
        const after = toPositionState(await read('positionState', [trader.address]));
        expect([after.size, after.margin, after.liquidationPrice, after.maintenanceFraction]).toEqual([
          preview.size,
          preview.margin,
          preview.liquidationPrice,
          preview.maintenanceFraction,
        ]);
        tally.sent++;
      }
    }
    console.log(
      `previewOpen vs open: ${orders.length} orders (${tally.skipped} over the balance skipped), ${tally.passed} passed (${tally.sent} sent and matched), refused ${JSON.stringify(Object.fromEntries(tally.refused))}, ${tally.boundaries} minMarginIn boundaries checked`,
    );
    expect(tally.sent).toBeGreaterThan(20);
    expect(tally.boundaries).toBeGreaterThan(50);
    expect(tally.refused.get('PerpVenueBelowInitialMargin') ?? 0).toBeGreaterThan(10);
    expect(tally.refused.get('PerpVenueBelowMinNotional') ?? 0).toBeGreaterThan(5);
  }, 300_000);

  it('loadOpenPositions returns every open position (and only those) as the venue stores it, with its parameters', async () => {
    // One trader closes, so the loader must drop it.
    const closer = TRADERS[0]!;
    const held = await read<{ size: bigint; isLong: boolean }>('positionOf', [closer.address]);
    if (held.size > 0n) await send(ANVIL_KEYS[1] as Hex, venue, perpVenueAbi, 'close', [held.isLong ? 0n : maxUint256]);
    const risk = await loadOpenPositions(chain.publicClient, venue, 0n);
    const expected = [];
    for (const t of TRADERS) {
      const s = toPositionState(await read('positionState', [t.address]));
      if (s.size > 0n)
        expected.push({
          trader: t.address,
          isLong: s.isLong,
          size: s.size,
          entryPrice: s.entryPrice,
          margin: s.margin,
          socialLossCharge: s.socialLossCharge,
          marginFraction: s.marginFraction,
          maintenanceFraction: s.maintenanceFraction,
          liquidationPrice: s.liquidationPrice,
        });
    }
    expect(expected.length).toBeGreaterThan(2);
    expect(risk.positions.map((p) => p.trader)).not.toContain(closer.address);
    expect([...risk.positions].sort((a, b) => a.trader.localeCompare(b.trader))).toEqual(expected.sort((a, b) => a.trader.localeCompare(b.trader)));
    expect(risk.params.maintenanceBps).toBe(5_000n);
    expect(risk.priceScale).toBe(10n ** 20n);
  });
});
