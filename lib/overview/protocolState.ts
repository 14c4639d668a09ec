// The overview's live numbers, read from the chain in one batched round trip at one block: both
// layers' capital and share price, the oracle's price and σ, and the recapitalization's rolling mint budget.
import type { PublicClient } from 'viem';
import { backstopPoolAbi, aggregatorV3Abi, recapitalizerAbi, volatilityOracleAbi } from '@/contracts-abi';
import { contractAddress, LAYERS, poolAddress, type Layer } from '../chain/config';
import { capitalBreakdown, type CapitalBreakdown } from '../pool/capital';

const ONE_SHARE = 10n ** 18n;

export type LayerState = CapitalBreakdown & { sharePrice: bigint };
export type OracleState = { price: bigint; priceDecimals: number; priceUpdatedAt: bigint; sigmaWad: bigint; sigmaUpdatedAt: bigint };
/** The Recapitalizer's rolling 24 h mint budget (BKS base units), shared by every auction and venue. */
export type MintBudgetState = { used: bigint; cap: bigint; available: bigint; nextWindowAt: bigint; maxMintBps: bigint };
export type ProtocolState = {
  blockNumber: bigint;
  blockTimestamp: bigint;
  layers: Record<Layer, LayerState>;
  oracle: OracleState;
  mintBudget: MintBudgetState | null;
};

export class NotDeployedError extends Error {}

/** Reads everything at the latest block (pinned, so the numbers agree with each other). */
export async function readProtocolState(client: PublicClient): Promise<ProtocolState> {
  const feed = contractAddress('priceFeed');
  const oracle = contractAddress('volatilityOracle');
  const recap = contractAddress('recapitalizer');
  const pools = LAYERS.map((layer) => poolAddress(layer));
  if (!feed || !oracle || pools.some((p) => !p)) throw new NotDeployedError('Backstop is not deployed on this chain.');
  const block = await client.getBlock({ blockTag: 'latest' });
  const at = { blockNumber: block.number };
  const layerReads = pools.map((address) =>
    Promise.all([
      client.readContract({ address: address!, abi: backstopPoolAbi, functionName: 'totalAssets', ...at }),
      client.readContract({ address: address!, abi: backstopPoolAbi, functionName: 'lockedAssets', ...at }),
      client.readContract({ address: address!, abi: backstopPoolAbi, functionName: 'unearnedPremium', ...at }),
      client.readContract({ address: address!, abi: backstopPoolAbi, functionName: 'freeAssets', ...at }),
      client.readContract({ address: address!, abi: backstopPoolAbi, functionName: 'convertToAssets', args: [ONE_SHARE], ...at }),
    ]),
  );
  const [layerValues, round, priceDecimals, sigmaWad, sigmaUpdatedAt, budget, recapParams] = await Promise.all([
    Promise.all(layerReads),
    client.readContract({ address: feed, abi: aggregatorV3Abi, functionName: 'latestRoundData', ...at }),
    client.readContract({ address: feed, abi: aggregatorV3Abi, functionName: 'decimals', ...at }),
    client.readContract({ address: oracle, abi: volatilityOracleAbi, functionName: 'sigma', ...at }),
    client.readContract({ address: oracle, abi: volatilityOracleAbi, functionName: 'lastUpdatedAt', ...at }),
    recap ? client.readContract({ address: recap, abi: recapitalizerAbi, functionName: 'mintBudget', ...at }) : null,
    recap ? client.readContract({ address: recap, abi: recapitalizerAbi, functionName: 'params', ...at }) : null,
  ]);
  const layers = Object.fromEntries(
    LAYERS.map((layer, i) => {
      const [totalAssets, lockedAssets, unearnedPremium, freeAssets, sharePrice] = layerValues[i]!;
      return [layer, { ...capitalBreakdown({ totalAssets, lockedAssets, unearnedPremium, freeAssets }), sharePrice }];
    }),
  ) as Record<Layer, LayerState>;
  const [, answer, , priceUpdatedAt] = round;
  return {
    blockNumber: block.number,
    blockTimestamp: block.timestamp,
    layers,
    oracle: { price: answer > 0n ? answer : 0n, priceDecimals: Number(priceDecimals), priceUpdatedAt, sigmaWad, sigmaUpdatedAt: BigInt(sigmaUpdatedAt) },
    mintBudget: budget && recapParams ? { used: budget[0], cap: budget[1], available: budget[2], nextWindowAt: budget[3], maxMintBps: recapParams[3] } : null,
  };
}
