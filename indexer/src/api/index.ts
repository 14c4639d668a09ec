// The indexer's HTTP API: Ponder's SQL-over-HTTP client endpoint and GraphQL, plus small REST
// routes the app reads. Every input is validated: malformed → 400, unknown → 404, never a 500.
import { db } from 'ponder:api';
import schema, { auction, cover, feeDistribution, sigmaUpdate, poolIncome, poolSnapshot, position, protocolEvent, redeemRequest, shortfall } from 'ponder:schema';
import { Hono } from 'hono';
import { and, asc, client, desc, eq, gte, graphql } from 'ponder';
import { deployments } from '../../../contracts-abi/deployments';
import { checkAddress, checkLimit, checkPool } from '../../../lib/history/queryParams';
import { incomeApy, sharePriceApy } from '../../../lib/history/apy';

const chainId = Number(process.env.PONDER_CHAIN_ID ?? 31337);
const contracts = deployments[chainId]!.contracts;
const pools = { junior: contracts.juniorPool!.address, senior: contracts.seniorPool!.address };

const app = new Hono();
app.use('/sql/*', client({ db, schema }));
app.use('/graphql', graphql({ db, schema }));

const json = (value: unknown) => JSON.parse(JSON.stringify(value, (_, v) => (typeof v === 'bigint' ? v.toString() : v)));

app.get('/pools/:pool/snapshots', async (c) => {
  const pool = checkPool(c.req.param('pool'), pools);
  if (!pool.ok) return c.json({ error: pool.message }, pool.status);
  const limit = checkLimit(c.req.query('limit'), 200);
  if (!limit.ok) return c.json({ error: limit.message }, limit.status);
  const rows = await db.select().from(poolSnapshot).where(eq(poolSnapshot.pool, pool.value)).orderBy(desc(poolSnapshot.blockNumber)).limit(limit.value);
  return c.json(json(rows.reverse()));
});

const DAY = 86_400;

// Realised yield over the trailing 7 and 30 days, as of the newest indexed block.
app.get('/pools/:pool/apy', async (c) => {
  const pool = checkPool(c.req.param('pool'), pools);
  if (!pool.ok) return c.json({ error: pool.message }, pool.status);
  // "Now" is the newest indexed block with any pool activity, so a quiet pool still earns to date.
  const latest = await db.select().from(poolSnapshot).orderBy(desc(poolSnapshot.blockNumber)).limit(1);
  if (latest.length === 0) return c.json({ asOf: null, windows: [] });
  const now = Number(latest[0]!.timestamp);
  const since = BigInt(now - 30 * DAY);
  // Snapshots before the window carry their level into it, so take one older row too.
  const [points, older, incomes] = await Promise.all([
    db.select().from(poolSnapshot).where(and(eq(poolSnapshot.pool, pool.value), gte(poolSnapshot.timestamp, since))).orderBy(asc(poolSnapshot.timestamp)),
    db.select().from(poolSnapshot).where(eq(poolSnapshot.pool, pool.value)).orderBy(asc(poolSnapshot.timestamp)).limit(1),
    db.select().from(poolIncome).where(eq(poolIncome.pool, pool.value)),
  ]);
  const all = [...older, ...points];
  const windows = [7, 30].map((days) => ({
    days,
    incomeApy: incomeApy(incomes, all, now - days * DAY, now),
    sharePriceApy: sharePriceApy(all, now - days * DAY, now),
  }));
  return c.json({ asOf: now, windows });
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

newest('/events', (limit) => db.select().from(protocolEvent).orderBy(desc(protocolEvent.blockNumber)).limit(limit));
newest('/shortfalls', (limit) => db.select().from(shortfall).orderBy(desc(shortfall.blockNumber)).limit(limit));
newest('/fees', (limit) => db.select().from(feeDistribution).orderBy(desc(feeDistribution.blockNumber)).limit(limit));
newest('/covers', (limit) => db.select().from(cover).orderBy(desc(cover.tokenId)).limit(limit));
newest('/auctions', (limit) => db.select().from(auction).orderBy(desc(auction.auctionId)).limit(limit));
newest('/sigma', (limit) => db.select().from(sigmaUpdate).orderBy(desc(sigmaUpdate.timestamp)).limit(limit), { fallback: 200, chronological: true });

app.get('/accounts/:account/portfolio', async (c) => {
  const account = checkAddress(c.req.param('account'), 'account');
  if (!account.ok) return c.json({ error: account.message }, account.status);
  const limit = checkLimit(c.req.query('limit'), 100);
  if (!limit.ok) return c.json({ error: limit.message }, limit.status);
  const [positions, requests, covers, events] = await Promise.all([
    db.select().from(position).where(eq(position.account, account.value)),
    db.select().from(redeemRequest).where(eq(redeemRequest.controller, account.value)).orderBy(desc(redeemRequest.requestedBlock)),
    db.select().from(cover).where(eq(cover.holder, account.value)).orderBy(desc(cover.tokenId)),
    db.select().from(protocolEvent).where(and(eq(protocolEvent.account, account.value))).orderBy(desc(protocolEvent.blockNumber)).limit(limit.value),
  ]);
  return c.json(json({ positions, requests, covers, events }));
});

app.onError((error, c) => {
  console.error(error);
  return c.json({ error: 'The indexer could not answer this query.' }, 503);
});
app.notFound((c) => c.json({ error: `No route ${c.req.path}` }, 404));

export default app;
