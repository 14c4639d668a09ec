// Cover market and volatility oracle events: products, each cover's life cycle (holder follows the
// ERC-721 transfers), claims, releases, and σ over time.
import { ponder } from 'ponder:registry';
import { cover, coverProduct, protocolEvent, sigmaUpdate } from 'ponder:schema';
import { zeroAddress } from 'viem';

ponder.on('CoverMarket:ProductRegistered', async ({ event, context }) => {
  const a = event.args;
  await context.db.insert(coverProduct).values({
    productId: a.productId,
    feed: a.feed,
    pool: a.pool,
    oracle: a.oracle,
    direction: Number(a.direction),
    confirmations: a.confirmations,
    activationDelay: a.activationDelay,
    claimGrace: a.claimGrace,
    paused: false,
  });
});

ponder.on('CoverMarket:ProductPaused', async ({ event, context }) => {
  await context.db.update(coverProduct, { productId: event.args.productId }).set({ paused: event.args.paused });
});

ponder.on('CoverMarket:CoverBought', async ({ event, context }) => {
  const a = event.args;
  const product = await context.db.find(coverProduct, { productId: a.productId });
  await context.db.insert(cover).values({
    tokenId: a.tokenId,
    productId: a.productId,
    buyer: a.buyer,
    holder: a.buyer,
    strike: a.strike,
    payout: a.payout,
    premium: a.premium,
    start: a.start,
    end: a.end,
    claimDeadline: a.end + (product?.claimGrace ?? 0n),
    releaseDay: a.releaseDay,
    spot: a.spot,
    sigma: a.sigma,
    status: 'active',
    claimRoundId: null,
    boughtBlock: event.block.number,
    updatedBlock: event.block.number,
    txHash: event.transaction.hash,
  });
  await context.db.insert(protocolEvent).values({
    id: event.id,
    kind: 'cover-bought',
    contract: event.log.address,
    pool: product?.pool ?? null,
    account: a.buyer,
    assets: a.premium,
    shares: null,
    blockNumber: event.block.number,
    timestamp: event.block.timestamp,
    txHash: event.transaction.hash,
  });
});

ponder.on('CoverMarket:CoverClaimed', async ({ event, context }) => {
  const a = event.args;
  const claimed = await context.db
    .update(cover, { tokenId: a.tokenId })
    .set({ status: 'claimed', claimRoundId: BigInt(a.roundId), updatedBlock: event.block.number });
  const product = await context.db.find(coverProduct, { productId: claimed.productId });
  await context.db.insert(protocolEvent).values({
    id: event.id,
    kind: 'cover-claimed',
    contract: event.log.address,
    pool: product?.pool ?? null,
    account: a.holder,
    assets: a.payout,
    shares: null,
    blockNumber: event.block.number,
    timestamp: event.block.timestamp,
    txHash: event.transaction.hash,
  });
});

ponder.on('CoverMarket:CoverReleased', async ({ event, context }) => {
  await context.db.update(cover, { tokenId: event.args.tokenId }).set({ status: 'released', updatedBlock: event.block.number });
});

// The cover is a transferable token: whoever holds it now is who a claim pays. A claimed or released
// cover is frozen with its last holder (the market refuses its transfers), so the row keeps that holder.
ponder.on('CoverMarket:Transfer', async ({ event, context }) => {
  const { from, to, tokenId } = event.args;
  if (from === zeroAddress) return; // the mint: CoverBought (same transaction) records the buyer
  await context.db.update(cover, { tokenId }).set({ holder: to, updatedBlock: event.block.number });
});

ponder.on('VolatilityOracle:VolatilityOracleUpdated', async ({ event, context }) => {
  const a = event.args;
  await context.db.insert(sigmaUpdate).values({
    id: event.id,
    oracle: event.log.address,
    roundId: BigInt(a.roundId),
    updatedAt: a.updatedAt,
    variance: a.variance,
    sigma: a.sigma,
    rounds: a.rounds,
    blockNumber: event.block.number,
    timestamp: event.block.timestamp,
  });
});
