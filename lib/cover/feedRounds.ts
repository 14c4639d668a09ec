// Reads a Chainlink AggregatorV3 feed's rounds for findClaimRound. MockAggregator's ABI carries the
// exact AggregatorV3 signatures (`getRoundData`, `latestRoundData`), so it reads real feeds too.
// It takes any viem Client and calls the one action it needs: in the browser a full PublicClient would
// bring every public action (ENS, signature checks, ~50 kB gzip) into the page for one read.
import type { Address, Client } from 'viem';
import { readContract } from 'viem/actions';
import { aggregatorV3Abi } from '@/contracts-abi';
import type { GetRound } from './findClaimRound';

/** `getRoundData(roundId)` as a Round, or null where the feed reverts (no such round). */
export function feedRoundReader(client: Client, feed: Address): GetRound {
  return async (id) => {
    try {
      const [roundId, answer, startedAt, updatedAt, answeredInRound] = await readContract(client, {
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
export async function latestRoundIdOf(client: Client, feed: Address): Promise<bigint> {
  const [roundId] = await readContract(client, { address: feed, abi: aggregatorV3Abi, functionName: 'latestRoundData' });
  return roundId;
}
