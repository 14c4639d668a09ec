// The covers an account holds (their ids come from the indexer), read live from the chain at one block:
// each cover's terms and status, its product's claim terms, the feed's price and the oracle's σ now, the
// first feed round a claim pays with (findClaimRound, the twin of the market's proof check), and its side
// on the cover exchange (listing, whether the exchange may move the token). Read on the server, so the
// portfolio ships neither the RPC client nor the round finder; `coverFigures` turns it into what the row shows.
import type { Address, PublicClient } from 'viem';
import { aggregatorV3Abi, coverExchangeAbi, coverMarketAbi, volatilityOracleAbi } from '@/contracts-abi';
import { COVER_STATUS, decodeDirection } from '../chain/enums';
import type { Direction } from '../mirror/CoverMarket';
import { feedRoundReader } from '../cover/feedRounds';
import { searchClaimRound } from './claimRoundSearch';

export type HeldCoverAddresses = { market: Address; exchange: Address | undefined };

/** What the portfolio needs of a cover's product: where its price and σ come from and how a claim is judged. */
export type HeldCoverProduct = {
  productId: bigint;
  direction: Direction;
  feed: Address;
  oracle: Address;
  pool: Address;
  confirmations: number;
  activationDelay: bigint;
};

export type HeldCover = {
  tokenId: bigint;
  /** `coverInfo(tokenId)`. */
  strike: bigint;
  payout: bigint;
  start: bigint;
  end: bigint;
  claimDeadline: bigint;
  status: number;
  holder: Address;
  product: HeldCoverProduct;
  /** The feed's latest answer (0 when not positive) and the oracle's σ (WAD), at the block. */
  spot: bigint;
  sigma: bigint;
  /**
   * The first round id `claim` pays with; null when no published round proves a touch; 'unreadable' when
   * the feed could not be searched (an RPC error, or more rounds than the search may read). Searched only
   * while the cover is active.
   */
  claimRound: bigint | null | 'unreadable';
  /** Its listing on the exchange (`listing(tokenId)`), null when no exchange is deployed or nothing is listed. */
  listing: { seller: Address; price: bigint; live: boolean } | null;
  /** `getApproved(tokenId)`: who may move the token (the exchange, once the holder allowed it). */
  approved: Address;
};

export type HeldCovers = {
  covers: HeldCover[];
  /** The exchange's fee (bps), 0 without an exchange. */
  exchangeFeeBps: bigint;
};

const ZERO_ADDRESS: Address = '0x0000000000000000000000000000000000000000';

export async function readHeldCovers(
  client: PublicClient,
  addresses: HeldCoverAddresses,
  tokenIds: readonly bigint[],
  blockNumber: bigint,
): Promise<HeldCovers> {
  const at = { blockNumber };
  const { market, exchange } = addresses;
  const [infos, exchangeFeeBps, listings, approvals] = await Promise.all([
    Promise.all(tokenIds.map((id) => client.readContract({ address: market, abi: coverMarketAbi, functionName: 'coverInfo', args: [id], ...at }))),
    exchange ? client.readContract({ address: exchange, abi: coverExchangeAbi, functionName: 'feeBps', ...at }) : 0n,
    exchange
      ? Promise.all(tokenIds.map((id) => client.readContract({ address: exchange, abi: coverExchangeAbi, functionName: 'listing', args: [id], ...at })))
      : null,
    Promise.all(tokenIds.map((id) => client.readContract({ address: market, abi: coverMarketAbi, functionName: 'getApproved', args: [id], ...at }))),
  ]);

  // Each product once, however many covers share it: its terms, then its price and σ now.
  const productIds = [...new Set(infos.map((c) => c.productId))];
  const products = new Map<bigint, HeldCoverProduct & { spot: bigint; sigma: bigint; latest: { roundId: bigint; answer: bigint; updatedAt: bigint } }>();
  await Promise.all(
    productIds.map(async (productId) => {
      const [config] = await client.readContract({ address: market, abi: coverMarketAbi, functionName: 'product', args: [productId], ...at });
      const [round, [sigma]] = await Promise.all([
        client.readContract({ address: config.feed, abi: aggregatorV3Abi, functionName: 'latestRoundData', ...at }),
        client.readContract({ address: config.oracle, abi: volatilityOracleAbi, functionName: 'volatility', ...at }),
      ]);
      products.set(productId, {
        productId,
        direction: decodeDirection(config.direction),
        feed: config.feed,
        oracle: config.oracle,
        pool: config.pool,
        confirmations: config.confirmations,
        activationDelay: BigInt(config.activationDelay),
        spot: round[1] > 0n ? round[1] : 0n,
        sigma,
        latest: { roundId: round[0], answer: round[1], updatedAt: round[3] },
      });
    }),
  );

  const covers = await Promise.all(
    tokenIds.map(async (tokenId, i): Promise<HeldCover> => {
      const info = infos[i]!;
      const { spot, sigma, latest, ...product } = products.get(info.productId)!;
      let claimRound: HeldCover['claimRound'] = null;
      // Only an active cover can be claimed: the search reads the feed only while the cover can still pay.
      if (COVER_STATUS[info.status] === 'active') {
        // One search per cover and feed round, kept across renders (lib/portfolio/claimRoundSearch.ts).
        claimRound = await searchClaimRound({
          feed: product.feed,
          getRound: feedRoundReader(client, product.feed),
          latest,
          cover: {
            direction: product.direction,
            strike: info.strike,
            start: info.start,
            end: info.end,
            activationDelay: product.activationDelay,
            confirmations: product.confirmations,
          },
        });
      }
      const listed = listings?.[i];
      return {
        tokenId,
        strike: info.strike,
        payout: info.payout,
        start: info.start,
        end: info.end,
        claimDeadline: info.claimDeadline,
        status: info.status,
        holder: info.holder,
        product,
        spot,
        sigma,
        claimRound,
        listing: listed && listed[0].seller !== ZERO_ADDRESS ? { seller: listed[0].seller, price: listed[0].price, live: listed[1] } : null,
        approved: approvals[i]!,
      };
    }),
  );
  return { covers, exchangeFeeBps: BigInt(exchangeFeeBps) };
}
