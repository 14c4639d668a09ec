// The reference PerpVenue's events: positions and trades, liquidations (partial, full, with bad debt),
// bad debt and its split, socialised losses, and the per-block open-interest / bad-debt series.
import { ponder, type Context } from 'ponder:registry';
import { protocolEvent, venueBadDebt, venuePosition, venueSeries, venueSocialLoss, venueTotals, venueTrade } from 'ponder:schema';
import type { Address, Hex } from 'viem';
import type { VenueTotals } from '../../lib/venue/venueActivity';

type Block = { number: bigint; timestamp: bigint };
/** The venue's running totals as lib/venue reads them back, less the block they are read at. */
type Totals = Omit<VenueTotals, 'blockNumber'>;
const ZERO: Totals = {
  longOpenInterest: 0n,
  shortOpenInterest: 0n,
  price: 0n,
  badDebt: 0n,
  paidByPools: 0n,
  recapitalized: 0n,
  socialised: 0n,
  feesToPools: 0n,
};

/** Applies `change` to the running totals and writes them as this block's series row (last event wins). */
async function bump(context: Context, block: Block, change: (t: Totals) => Partial<Totals>) {
  const { id: _, ...base } = (await context.db.find(venueTotals, { id: 'venue' })) ?? { id: 'venue', ...ZERO };
  const next = { ...base, ...change(base) };
  await context.db
    .insert(venueTotals)
    .values({ id: 'venue', ...next })
    .onConflictDoUpdate(next);
  const row = { ...next, timestamp: block.timestamp };
  await context.db
    .insert(venueSeries)
    .values({ blockNumber: block.number, ...row })
    .onConflictDoUpdate(row);
}

const side = (isLong: boolean, delta: bigint) => (t: Totals) =>
  isLong ? { longOpenInterest: t.longOpenInterest + delta } : { shortOpenInterest: t.shortOpenInterest + delta };

async function feed(context: Context, id: string, kind: string, contract: Address, account: Address, assets: bigint, block: Block, txHash: Hex) {
  await context.db
    .insert(protocolEvent)
    .values({ id, kind, contract, account, assets, shares: null, blockNumber: block.number, timestamp: block.timestamp, txHash });
}

ponder.on('PerpVenue:PositionIncreased', async ({ event, context }) => {
  const a = event.args;
  const opened = a.size === a.sizeDelta;
  const row = {
    isLong: a.isLong,
    size: a.size,
    entryPrice: a.price,
    margin: a.margin,
    marginFraction: a.marginFraction,
    status: 'open',
    updatedBlock: event.block.number,
  };
  await context.db
    .insert(venuePosition)
    .values({ trader: a.trader, ...row, openedBlock: event.block.number })
    .onConflictDoUpdate(opened ? { ...row, openedBlock: event.block.number } : row);
  await context.db.insert(venueTrade).values({
    id: event.id,
    trader: a.trader,
    kind: opened ? 'open' : 'increase',
    isLong: a.isLong,
    sizeDelta: a.sizeDelta,
    price: a.price,
    fee: a.fee,
    realizedPnl: a.realizedPnl,
    socialLossCharge: a.socialLossCharge,
    payout: 0n,
    sizeAfter: a.size,
    marginAfter: a.margin,
    liquidator: null,
    liquidatorFee: 0n,
    badDebt: 0n,
    blockNumber: event.block.number,
    timestamp: event.block.timestamp,
    txHash: event.transaction.hash,
  });
  await bump(context, event.block, (t) => ({ ...side(a.isLong, a.sizeDelta)(t), price: a.price }));
});

ponder.on('PerpVenue:PositionDecreased', async ({ event, context }) => {
  const a = event.args;
  const closed = a.size === 0n;
  await context.db
    .update(venuePosition, { trader: a.trader })
    .set({ size: a.size, margin: a.margin, status: closed ? 'closed' : 'open', updatedBlock: event.block.number });
  await context.db.insert(venueTrade).values({
    id: event.id,
    trader: a.trader,
    kind: closed ? 'close' : 'reduce',
    isLong: a.isLong,
    sizeDelta: a.sizeDelta,
    price: a.price,
    fee: a.fee,
    realizedPnl: a.realizedPnl,
    socialLossCharge: a.socialLossCharge,
    payout: a.payout,
    sizeAfter: a.size,
    marginAfter: a.margin,
    liquidator: null,
    liquidatorFee: 0n,
    badDebt: 0n,
    blockNumber: event.block.number,
    timestamp: event.block.timestamp,
    txHash: event.transaction.hash,
  });
  await bump(context, event.block, (t) => ({ ...side(a.isLong, -a.sizeDelta)(t), price: a.price }));
});

