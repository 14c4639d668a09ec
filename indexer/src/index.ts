// Event handlers: each pool event updates the activity feed, the account's position and the pool's
// snapshot at that block (read from the chain at the same block, so history equals the chain).
import { ponder, type Context } from 'ponder:registry';
import { poolSnapshot, position, protocolEvent } from 'ponder:schema';
import { zeroAddress, type Address } from 'viem';
import { backstopPoolAbi } from '../../contracts-abi';
import { sharePrice } from '../../lib/history/sharePrice';

type EventMeta = { block: { number: bigint; timestamp: bigint }; transaction: { hash: `0x${string}` }; log: { address: Address; logIndex: number }; id: string };

async function snapshot(context: Context, pool: Address, event: EventMeta) {
  const [totalAssets, totalSupply] = await Promise.all([
    context.client.readContract({ abi: backstopPoolAbi, address: pool, functionName: 'totalAssets', blockNumber: event.block.number }),
    context.client.readContract({ abi: backstopPoolAbi, address: pool, functionName: 'totalSupply', blockNumber: event.block.number }),
  ]);
  const row = { totalAssets, totalSupply, sharePrice: sharePrice({ totalAssets, totalSupply }), timestamp: event.block.timestamp };
  await context.db
    .insert(poolSnapshot)
    .values({ pool, blockNumber: event.block.number, ...row })
    .onConflictDoUpdate(row);
}

async function touchPosition(context: Context, pool: Address, account: Address, block: bigint, change: { shares?: bigint; deposited?: bigint; withdrawn?: bigint }) {
  await context.db
    .insert(position)
    .values({ pool, account, shares: change.shares ?? 0n, deposited: change.deposited ?? 0n, withdrawn: change.withdrawn ?? 0n, updatedBlock: block })
    .onConflictDoUpdate((row) => ({
      shares: row.shares + (change.shares ?? 0n),
      deposited: row.deposited + (change.deposited ?? 0n),
      withdrawn: row.withdrawn + (change.withdrawn ?? 0n),
      updatedBlock: block,
    }));
}

function feedRow(event: EventMeta, kind: string, account: Address | null, assets: bigint | null, shares: bigint | null) {
  return { id: event.id, kind, contract: event.log.address, account, assets, shares, blockNumber: event.block.number, timestamp: event.block.timestamp, txHash: event.transaction.hash };
}

ponder.on('BackstopPool:Deposit', async ({ event, context }) => {
  const pool = event.log.address;
  await context.db.insert(protocolEvent).values(feedRow(event, 'deposit', event.args.owner, event.args.assets, event.args.shares));
  await touchPosition(context, pool, event.args.owner, event.block.number, { deposited: event.args.assets });
  await snapshot(context, pool, event);
});

ponder.on('BackstopPool:Withdraw', async ({ event, context }) => {
  const pool = event.log.address;
  await context.db.insert(protocolEvent).values(feedRow(event, 'withdraw', event.args.owner, event.args.assets, event.args.shares));
  await touchPosition(context, pool, event.args.owner, event.block.number, { withdrawn: event.args.assets });
  await snapshot(context, pool, event);
});

// Share balances follow Transfer (mints, burns and transfers alike), so positions match balanceOf.
ponder.on('BackstopPool:Transfer', async ({ event, context }) => {
  const pool = event.log.address;
  const { from, to, value } = event.args;
  if (from !== zeroAddress) await touchPosition(context, pool, from, event.block.number, { shares: -value });
  if (to !== zeroAddress) await touchPosition(context, pool, to, event.block.number, { shares: value });
});
