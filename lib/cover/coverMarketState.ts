// What the cover page shows and what the buyer's quote needs, read on the server at one pinned block:
// every product's terms, and for each product what `CoverMarket.quote` reads (the feed's latest round,
// σ, the backing pool's capital), the visitor's balance and allowance, and each feed's recent rounds for
// the strike chart. The browser computes the quote from these with the twins (lib/cover/coverInput.ts),
// so the preview is exact and follows every keystroke without a round trip.
import { zeroAddress, type Address, type ContractFunctionReturnType, type PublicClient } from 'viem';
import { aggregatorV3Abi, backstopPoolAbi, coverMarketAbi, erc20Abi, volatilityOracleAbi } from '@/contracts-abi';
import { decodeDirection } from '../chain/enums';
import type { MarketSnapshot, ProductTerms } from '../mirror/CoverMarket';
import type { Round } from './findClaimRound';
import { isContractRevert } from '../chain/isContractRevert';
import { feedKey } from './marketRounds';
import { recentRoundIds } from './priceHistory';

export type CoverProduct = ProductTerms & {
  productId: bigint;
  feed: Address;
  oracle: Address;
  pool: Address;
  paused: boolean;
  confirmations: number;
  activationDelay: bigint;
  claimGrace: bigint;
  maxPriceAge: bigint;
  maxSigmaAge: bigint;
};

/** What a quote reads at one moment (all but the block's time), plus the buyer's balance and allowance. */
export type CoverSnapshot = {
  market: Omit<MarketSnapshot, 'now'>;
  priceUpdatedAt: bigint;
  sigmaUpdatedAt: bigint;
  feedDecimals: number;
  /** The account's stablecoin balance; undefined with no account. */
  balance: bigint | undefined;
  allowance: bigint;
};

type ProductRead = ContractFunctionReturnType<typeof coverMarketAbi, 'view', 'product'>;
type RoundRead = ContractFunctionReturnType<typeof aggregatorV3Abi, 'view', 'latestRoundData'>;
type VolatilityRead = ContractFunctionReturnType<typeof volatilityOracleAbi, 'view', 'volatility'>;
type CapitalRead = ContractFunctionReturnType<typeof backstopPoolAbi, 'view', 'underwritingCapital'>;

/** `CoverMarket.product(id)` as the app's product (the contract's own types, enums decoded). */
export function toCoverProduct(productId: bigint, [c, paused]: ProductRead): CoverProduct {
  return {
    productId,
    feed: c.feed,
    oracle: c.oracle,
    pool: c.pool,
    direction: decodeDirection(c.direction),
    confirmations: c.confirmations,
    activationDelay: BigInt(c.activationDelay),
    claimGrace: BigInt(c.claimGrace),
    minDuration: BigInt(c.minDuration),
    maxDuration: BigInt(c.maxDuration),
    maxPriceAge: BigInt(c.maxPriceAge),
    maxSigmaAge: BigInt(c.maxSigmaAge),
    maxStrikeRatio: BigInt(c.maxStrikeRatio),
    pricing: c.pricing,
    paused,
  };
}

/** The snapshot reads (in `snapshotReads`' order) as a quote's inputs; a non-positive answer is a spot of 0 (the twin refuses it, as the contract does). */
export function toCoverSnapshot(
  [round, feedDecimals, [sigma, sigmaUpdatedAt, sigmaRoundId], [totalAssets, locked, maxUtilizationBps], balance, allowance]: readonly [
    RoundRead,
    number,
    VolatilityRead,
    CapitalRead,
    bigint,
    bigint,
  ],
  account: Address | undefined,
): CoverSnapshot {
  return {
    market: { spot: round[1] > 0n ? round[1] : 0n, latestRoundId: round[0], sigma, sigmaRoundId, locked, totalAssets, maxUtilizationBps },
    priceUpdatedAt: round[3],
    sigmaUpdatedAt: BigInt(sigmaUpdatedAt),
    feedDecimals,
    balance: account ? balance : undefined,
    allowance,
  };
}

