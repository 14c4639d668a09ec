// The venue's tables against the real stack: anvil + deploy + the seeded history (real positions, the
// keeper's crash, liquidations partial / full / with bad debt) + real Ponder on PGlite. Every trade row
// must match its event, the bad-debt rows the waterfall's split, the open positions the chain's, and
// the series' last row the venue's open interest and the sum of the bad debt.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPublicClient, http, type Address, type PublicClient } from 'viem';
import { foundry } from 'viem/chains';
import { perpVenueAbi } from '../../contracts-abi';
import { deployProtocol, type Deployment } from '../../scripts/chain/deploy';
import { seedDemo } from '../../scripts/chain/seed';
import { ANVIL_KEYS, startAnvil, type AnvilInstance } from '../../scripts/testing/anvil';
import { startPonder, type PonderInstance } from '../../scripts/testing/ponder';
import { loadOpenPositions } from '../../lib/venue/openPositions';

let anvil: AnvilInstance;
let ponder: PonderInstance;
let deployment: Deployment;
let client: PublicClient;

async function get<T>(path: string): Promise<{ status: number; body: T }> {
  const res = await fetch(`${ponder.url}${path}`);
  return { status: res.status, body: (await res.json()) as T };
}
const events = (eventName: 'PositionIncreased' | 'PositionDecreased' | 'PositionLiquidated' | 'BadDebtAbsorbed') =>
  client.getContractEvents({ address: deployment.contracts.perpVenue.address, abi: perpVenueAbi, eventName, fromBlock: 0n });

beforeAll(async () => {
  anvil = await startAnvil();
  client = createPublicClient({ chain: foundry, transport: http(anvil.rpcUrl) }) as PublicClient;
  deployment = await deployProtocol({ rpcUrl: anvil.rpcUrl, privateKey: ANVIL_KEYS[0], write: false });
  await seedDemo(anvil.rpcUrl, deployment);
  ponder = await startPonder({ rpcUrl: anvil.rpcUrl });
  await ponder.waitForBlock(await client.getBlockNumber());
}, 240_000);
afterAll(async () => {
  if (process.env.PONDER_DEBUG) console.log(ponder?.logs().slice(-4000));
  await ponder?.stop();
  await anvil?.stop();
});

type Trade = {
  id: string;
  trader: string;
  kind: string;
  sizeDelta: string;
  price: string;
  fee: string;
  realizedPnl: string;
  payout: string;
  sizeAfter: string;
  marginAfter: string;
  liquidatorFee: string;
  badDebt: string;
  txHash: string;
};

describe('Ponder history of the venue', () => {
  it('records every open, increase, reduce, close and liquidation exactly as emitted', async () => {
    const [inc, dec, liq] = await Promise.all([events('PositionIncreased'), events('PositionDecreased'), events('PositionLiquidated')]);
    const { body: trades } = await get<Trade[]>('/venue/trades?limit=500');
    expect(trades).toHaveLength(inc.length + dec.length + liq.length);
    const byTx = (hash: string, kind: RegExp) => trades.filter((t) => t.txHash === hash && kind.test(t.kind));
    for (const e of inc)
      expect(byTx(e.transactionHash, /^(open|increase)$/).map((t) => [BigInt(t.sizeDelta), BigInt(t.price), BigInt(t.fee), BigInt(t.marginAfter)])).toEqual([
        [e.args.sizeDelta, e.args.price, e.args.fee, e.args.margin],
      ]);
    for (const e of dec)
      expect(
        byTx(e.transactionHash, /^(reduce|close)$/).map((t) => [BigInt(t.sizeDelta), BigInt(t.realizedPnl), BigInt(t.payout), BigInt(t.sizeAfter)]),
      ).toEqual([[e.args.sizeDelta, e.args.realizedPnl, e.args.payout, e.args.size]]);
    for (const e of liq) {
      const [t] = byTx(e.transactionHash, /^liquidation-/);
      expect([BigInt(t!.sizeDelta), BigInt(t!.liquidatorFee), BigInt(t!.badDebt), BigInt(t!.sizeAfter)]).toEqual([
        e.args.sizeClosed,
        e.args.liquidatorFee,
        e.args.badDebt,
        e.args.size,
      ]);
      expect(t!.kind).toBe(e.args.badDebt! > 0n ? 'liquidation-bad-debt' : e.args.size === 0n ? 'liquidation-full' : 'liquidation-partial');
    }
    // The seeded crash: one of each kind of liquidation.
    const { body: liquidations } = await get<Trade[]>('/venue/liquidations');
    expect(liquidations.map((t) => t.kind).sort()).toEqual(['liquidation-bad-debt', 'liquidation-full', 'liquidation-partial']);
  });

  it('records the bad debt with the waterfall split, and the series ends at the venue’s open interest and the total', async () => {
    const absorbed = await events('BadDebtAbsorbed');
    expect(absorbed.length).toBeGreaterThan(0);
    const { body: debts } =
      await get<{ debt: string; junior: string; senior: string; recapitalization: string; remainder: string; deferred: boolean }[]>('/venue/bad-debt');
    expect(debts.map((d) => [BigInt(d.debt), BigInt(d.junior), BigInt(d.senior), BigInt(d.recapitalization), BigInt(d.remainder)]).sort()).toEqual(
      absorbed.map((e) => [e.args.debt, e.args.junior, e.args.senior, e.args.recapitalization, e.args.remainder]).sort(),
    );
    // Every unit accounted: the split adds up to the debt.
    for (const d of debts) expect(BigInt(d.junior) + BigInt(d.senior) + BigInt(d.recapitalization) + BigInt(d.remainder)).toBe(BigInt(d.debt));
    const { body: series } =
      await get<{ blockNumber: string; longOpenInterest: string; shortOpenInterest: string; badDebt: string; paidByPools: string }[]>('/venue/series');
    const last = series.at(-1)!;
    const venue = deployment.contracts.perpVenue.address;
    const [longs] = await client.readContract({ address: venue, abi: perpVenueAbi, functionName: 'sideState', args: [true] });
    const [shorts] = await client.readContract({ address: venue, abi: perpVenueAbi, functionName: 'sideState', args: [false] });
    expect([BigInt(last.longOpenInterest), BigInt(last.shortOpenInterest)]).toEqual([longs, shorts]);
    expect(BigInt(last.badDebt)).toBe(absorbed.reduce((s, e) => s + e.args.debt!, 0n));
    expect(BigInt(last.paidByPools)).toBe(absorbed.reduce((s, e) => s + e.args.junior! + e.args.senior!, 0n));
    // Chronological, one row per block with a venue event.
    expect(series.map((r) => BigInt(r.blockNumber))).toEqual([...series.map((r) => BigInt(r.blockNumber))].sort((a, b) => (a < b ? -1 : 1)));
  });

  it('lists the open positions the chain holds, and answers bad input with a 400', async () => {
    const risk = await loadOpenPositions(client, deployment.contracts.perpVenue.address, 0n);
    const { body: open } = await get<{ trader: Address; size: string; margin: string; isLong: boolean }[]>('/venue/positions');
    expect(open.map((p) => [p.trader.toLowerCase(), BigInt(p.size), BigInt(p.margin), p.isLong]).sort()).toEqual(
      risk.positions.map((p) => [p.trader.toLowerCase(), p.size, p.margin, p.isLong]).sort(),
    );
    expect((await get('/venue/trades?limit=abc')).status).toBe(400);
    expect((await get('/venue/traders/0x123')).status).toBe(400);
  });
});
