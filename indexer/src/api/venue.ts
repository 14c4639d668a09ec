// The venue's REST routes: open positions, recent trades and liquidations, bad debt with its split, the
// socialised losses, and the open-interest / bad-debt series the overview charts. `?limit=` validated.
import { db } from 'ponder:api';
import { venueBadDebt, venuePosition, venueSeries, venueSocialLoss, venueTrade } from 'ponder:schema';
import type { Hono } from 'hono';
import { asc, desc, eq, like } from 'ponder';
import { checkAddress, checkLimit } from '../../../lib/history/queryParams';

const json = (value: unknown) => JSON.parse(JSON.stringify(value, (_, v) => (typeof v === 'bigint' ? v.toString() : v)));

export function venueRoutes(app: Hono) {
  const limited = (path: string, fallback: number, query: (limit: number, req: { query: (k: string) => string | undefined }) => Promise<unknown[]>) =>
    app.get(path, async (c) => {
      const limit = checkLimit(c.req.query('limit'), fallback);
      if (!limit.ok) return c.json({ error: limit.message }, limit.status);
      return c.json(json(await query(limit.value, c.req)));
    });
  limited('/venue/positions', 200, (limit) =>
    db.select().from(venuePosition).where(eq(venuePosition.status, 'open')).orderBy(desc(venuePosition.updatedBlock)).limit(limit),
  );
  limited('/venue/trades', 50, (limit) => db.select().from(venueTrade).orderBy(desc(venueTrade.blockNumber), desc(venueTrade.id)).limit(limit));
  limited('/venue/liquidations', 50, (limit) =>
    db.select().from(venueTrade).where(like(venueTrade.kind, 'liquidation-%')).orderBy(desc(venueTrade.blockNumber), desc(venueTrade.id)).limit(limit),
  );
  limited('/venue/bad-debt', 50, (limit) => db.select().from(venueBadDebt).orderBy(desc(venueBadDebt.blockNumber), desc(venueBadDebt.id)).limit(limit));
  limited('/venue/social-losses', 50, (limit) =>
    db.select().from(venueSocialLoss).orderBy(desc(venueSocialLoss.blockNumber), desc(venueSocialLoss.id)).limit(limit),
  );
  limited('/venue/series', 500, async (limit) => (await db.select().from(venueSeries).orderBy(desc(venueSeries.blockNumber)).limit(limit)).reverse());
  app.get('/venue/traders/:trader', async (c) => {
    const trader = checkAddress(c.req.param('trader'), 'trader');
    if (!trader.ok) return c.json({ error: trader.message }, trader.status);
    const t = trader.value.toLowerCase() as `0x${string}`;
    const [position] = await db.select().from(venuePosition).where(eq(venuePosition.trader, t)).limit(1);
    const trades = await db.select().from(venueTrade).where(eq(venueTrade.trader, t)).orderBy(asc(venueTrade.blockNumber)).limit(500);
    return c.json(json({ position: position ?? null, trades }));
  });
}
