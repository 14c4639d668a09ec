// The indexer's HTTP API: Ponder's SQL-over-HTTP client endpoint and GraphQL, plus small REST
// routes the app reads. Every input is validated: malformed → 400, unknown → 404, never a 500.
import { db } from 'ponder:api';
import schema, { poolSnapshot, position, protocolEvent } from 'ponder:schema';
import { Hono } from 'hono';
import { and, client, desc, eq, graphql } from 'ponder';
import { deployments } from '../../../contracts-abi/deployments';
import { checkAddress, checkLimit, checkPool } from '../../../lib/history/queryParams';

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

app.get('/events', async (c) => {
  const limit = checkLimit(c.req.query('limit'), 50);
  if (!limit.ok) return c.json({ error: limit.message }, limit.status);
  const rows = await db.select().from(protocolEvent).orderBy(desc(protocolEvent.blockNumber)).limit(limit.value);
  return c.json(json(rows));
});

app.get('/accounts/:account/portfolio', async (c) => {
  const account = checkAddress(c.req.param('account'), 'account');
  if (!account.ok) return c.json({ error: account.message }, account.status);
  const limit = checkLimit(c.req.query('limit'), 100);
  if (!limit.ok) return c.json({ error: limit.message }, limit.status);
  const [positions, events] = await Promise.all([
    db.select().from(position).where(eq(position.account, account.value)),
    db.select().from(protocolEvent).where(and(eq(protocolEvent.account, account.value))).orderBy(desc(protocolEvent.blockNumber)).limit(limit.value),
  ]);
  return c.json(json({ positions, events }));
});

app.onError((error, c) => {
  console.error(error);
  return c.json({ error: 'The indexer could not answer this query.' }, 503);
});
app.notFound((c) => c.json({ error: `No route ${c.req.path}` }, 404));

export default app;
