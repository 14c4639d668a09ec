// Event handlers. Pool events update the activity feed, the account's position, the redeem request
// and the pool's snapshot at that block (read from the chain at that block, so history equals the
// chain); waterfall and recapitalizer events record shortfall splits, fee splits and auctions.
//
// RPC requests, not handler code or database writes, bound how fast this indexes: Ponder admits about
// 20 requests per second per RPC URL at first and raises that only slowly (ponder.config.ts gives it
// several lanes). So reads are made once per block: one eth_call for every pool's snapshot; a redeem
// request's terms (value at request, claim window) come from its RedeemRequestTerms event, with no read
// at all (`npm run bench -- indexer` measures the effect).
import { ponder, type Context } from 'ponder:registry';
import { auction, feeDistribution, poolIncome, poolSnapshot, position, protocolEvent, redeemRequest, shortfall, venue } from 'ponder:schema';
import { zeroAddress, type Address, type Hex } from 'viem';
import { backstopPoolAbi } from '../../contracts-abi';
import { sharePrice } from '../../lib/history/sharePrice';

type EventMeta = {
  block: { number: bigint; timestamp: bigint; hash: Hex };
  transaction: { hash: `0x${string}` };
  log: { address: Address; logIndex: number };
  id: string;
};

const SNAPSHOT_VIEWS = ['totalAssets', 'totalSupply', 'lockedAssets', 'unearnedPremium', 'freeAssets'] as const;
type PoolState = Record<(typeof SNAPSHOT_VIEWS)[number], bigint>;

/** Most recent blocks' pool states, by block hash (a reorged block has another hash). */
const poolStates = new Map<Hex, Promise<Map<string, PoolState | undefined>>>();

// Every pool's state at the end of a block in one eth_call: the views of all pools in a deployless
// multicall (Multicall3's bytecode runs inside the eth_call, so no Multicall3 deployment is needed on
// any chain). A block with events in both pools costs one request, not eight.
function poolStatesAt(context: Context, block: { hash: Hex; number: bigint }) {
  let states = poolStates.get(block.hash);
  if (states) return states;
  const pools = context.contracts.BackstopPool.address as readonly Address[];
  states = context.client
    .multicall({
      contracts: pools.flatMap((address) => SNAPSHOT_VIEWS.map((functionName) => ({ abi: backstopPoolAbi, address, functionName }))),
      deployless: true,
      blockNumber: block.number,
    })
    .then((results) => {
      const byPool = new Map<string, PoolState | undefined>();
      pools.forEach((pool, p) => {
        const views = results.slice(p * SNAPSHOT_VIEWS.length, (p + 1) * SNAPSHOT_VIEWS.length);
        // A pool not deployed yet at this block fails its calls; only a pool with an event is asked for.
        if (views.some((v) => v.status !== 'success')) return byPool.set(pool.toLowerCase(), undefined);
        byPool.set(pool.toLowerCase(), Object.fromEntries(SNAPSHOT_VIEWS.map((name, i) => [name, views[i]!.result as bigint])) as PoolState);
      });
      return byPool;
    });
  states.catch(() => poolStates.delete(block.hash));
  poolStates.set(block.hash, states);
  if (poolStates.size > 4) poolStates.delete(poolStates.keys().next().value!);
  return states;
}

// One snapshot per (pool, block): a read at `blockNumber` already sees the block's final state, so
// later events in the same block need no second read.
async function snapshot(context: Context, pool: Address, event: EventMeta) {
  const key = { pool, blockNumber: event.block.number };
  if (await context.db.find(poolSnapshot, key)) return;
  const state = (await poolStatesAt(context, event.block)).get(pool.toLowerCase());
  if (!state) throw new Error(`pool ${pool} has no state at block ${event.block.number}`);
  const { totalAssets, totalSupply, lockedAssets, unearnedPremium, freeAssets } = state;
  await context.db.insert(poolSnapshot).values({
    ...key,
    timestamp: event.block.timestamp,
    totalAssets,
    totalSupply,
    lockedAssets,
    unearnedPremium,
    freeAssets,
    sharePrice: sharePrice({ totalAssets, totalSupply }),
  });
}

type PositionChange = { shares?: bigint; escrowedShares?: bigint; deposited?: bigint; withdrawn?: bigint };

async function touchPosition(context: Context, pool: Address, account: Address, block: bigint, change: PositionChange) {
  await context.db
    .insert(position)
    .values({
      pool,
      account,
      shares: change.shares ?? 0n,
      escrowedShares: change.escrowedShares ?? 0n,
      deposited: change.deposited ?? 0n,
      withdrawn: change.withdrawn ?? 0n,
      updatedBlock: block,
    })
    .onConflictDoUpdate((row) => ({
      shares: row.shares + (change.shares ?? 0n),
      escrowedShares: row.escrowedShares + (change.escrowedShares ?? 0n),
      deposited: row.deposited + (change.deposited ?? 0n),
      withdrawn: row.withdrawn + (change.withdrawn ?? 0n),
      updatedBlock: block,
    }));
}