export type CoverMarketState = {
  blockNumber: bigint;
  /** The block's time: the chain clock the page runs forward from (quotes and staleness use it). */
  blockTimestamp: bigint;
  products: CoverProduct[];
  /** One per product, in the same order. */
  snapshots: CoverSnapshot[];
  /** Each feed's recent rounds, oldest first, keyed by the feed's lower-cased address; null where they could not be read. */
  rounds: Record<string, Round[] | null>;
};

export type CoverMarketAddresses = { market: Address; stablecoin: Address };

/**
 * Reads everything at the latest block (pinned, so a quote's inputs agree with each other). Throws when
 * the market or a product's snapshot cannot be read; a feed's history that cannot be read is null (the
 * chart says so, the form still works).
 */
export async function readCoverMarketState(
  client: PublicClient,
  { market, stablecoin }: CoverMarketAddresses,
  account: Address | undefined,
  historyRounds?: number,
): Promise<CoverMarketState> {
  const block = await client.getBlock({ blockTag: 'latest' });
  const at = { blockNumber: block.number };
  const count = await client.readContract({ address: market, abi: coverMarketAbi, functionName: 'productCount', ...at });
  const ids = Array.from({ length: Number(count) }, (_, i) => BigInt(i + 1));
  const products = await Promise.all(
    ids.map(async (id) => toCoverProduct(id, await client.readContract({ address: market, abi: coverMarketAbi, functionName: 'product', args: [id], ...at }))),
  );
  const holder = account ?? zeroAddress;
  const [balance, allowance, reads] = await Promise.all([
    client.readContract({ address: stablecoin, abi: erc20Abi, functionName: 'balanceOf', args: [holder], ...at }),
    client.readContract({ address: stablecoin, abi: erc20Abi, functionName: 'allowance', args: [holder, market], ...at }),
    Promise.all(
      products.map((p) =>
        Promise.all([
          client.readContract({ address: p.feed, abi: aggregatorV3Abi, functionName: 'latestRoundData', ...at }),
          client.readContract({ address: p.feed, abi: aggregatorV3Abi, functionName: 'decimals', ...at }),
          client.readContract({ address: p.oracle, abi: volatilityOracleAbi, functionName: 'volatility', ...at }),
          client.readContract({ address: p.pool, abi: backstopPoolAbi, functionName: 'underwritingCapital', ...at }),
        ]),
      ),
    ),
  ]);
  const snapshots = reads.map(([round, decimals, volatility, capital]) => toCoverSnapshot([round, decimals, volatility, capital, balance, allowance], account));
  // Products usually share a feed: its history is read once.
  const latestByFeed = new Map<string, { feed: Address; latest: bigint }>();
  products.forEach((p, i) => latestByFeed.set(feedKey(p.feed), { feed: p.feed, latest: snapshots[i]!.market.latestRoundId }));
  const histories = await Promise.all(
    [...latestByFeed.entries()].map(
      async ([key, { feed, latest }]) => [key, await readRecentRounds(client, feed, latest, block.number, historyRounds).catch(() => null)] as const,
    ),
  );
  return { blockNumber: block.number, blockTimestamp: block.timestamp, products, snapshots, rounds: Object.fromEntries(histories) };
}

/**
 * The feed's rounds up to `latest` (at most MAX_HISTORY_ROUNDS, inside its phase), oldest first, in one
 * batch; a round the feed refuses (reverts) is left out. A read that fails otherwise (the RPC) fails the
 * whole history, so an unreachable chain is not drawn as a feed with no rounds.
 */
export async function readRecentRounds(client: PublicClient, feed: Address, latest: bigint, blockNumber?: bigint, count?: number): Promise<Round[]> {
  const ids = recentRoundIds(latest, count);
  const reads = await Promise.allSettled(
    ids.map((id) => client.readContract({ address: feed, abi: aggregatorV3Abi, functionName: 'getRoundData', args: [id], blockNumber })),
  );
  const unreachable = reads.find((r) => r.status === 'rejected' && !isContractRevert(r.reason));
  if (unreachable) throw (unreachable as PromiseRejectedResult).reason;
  return reads.flatMap((r) => {
    if (r.status !== 'fulfilled') return [];
    const [roundId, answer, startedAt, updatedAt, answeredInRound] = r.value;
    return [{ roundId, answer, startedAt, updatedAt, answeredInRound }];
  });
}
