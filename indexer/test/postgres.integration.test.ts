// The production database, for real: the indexer runs on a real PostgreSQL server (README,
// "Indexer in production": the same `ponder start` with DATABASE_URL) over the seeded local chain,
// beside the embedded PGlite it runs on locally, and both must serve the same rows, table by table.
import { execFileSync } from 'node:child_process';
import { createClient } from '@ponder/client';
import { is } from 'drizzle-orm';
import { PgTable, getTableConfig } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPublicClient, http } from 'viem';
import * as schema from '../../lib/history/schema';
import { deployProtocol } from '../../scripts/chain/deploy';
import { seedDemo } from '../../scripts/chain/seed';
import { ANVIL_KEYS, startAnvil, type AnvilInstance } from '../../scripts/testing/anvil';
import { startPonder, type PonderInstance } from '../../scripts/testing/ponder';
import { startPostgres, type PostgresInstance } from '../../scripts/testing/postgres';
import { fetchEvents, fetchPortfolio } from '../../lib/history/indexerApi';

let anvil: AnvilInstance;
let postgres: PostgresInstance;
let onPglite: PonderInstance;
let onPostgres: PonderInstance;

const tables = Object.entries(schema).filter((entry): entry is [string, PgTable] => is(entry[1], PgTable));

/** Every row of a table over Ponder's /sql, as canonical JSON strings in a stable order. */
async function rows(url: string, table: PgTable): Promise<string[]> {
  const { db } = createClient(`${url}/sql`, { schema });
  const all = (await db.select().from(table as never)) as Record<string, unknown>[];
  return all.map((row) => JSON.stringify(row, (_, v) => (typeof v === 'bigint' ? `${v}n` : v))).sort();
}

beforeAll(async () => {
  anvil = await startAnvil();
  postgres = await startPostgres();
  const deployment = await deployProtocol({ rpcUrl: anvil.rpcUrl, privateKey: ANVIL_KEYS[0], write: false });
  await seedDemo(anvil.rpcUrl, deployment);
  const head = await createPublicClient({ transport: http(anvil.rpcUrl) }).getBlockNumber();
  [onPglite, onPostgres] = await Promise.all([startPonder({ rpcUrl: anvil.rpcUrl }), startPonder({ rpcUrl: anvil.rpcUrl, databaseUrl: postgres.url })]);
  await Promise.all([onPglite.waitForBlock(head, 180_000), onPostgres.waitForBlock(head, 180_000)]);
}, 400_000);

afterAll(async () => {
  await Promise.all([onPglite?.stop(), onPostgres?.stop()]);
  await postgres?.stop();
  await anvil?.stop();
});

describe('the indexer on PostgreSQL', () => {
  it('writes to the PostgreSQL server it was given (read back with psql, not through Ponder)', async () => {
    const count = execFileSync('psql', [postgres.url, '-tAc', 'select count(*) from backstop.protocol_event'], { encoding: 'utf8' });
    const [served] = await Promise.all([fetchEvents(1000, onPostgres.url)]);
    expect(Number(count.trim())).toBe(served.length);
    expect(served.length).toBeGreaterThan(10);
  });

  it('serves the same rows as PGlite in every table of the schema', async () => {
    expect(tables.length).toBeGreaterThan(5);
    let compared = 0;
    for (const [name, table] of tables) {
      const [expected, actual] = await Promise.all([rows(onPglite.url, table), rows(onPostgres.url, table)]);
      expect(actual, `table ${getTableConfig(table).name} (${name})`).toEqual(expected);
      compared += expected.length;
    }
    // The seeded history has stakes, covers, a crash and its claim, shortfalls and requests.
    expect(compared).toBeGreaterThan(50);
  });

  it('answers the app’s history questions the same way', async () => {
    const [a, b] = await Promise.all([fetchEvents(500, onPglite.url), fetchEvents(500, onPostgres.url)]);
    expect(b).toEqual(a);
    expect(a.length).toBeGreaterThan(10);
    const holder = a.find((e) => e.kind === 'deposit')!.account as `0x${string}`;
    expect(await fetchPortfolio(holder, 50, onPostgres.url)).toEqual(await fetchPortfolio(holder, 50, onPglite.url));
  });
});