async function feed(context: Context, event: EventMeta, kind: string, account: Address | null, assets: bigint | null, shares: bigint | null = null) {
  await context.db.insert(protocolEvent).values({
    id: event.id,
    kind,
    contract: event.log.address,
    account,
    assets,
    shares,
    blockNumber: event.block.number,
    timestamp: event.block.timestamp,
    txHash: event.transaction.hash,
  });
}

// ------------------------------------------------------------------ pools

ponder.on('BackstopPool:Deposit', async ({ event, context }) => {
  const pool = event.log.address;
  await feed(context, event, 'deposit', event.args.owner, event.args.assets, event.args.shares);
  await touchPosition(context, pool, event.args.owner, event.block.number, { deposited: event.args.assets });
  await snapshot(context, pool, event);
});

// Redeem/withdraw claims from the controller's request (ERC-7540): `owner` in the event is the controller.
ponder.on('BackstopPool:Withdraw', async ({ event, context }) => {
  const pool = event.log.address;
  const controller = event.args.owner;
  await feed(context, event, 'withdraw', controller, event.args.assets, event.args.shares);
  await touchPosition(context, pool, controller, event.block.number, { withdrawn: event.args.assets, escrowedShares: -event.args.shares });
  const requestId = (await context.db.find(position, { pool, account: controller }))?.openRequestId ?? 0n;
  if (requestId !== 0n) {
    const request = await context.db.update(redeemRequest, { pool, requestId }).set((row) => {
      const remainingShares = row.remainingShares - event.args.shares;
      return {
        remainingShares,
        claimedAssets: row.claimedAssets + event.args.assets,
        status: remainingShares === 0n ? 'claimed' : 'partially-claimed',
        updatedBlock: event.block.number,
      };
    });
    if (request.remainingShares === 0n) await context.db.update(position, { pool, account: controller }).set({ openRequestId: 0n });
  }
  await snapshot(context, pool, event);
});

// requestRedeem emits RedeemRequest (ERC-7540's fields) and then, in the same transaction,
// RedeemRequestTerms (value at request and claim window): the row is inserted by the first and completed
// by the second before anything else can read it.
ponder.on('BackstopPool:RedeemRequest', async ({ event, context }) => {
  const pool = event.log.address;
  const { controller, owner, requestId, shares } = event.args;
  await context.db.insert(redeemRequest).values({
    pool,
    requestId,
    controller,
    owner,
    shares,
    assetsAtRequest: 0n,
    remainingShares: shares,
    claimedAssets: 0n,
    claimableAt: 0n,
    expiresAt: 0n,
    status: 'requested',
    requestedBlock: event.block.number,
    updatedBlock: event.block.number,
  });
  await feed(context, event, 'redeem-request', controller, null, shares);
  await touchPosition(context, pool, controller, event.block.number, { escrowedShares: shares });
  await context.db.update(position, { pool, account: controller }).set({ openRequestId: requestId });
});

ponder.on('BackstopPool:RedeemRequestTerms', async ({ event, context }) => {
  const { requestId, assetsAtRequest, claimableAt, expiresAt } = event.args;
  await context.db.update(redeemRequest, { pool: event.log.address, requestId }).set({ assetsAtRequest, claimableAt, expiresAt });
});

ponder.on('BackstopPool:RedeemRequestLapsed', async ({ event, context }) => {
  const pool = event.log.address;
  const { controller, requestId, shares } = event.args;
  await context.db.update(redeemRequest, { pool, requestId }).set({ status: 'lapsed', remainingShares: 0n, updatedBlock: event.block.number });
  await feed(context, event, 'redeem-lapsed', controller, null, shares);
  await touchPosition(context, pool, controller, event.block.number, { escrowedShares: -shares });
  const current = await context.db.find(position, { pool, account: controller });
  if (current?.openRequestId === requestId) await context.db.update(position, { pool, account: controller }).set({ openRequestId: 0n });
});

// Share balances follow Transfer (mints, burns, escrow and transfers alike), so positions match balanceOf.
ponder.on('BackstopPool:Transfer', async ({ event, context }) => {
  const pool = event.log.address;
  const { from, to, value } = event.args;
  if (from !== zeroAddress && from !== pool) await touchPosition(context, pool, from, event.block.number, { shares: -value });
  if (to !== zeroAddress && to !== pool) await touchPosition(context, pool, to, event.block.number, { shares: value });
});

ponder.on('BackstopPool:PremiumReceived', async ({ event, context }) => {
  const pool = event.log.address;
  await context.db.insert(poolIncome).values({
    id: event.id,
    pool,
    kind: 'premium',
    amount: event.args.premium,
    earnedAt: event.args.earnedAt,
    blockNumber: event.block.number,
    timestamp: event.block.timestamp,
  });
  await snapshot(context, pool, event);
});