ponder.on('PerpVenue:MarginChanged', async ({ event, context }) => {
  await context.db.update(venuePosition, { trader: event.args.trader }).set({ margin: event.args.margin, updatedBlock: event.block.number });
});

ponder.on('PerpVenue:PositionLiquidated', async ({ event, context }) => {
  const a = event.args;
  const position = await context.db.find(venuePosition, { trader: a.trader });
  const isLong = position?.isLong ?? true;
  const kind = a.badDebt > 0n ? 'liquidation-bad-debt' : a.size === 0n ? 'liquidation-full' : 'liquidation-partial';
  await context.db
    .update(venuePosition, { trader: a.trader })
    .set({ size: a.size, margin: a.margin, status: a.size === 0n ? 'liquidated' : 'open', updatedBlock: event.block.number });
  await context.db.insert(venueTrade).values({
    id: event.id,
    trader: a.trader,
    kind,
    isLong,
    sizeDelta: a.sizeClosed,
    price: a.price,
    fee: a.tradingFee,
    realizedPnl: a.realizedPnl,
    socialLossCharge: a.socialLossCharge,
    payout: a.toTrader,
    sizeAfter: a.size,
    marginAfter: a.margin,
    liquidator: a.liquidator,
    liquidatorFee: a.liquidatorFee,
    badDebt: a.badDebt,
    blockNumber: event.block.number,
    timestamp: event.block.timestamp,
    txHash: event.transaction.hash,
  });
  await feed(context, event.id, kind, event.log.address, a.trader, a.badDebt > 0n ? a.badDebt : a.liquidatorFee, event.block, event.transaction.hash);
  await bump(context, event.block, (t) => ({ ...side(isLong, -a.sizeClosed)(t), price: a.price }));
});

ponder.on('PerpVenue:BadDebtAbsorbed', async ({ event, context }) => {
  const a = event.args;
  await context.db.insert(venueBadDebt).values({
    id: event.id,
    trader: a.trader,
    isLong: a.isLong,
    debt: a.debt,
    junior: a.junior,
    senior: a.senior,
    recapitalization: a.recapitalization,
    remainder: a.remainder,
    auctionId: a.auctionId,
    deferred: false,
    blockNumber: event.block.number,
    timestamp: event.block.timestamp,
    txHash: event.transaction.hash,
  });
  // A deferred debt retried (trader 0) was counted when it was deferred.
  const retried = /^0x0{40}$/i.test(a.trader);
  await bump(context, event.block, (t) => ({ badDebt: t.badDebt + (retried ? 0n : a.debt), paidByPools: t.paidByPools + a.junior + a.senior }));
});

ponder.on('PerpVenue:BadDebtDeferred', async ({ event, context }) => {
  const a = event.args;
  await context.db.insert(venueBadDebt).values({
    id: event.id,
    trader: a.trader,
    isLong: a.isLong,
    debt: a.debt,
    junior: 0n,
    senior: 0n,
    recapitalization: 0n,
    remainder: 0n,
    auctionId: 0n,
    deferred: true,
    blockNumber: event.block.number,
    timestamp: event.block.timestamp,
    txHash: event.transaction.hash,
  });
  await bump(context, event.block, (t) => ({ badDebt: t.badDebt + a.debt }));
});

ponder.on('PerpVenue:SocialLossApplied', async ({ event, context }) => {
  const a = event.args;
  await context.db.insert(venueSocialLoss).values({
    id: event.id,
    chargedLongs: a.chargedLongs,
    auctionId: a.auctionId,
    amount: a.amount,
    indexDelta: a.indexDelta,
    index: a.index,
    openInterest: a.openInterest,
    dustScaled: a.dustScaled,
    blockNumber: event.block.number,
    timestamp: event.block.timestamp,
    txHash: event.transaction.hash,
  });
  await bump(context, event.block, (t) => ({ socialised: t.socialised + a.amount }));
});

ponder.on('PerpVenue:RecapitalizationSynced', async ({ event, context }) => {
  await bump(context, event.block, (t) => ({ recapitalized: t.recapitalized + event.args.raised }));
});

ponder.on('PerpVenue:PoolFeesDistributed', async ({ event, context }) => {
  await bump(context, event.block, (t) => ({ feesToPools: t.feesToPools + event.args.amount }));
});
