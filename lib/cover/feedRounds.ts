// Reads a Chainlink AggregatorV3 feed's rounds for findClaimRound. MockAggregator's ABI carries the
// exact AggregatorV3 signatures (`getRoundData`, `latestRoundData`), so it reads real feeds too.
import type { Address, PublicClient } from 'viem';
import { aggregatorV3Abi } from '@/contracts-abi';
import type { GetRound } from './findClaimRound';

/** `getRoundData(roundId)` as a Round, or null where the feed reverts (no such round). */
export function feedRoundReader(client: PublicClient, feed: Address): GetRound {
  return async (id) => {
    try {
      const [roundId, answer, startedAt, updatedAt, answeredInRound] = await client.readContract({
        address: feed,
        abi: aggregatorV3Abi,
        functionName: 'getRoundData',
        args: [id],
      });
      return { roundId, answer, startedAt, updatedAt, answeredInRound };
    } catch {
      return null;
    }
  };
}

/** The feed's latest round id (`latestRoundData().roundId`). */
export async function latestRoundIdOf(client: PublicClient, feed: Address): Promise<bigint> {
  const [roundId] = await client.readContract({ address: feed, abi: aggregatorV3Abi, functionName: 'latestRoundData' });
  return roundId;
}
