// After a backfill large enough that Ponder flushes batched updates (positions, redeem requests)
// through session temp tables, the app's own reads (@ponder/client over /sql) still return exactly the
// rows the indexer's REST routes serve, for every account. Reading the tables by name over /sql fails
// this (positions and requests read back empty); the schema's views are what keep it true.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Address } from 'viem';
import { fetchPortfolio } from '../../lib/history/indexerApi';
import { deployProtocol } from '../../scripts/chain/deploy';
import { ChainDriver } from '../../scripts/bench/indexer/chain';
import { Rpc } from '../../scripts/bench/indexer/rpc';
import { generateBulk } from '../../scripts/bench/indexer/workload';
import { ANVIL_KEYS, startAnvil, type AnvilInstance } from '../../scripts/testing/anvil';
import { startPonder, type PonderInstance } from '../../scripts/testing/ponder';

const FINALITY_BLOCKS = 30; // Ponder's unfinalized depth on 31337: bury the history beneath it
let anvil: AnvilInstance;
let ponder: PonderInstance;
let accounts: Address[];

beforeAll(async () => {
  anvil = await startAnvil();
  const deployment = await deployProtocol({ rpcUrl: anvil.rpcUrl, privateKey: ANVIL_KEYS[0], write: false });
  const rpc = new Rpc(anvil.rpcUrl);
  const driver = new ChainDriver(rpc);
  await driver.manualMining();
  ({ accounts } = await generateBulk(driver, deployment, { accounts: 40, rounds: 2, txsPerBlock: 60 }));
  await driver.mineEmpty(FINALITY_BLOCKS + 1);
  await driver.automine(true);
  ponder = await startPonder({ rpcUrl: anvil.rpcUrl });
  await ponder.waitForBlock(await rpc.blockNumber(), 120_000);
});

afterAll(async () => {
  await ponder?.stop();
  await anvil?.stop();
});

type RestPortfolio = { positions: { pool: string; shares: string }[]; requests: { requestId: string; status: string }[]; events: { id: string }[] };

describe('history read by the app after a backfill', () => {
  it('equals the REST routes row for row, for every account', async () => {
    for (const account of accounts) {
      const viaSql = await fetchPortfolio(account, 500, ponder.url);
      const rest = (await (await fetch(`${ponder.url}/accounts/${account}/portfolio?limit=500`)).json()) as RestPortfolio;
      expect(rest.positions, account).toHaveLength(2);
      expect(viaSql.positions.map((p) => [p.pool, p.shares]).sort(), account).toEqual(rest.positions.map((p) => [p.pool, BigInt(p.shares)]).sort());
      expect(
        viaSql.requests.map((r) => [r.requestId, r.status]),
        account,
      ).toEqual(rest.requests.map((r) => [BigInt(r.requestId), r.status]));
      expect(
        viaSql.events.map((e) => e.id),
        account,
      ).toEqual(rest.events.map((e) => e.id));
    }
  });
});
