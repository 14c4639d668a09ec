// Cover exchange events: the book of listings and offers, and every fill with the cover's model value at
// its block (the CoverValue twin on the feed's price and σ read at that block).
import { ponder } from 'ponder:registry';
import { cover, coverProduct, coverTrade, exchangeListing, exchangeOffer } from 'ponder:schema';
import type { Address } from 'viem';
import { aggregatorV3Abi, volatilityOracleAbi } from '../../contracts-abi';
import { coverMarkDown } from '../../lib/exchange/coverMark';

ponder.on('CoverExchange:Listed', async ({ event, context }) => {
  const a = event.args;
  const row = { seller: a.seller, price: a.price, status: 'listed', listedAt: event.block.timestamp, updatedBlock: event.block.number };
  await context.db
    .insert(exchangeListing)
    .values({ tokenId: a.tokenId, ...row })
    .onConflictDoUpdate(row);
});

ponder.on('CoverExchange:ListingCancelled', async ({ event, context }) => {
  await context.db.update(exchangeListing, { tokenId: event.args.tokenId }).set({ status: 'cancelled', updatedBlock: event.block.number });
});

ponder.on('CoverExchange:OfferMade', async ({ event, context }) => {
  const a = event.args;
  await context.db.insert(exchangeOffer).values({
    offerId: a.offerId,
    tokenId: a.tokenId,
    buyer: a.buyer,
    amount: a.amount,
    expiry: a.expiry,
    status: 'open',
    madeAt: event.block.timestamp,
    updatedBlock: event.block.number,
  });
});

ponder.on('CoverExchange:OfferCancelled', async ({ event, context }) => {
  await context.db.update(exchangeOffer, { offerId: event.args.offerId }).set({ status: 'cancelled', updatedBlock: event.block.number });
});

ponder.on('CoverExchange:CoverTraded', async ({ event, context }) => {
  const a = event.args;
  if (a.offerId === 0n) {
    await context.db.update(exchangeListing, { tokenId: a.tokenId }).set({ status: 'sold', updatedBlock: event.block.number });
  } else {
    await context.db.update(exchangeOffer, { offerId: a.offerId }).set({ status: 'accepted', updatedBlock: event.block.number });
  }
  const c = await context.db.find(cover, { tokenId: a.tokenId });
  const product = c ? await context.db.find(coverProduct, { productId: c.productId }) : null;
  let spot = 0n;
  let sigma = 0n;
  let modelValue = 0n;
  if (c && product) {
    const blockNumber = event.block.number;
    const [round, vol] = await Promise.all([
      context.client.readContract({ address: product.feed as Address, abi: aggregatorV3Abi, functionName: 'latestRoundData', blockNumber }),
      context.client.readContract({ address: product.oracle as Address, abi: volatilityOracleAbi, functionName: 'volatility', blockNumber }),
    ]);
    spot = round[1] > 0n ? round[1] : 0n;
    sigma = vol[0];
    try {
      modelValue = coverMarkDown(
        { status: 1, payout: c.payout, strike: c.strike, end: c.end, down: product.direction === 0 },
        { spot, sigma, now: event.block.timestamp },
        false,
      );
    } catch {
      modelValue = 0n; // a price outside the formula's domain (0): no mark
    }
  }
  await context.db.insert(coverTrade).values({
    id: event.id,
    tokenId: a.tokenId,
    seller: a.seller,
    buyer: a.buyer,
    price: a.price,
    fee: a.fee,
    offerId: a.offerId,
    spot,
    sigma,
    modelValue,
    blockNumber: event.block.number,
    timestamp: event.block.timestamp,
    txHash: event.transaction.hash,
  });
});
