// The Recapitalizer's rolling 24 h mint budget: each buy's draw on it (shared by every auction and venue),
// so history shows how much of the day's dilution allowance auctions used and what was left.
import { ponder } from 'ponder:registry';
import { mintBudgetUse } from 'ponder:schema';

ponder.on('Recapitalizer:MintBudgetUsed', async ({ event, context }) => {
  const a = event.args;
  await context.db.insert(mintBudgetUse).values({
    id: event.id,
    auctionId: a.auctionId,
    minted: a.minted,
    used: a.used,
    cap: a.cap,
    available: a.available,
    blockNumber: event.block.number,
    timestamp: event.block.timestamp,
  });
});