ponder.on('BackstopPool:FeesReceived', async ({ event, context }) => {
  const pool = event.log.address;
  await context.db.insert(poolIncome).values({
    id: event.id,
    pool,
    kind: 'fees',
    amount: event.args.amount,
    earnedAt: event.args.earnedAt,
    blockNumber: event.block.number,
    timestamp: event.block.timestamp,
  });
  await snapshot(context, pool, event);
});

ponder.on('BackstopPool:ClaimPaid', async ({ event, context }) => {
  await feed(context, event, 'claim-paid', event.args.recipient, event.args.amount);
  await snapshot(context, event.log.address, event);
});

ponder.on('BackstopPool:ShortfallCovered', async ({ event, context }) => {
  await snapshot(context, event.log.address, event);
});

ponder.on('BackstopPool:CapitalLocked', async ({ event, context }) => {
  await snapshot(context, event.log.address, event);
});

ponder.on('BackstopPool:CapitalReleased', async ({ event, context }) => {
  await snapshot(context, event.log.address, event);
});

ponder.on('BackstopPool:Checkpoint', async ({ event, context }) => {
  await snapshot(context, event.log.address, event);
});

// ------------------------------------------------------------------ waterfall

ponder.on('ShortfallWaterfall:ShortfallAbsorbed', async ({ event, context }) => {
  const a = event.args;
  await context.db.insert(shortfall).values({
    id: event.id,
    venue: a.venue,
    amount: a.amount,
    junior: a.junior,
    senior: a.senior,
    recapitalization: a.recapitalization,
    remainder: a.remainder,
    auctionId: a.auctionId,
    blockNumber: event.block.number,
    timestamp: event.block.timestamp,
    txHash: event.transaction.hash,
  });
  await context.db
    .update(venue, { address: a.venue })
    .set((row) => ({ exposureUsed: row.exposureUsed + a.junior + a.senior + a.recapitalization, updatedBlock: event.block.number }));
  await feed(context, event, 'shortfall', a.venue, a.amount);
});

ponder.on('ShortfallWaterfall:FeesDistributed', async ({ event, context }) => {
  const a = event.args;
  await context.db.insert(feeDistribution).values({
    id: event.id,
    venue: a.venue,
    amount: a.amount,
    junior: a.junior,
    senior: a.senior,
    blockNumber: event.block.number,
    timestamp: event.block.timestamp,
    txHash: event.transaction.hash,
  });
  await feed(context, event, 'fees', a.venue, a.amount);
});

ponder.on('ShortfallWaterfall:VenueSet', async ({ event, context }) => {
  const row = { registered: true, exposureCap: event.args.exposureCap, exposureUsed: event.args.exposureUsed, updatedBlock: event.block.number };
  await context.db
    .insert(venue)
    .values({ address: event.args.venue, ...row })
    .onConflictDoUpdate(row);
});

ponder.on('ShortfallWaterfall:VenueRemoved', async ({ event, context }) => {
  await context.db.update(venue, { address: event.args.venue }).set({ registered: false, updatedBlock: event.block.number });
});

// ------------------------------------------------------------------ recapitalization

ponder.on('Recapitalizer:AuctionOpened', async ({ event, context }) => {
  const a = event.args;
  await context.db.insert(auction).values({
    auctionId: a.auctionId,
    venue: a.venue,
    target: a.target,
    raised: 0n,
    minted: 0n,
    dilutionWad: 0n,
    startPrice: a.startPrice,
    floorPrice: a.floorPrice,
    startTime: a.startTime,
    duration: a.duration,
    mintCap: a.mintCap,
    supplyBefore: a.supplyBefore,
    settled: false,
    unraised: null,
    updatedBlock: event.block.number,
  });
  await feed(context, event, 'auction-opened', a.venue, a.target);
});

ponder.on('Recapitalizer:AuctionToppedUp', async ({ event, context }) => {
  await context.db.update(auction, { auctionId: event.args.auctionId }).set({ target: event.args.target, updatedBlock: event.block.number });
});

ponder.on('Recapitalizer:BksPurchased', async ({ event, context }) => {
  const a = event.args;
  await context.db
    .update(auction, { auctionId: a.auctionId })
    .set({ raised: a.raised, minted: a.minted, dilutionWad: a.dilutionWad, updatedBlock: event.block.number });
  await feed(context, event, 'bks-purchased', a.buyer, a.paid);
});

ponder.on('Recapitalizer:AuctionSettled', async ({ event, context }) => {
  const a = event.args;
  await context.db.update(auction, { auctionId: a.auctionId }).set({
    target: a.target,
    raised: a.raised,
    unraised: a.unraised,
    minted: a.minted,
    dilutionWad: a.dilutionWad,
    settled: true,
    updatedBlock: event.block.number,
  });
  await feed(context, event, 'auction-settled', a.venue, a.raised);
});
