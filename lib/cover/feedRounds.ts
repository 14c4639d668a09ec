// Reads a Chainlink AggregatorV3 feed's rounds for findClaimRound. MockAggregator's ABI carries the
// exact AggregatorV3 signatures (`getRoundData`, `latestRoundData`), so it reads real feeds too.
// It takes any viem Client and calls the one action it needs: in the browser a full PublicClient would
// bring every public action (ENS, signature checks, ~50 kB gzip) into the page for one read.
import type { Address, Client } from 'viem';
import { readContract } from 'viem/actions';
import { aggregatorV3Abi } from '@/contracts-abi';
import { isContractRevert } from '../chain/isContractRevert';
import type { GetRound } from './findClaimRound';

/**
 * `getRoundData(roundId)` as a Round; null only where the feed itself reverts (no such round). A transport
 * failure throws, so a search that hit one fails instead of reading the round as missing.
 */
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
    } catch (error) {
      if (isContractRevert(error)) return null;
      throw error;
    }
  };
}

/** The feed's latest round id (`latestRoundData().roundId`). */
export async function latestRoundIdOf(client: Client, feed: Address): Promise<bigint> {
  const [roundId] = await readContract(client, { address: feed, abi: aggregatorV3Abi, functionName: 'latestRoundData' });
  return roundId;
}
