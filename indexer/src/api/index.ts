// The indexer's HTTP API: Ponder's SQL-over-HTTP endpoint (what the app reads, through
// @ponder/client) and GraphQL, plus REST routes for integrators and bots. Every input is validated:
// malformed → 400, unknown → 404, never a 500.
import { db } from 'ponder:api';
import schema, { auction, cover, feeDistribution, mintBudgetUse, shortfall, sigmaUpdate } from 'ponder:schema';
import { Hono } from 'hono';
import { client, desc, graphql } from 'ponder';
import { deployments } from '../../../contracts-abi/deployments';
import { checkAddress, checkLimit, checkPool } from '../../../lib/history/queryParams';
import { venueRoutes } from './venue';
import { accountPortfolio, governanceHistory, pendingGovernance, poolApy, poolSnapshots, recentEvents, type HistoryDb } from '../../../lib/history/queries';

const chainId = Number(process.env.PONDER_CHAIN_ID ?? 31337);
const contracts = deployments[chainId]!.contracts;
const pools = { junior: contracts.juniorPool!.address, senior: contracts.seniorPool!.address };

// The app asks the same questions over /sql with @ponder/client; here they run on Ponder's own
// read-only connection. Both are Drizzle Postgres databases over the same tables.
const history = db as unknown as HistoryDb;

const app = new Hono();
app.use('/sql/*', client({ db, schema }));
app.use('/graphql', graphql({ db, schema }));

const json = (value: unknown) => JSON.parse(JSON.stringify(value, (_, v) => (typeof v === 'bigint' ? v.toString() : v)));

app.get('/pools/:pool/snapshots', async (c) => {
  const pool = checkPool(c.req.param('pool'), pools);
  if (!pool.ok) return c.json({ error: pool.message }, pool.status);
  const limit = checkLimit(c.req.query('limit'), 200);
  if (!limit.ok) return c.json({ error: limit.message }, limit.status);
  return c.json(json(await poolSnapshots(history, pool.value, limit.value)));
});

app.get('/pools/:pool/apy', async (c) => {
  const pool = checkPool(c.req.param('pool'), pools);
  if (!pool.ok) return c.json({ error: pool.message }, pool.status);
  return c.json(await poolApy(history, pool.value));
});

// The newest rows of one table, newest first (or oldest first for a time series), `?limit=` validated.
function newest(path: string, query: (limit: number) => Promise<unknown[]>, options: { fallback?: number; chronological?: boolean } = {}) {
  app.get(path, async (c) => {
    const limit = checkLimit(c.req.query('limit'), options.fallback ?? 50);
    if (!limit.ok) return c.json({ error: limit.message }, limit.status);
    const rows = await query(limit.value);
    return c.json(json(options.chronological ? rows.reverse() : rows));
  });
}

newest('/events', (limit) => recentEvents(history, limit));
newest('/shortfalls', (limit) => db.select().from(shortfall).orderBy(desc(shortfall.blockNumber)).limit(limit));
newest('/fees', (limit) => db.select().from(feeDistribution).orderBy(desc(feeDistribution.blockNumber)).limit(limit));
newest('/covers', (limit) => db.select().from(cover).orderBy(desc(cover.tokenId)).limit(limit));
newest('/auctions', (limit) => db.select().from(auction).orderBy(desc(auction.auctionId)).limit(limit));
newest('/mint-budget', (limit) => db.select().from(mintBudgetUse).orderBy(desc(mintBudgetUse.blockNumber), desc(mintBudgetUse.id)).limit(limit));
newest('/governance', (limit) => governanceHistory(history, limit));
newest('/governance/pending', (limit) => pendingGovernance(history, limit));
newest('/sigma', (limit) => db.select().from(sigmaUpdate).orderBy(desc(sigmaUpdate.timestamp)).limit(limit), { fallback: 200, chronological: true });

venueRoutes(app);

app.get('/accounts/:account/portfolio', async (c) => {
  const account = checkAddress(c.req.param('account'), 'account');
  if (!account.ok) return c.json({ error: account.message }, account.status);
  const limit = checkLimit(c.req.query('limit'), 100);
  if (!limit.ok) return c.json({ error: limit.message }, limit.status);
  return c.json(json(await accountPortfolio(history, account.value, limit.value)));
});

app.onError((error, c) => {
  console.error(error);
  return c.json({ error: 'The indexer could not answer this query.' }, 503);
});
app.notFound((c) => c.json({ error: `No route ${c.req.path}` }, 404));

export default app;
