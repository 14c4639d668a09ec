// A pool page's live numbers, read on the server in one batched round trip at one block: the pool's
// capital and share price, the layer's rolling 24 h shortfall cap (from the waterfall itself), and the
// visitor's own position, wallet balance and allowance (all zeros without an account).
import { zeroAddress, type Address, type PublicClient } from 'viem';
import { backstopPoolAbi, erc20Abi, shortfallWaterfallAbi } from '@/contracts-abi';
import type { Layer } from '../chain/config';
import { encodeWaterfallLayer } from '../chain/enums';
import { toRedeemRequest, type RedeemRequestState } from './redeemRequest';

const ONE_SHARE = 10n ** 18n;

export type PoolAddresses = { pool: Address; stablecoin: Address; waterfall: Address };

export type PoolState = {
  blockNumber: bigint;
  /** The block's timestamp: the chain's clock for the withdrawal countdown. */
  blockTimestamp: bigint;
  totalAssets: bigint;
  totalSupply: bigint;
  /** Assets one whole share redeems for (`convertToAssets(1e18)`). */
  sharePrice: bigint;
  shares: bigint;
  maxDeposit: bigint;
  walletBalance: bigint;
  allowance: bigint;
  request: RedeemRequestState;
  /** Shares claimable now: the request's, capped by the pool's free capital (0 outside the window). */
  maxRedeem: bigint;
  lockedAssets: bigint;
  unearnedPremium: bigint;
  cooldown: bigint;
  claimWindow: bigint;
  freeAssets: bigint;
  /** What the layer may still pay toward shortfalls in the rolling 24 h, and its cap there. */
  shortfallCap: { used: bigint; cap: bigint; available: bigint; capBps: bigint };
};

/**
 * Reads everything at the latest block (pinned, so the numbers agree with each other). Without an
 * account the position reads are those of the zero address — nothing held, nothing approved — exactly
 * as the browser's hook read them, so the forms validate the same way connected or not.
 */
export async function readPoolState(client: PublicClient, layer: Layer, { pool, stablecoin, waterfall }: PoolAddresses, account?: Address): Promise<PoolState> {
  const holder = account ?? zeroAddress;
  const block = await client.getBlock({ blockTag: 'latest' });
  const at = { blockNumber: block.number };
  const onPool = { address: pool, abi: backstopPoolAbi, ...at } as const;
  const [
    totalAssets,
    totalSupply,
    sharePrice,
    shares,
    maxDeposit,
    walletBalance,
    allowance,
    request,
    maxRedeem,
    lockedAssets,
    unearnedPremium,
    cooldown,
    claimWindow,
    freeAssets,
    layerState,
  ] = await Promise.all([
    client.readContract({ ...onPool, functionName: 'totalAssets' }),
    client.readContract({ ...onPool, functionName: 'totalSupply' }),
    client.readContract({ ...onPool, functionName: 'convertToAssets', args: [ONE_SHARE] }),
    client.readContract({ ...onPool, functionName: 'balanceOf', args: [holder] }),
    client.readContract({ ...onPool, functionName: 'maxDeposit', args: [holder] }),
    client.readContract({ address: stablecoin, abi: erc20Abi, functionName: 'balanceOf', args: [holder], ...at }),
    client.readContract({ address: stablecoin, abi: erc20Abi, functionName: 'allowance', args: [holder, pool], ...at }),
    client.readContract({ ...onPool, functionName: 'redeemRequest', args: [holder] }),
    client.readContract({ ...onPool, functionName: 'maxRedeem', args: [holder] }),
    client.readContract({ ...onPool, functionName: 'lockedAssets' }),
    client.readContract({ ...onPool, functionName: 'unearnedPremium' }),
    client.readContract({ ...onPool, functionName: 'cooldown' }),
    client.readContract({ ...onPool, functionName: 'claimWindow' }),
    client.readContract({ ...onPool, functionName: 'freeAssets' }),
    // (free, used, cap, available, capBps) of the layer, from the waterfall itself.
    client.readContract({ address: waterfall, abi: shortfallWaterfallAbi, functionName: 'layerState', args: [encodeWaterfallLayer(layer)], ...at }),
  ]);
  return {
    blockNumber: block.number,
    blockTimestamp: block.timestamp,
    totalAssets,
    totalSupply,
    sharePrice,
    shares,
    maxDeposit,
    walletBalance,
    allowance,
    request: toRedeemRequest(request),
    maxRedeem,
    lockedAssets,
    unearnedPremium,
    cooldown: BigInt(cooldown),
    claimWindow: BigInt(claimWindow),
    freeAssets,
    shortfallCap: { used: layerState[1], cap: layerState[2], available: layerState[3], capBps: BigInt(layerState[4]) },
  };
}
