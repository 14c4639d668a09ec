// The cover exchange's live half, read on the server at one pinned block: each listed cover's on-chain
// listing and state (what a buy would meet), one cover's terms and status for its own page, the price
// and σ of the products those covers belong to (their model value is computed from them with the
// CoverValue twin at the block's time), the exchange's fee, and the visitor's stablecoin balance and
// allowance to the exchange. Which covers are listed comes from the indexer (the exchange keeps no list).
import { type Address, type PublicClient, zeroAddress } from 'viem';
import { aggregatorV3Abi, coverExchangeAbi, coverMarketAbi, erc20Abi, volatilityOracleAbi } from '@/contracts-abi';
import { COVER_STATUS, decodeDirection } from '../chain/enums';
import { ContractRevert } from '../mirror/evm';
import { coverMarkDown, type MarketNow } from './coverMark';
import { type ListingInput, type MarketRow, marketRows } from './marketRows';

export type ExchangeAddresses = { market: Address; exchange: Address; stablecoin: Address };

/** A product's price and σ at the block, and its direction. */
export type ProductMark = Omit<MarketNow, 'now'> & { productId: bigint; down: boolean };

/** `CoverMarket.coverInfo(tokenId)`, as the exchange's pages use it. */
export type ExchangeCover = {
  productId: bigint;
  strike: bigint;
  payout: bigint;
  start: bigint;
  end: bigint;
  status: number;
  holder: Address;
};

export type ChainListing = { seller: Address; price: bigint; live: boolean };

/** A listed cover as the chain has it now: its listing (`live`: the exchange may move the token) and the cover. */
export type ListedCover = { tokenId: bigint; listing: ChainListing; cover: ExchangeCover };

/** The visitor's stablecoin balance (undefined with no account) and allowance to the exchange. */
export type Trader = { balance: bigint | undefined; allowance: bigint };

type Block = { blockNumber: bigint; blockTimestamp: bigint };

export type ExchangeMarketState = Block & {
  /** CoverExchange.feeBps (paid by the seller). */
  feeBps: bigint;
  trader: Trader;
  /** Every listed cover the chain still knows, in the order asked. */
  listed: ListedCover[];
  /** The listings that can fill now (live, before the cover's end), each marked to model at the block. */
  rows: MarketRow[];
};

export type CoverDetailState = Block & {
  /** null when no cover has this id (`coverInfo` reports status none). */
  cover: ExchangeCover | null;
  /** The cover's product direction (for the words) and price and σ now; null with no cover. */
  mark: ProductMark | null;
  /** Model value at the block (base units, rounded down); null when outside the twin's domain (a feed at 0). */
  model: bigint | null;
  trader: Trader;
};

const toCover = (c: { productId: bigint; strike: bigint; payout: bigint; start: bigint; end: bigint; status: number; holder: Address }): ExchangeCover => ({
  productId: c.productId,
  strike: c.strike,
  payout: c.payout,
  start: c.start,
  end: c.end,
  status: c.status,
  holder: c.holder,
});

/** Each product's direction, price and σ at the block (each product once, however many covers share it). */
export async function readProductMarks(
  client: PublicClient,
  market: Address,
  productIds: readonly bigint[],
  blockNumber: bigint,
): Promise<Map<bigint, ProductMark>> {
  const at = { blockNumber };
  const marks = await Promise.all(
    [...new Set(productIds)].map(async (productId): Promise<ProductMark> => {
      const [config] = await client.readContract({ address: market, abi: coverMarketAbi, functionName: 'product', args: [productId], ...at });
      const [round, [sigma]] = await Promise.all([
        client.readContract({ address: config.feed, abi: aggregatorV3Abi, functionName: 'latestRoundData', ...at }),
        client.readContract({ address: config.oracle, abi: volatilityOracleAbi, functionName: 'volatility', ...at }),
      ]);
      // A non-positive answer is no price: the twin refuses a spot of 0, as the contract does.
      return { productId, down: decodeDirection(config.direction) === 'Down', spot: round[1] > 0n ? round[1] : 0n, sigma };
    }),
  );
  return new Map(marks.map((m) => [m.productId, m]));
}

async function readTrader(
  client: PublicClient,
  { exchange, stablecoin }: ExchangeAddresses,
  account: Address | undefined,
  blockNumber: bigint,
): Promise<Trader> {
  if (!account) return { balance: undefined, allowance: 0n };
  const at = { blockNumber };
  const [balance, allowance] = await Promise.all([
    client.readContract({ address: stablecoin, abi: erc20Abi, functionName: 'balanceOf', args: [account], ...at }),
    client.readContract({ address: stablecoin, abi: erc20Abi, functionName: 'allowance', args: [account, exchange], ...at }),
  ]);
  return { balance, allowance };
}

/**
 * The market at the latest block: the listings the indexer named (`tokenIds`) as the chain has them,
 * the rows a buyer sees (live, not ended, marked to model at the block's time), the fee and the trader.
 * Throws when the chain cannot be read.
 */
export async function readExchangeMarket(
  client: PublicClient,
  addresses: ExchangeAddresses,
  account: Address | undefined,
  tokenIds: readonly bigint[],
): Promise<ExchangeMarketState> {
  const block = await client.getBlock({ blockTag: 'latest' });
  const at = { blockNumber: block.number };
  const { market, exchange } = addresses;
  const [feeBps, trader, listed] = await Promise.all([
    client.readContract({ address: exchange, abi: coverExchangeAbi, functionName: 'feeBps', ...at }),
    readTrader(client, addresses, account, block.number),
    Promise.all(
      tokenIds.map(async (tokenId): Promise<ListedCover> => {
        const [[l, live], info] = await Promise.all([
          client.readContract({ address: exchange, abi: coverExchangeAbi, functionName: 'listing', args: [tokenId], ...at }),
          client.readContract({ address: market, abi: coverMarketAbi, functionName: 'coverInfo', args: [tokenId], ...at }),
        ]);
        return { tokenId, listing: { seller: l.seller, price: l.price, live }, cover: toCover(info) };
      }),
    ),
  ]);
  // A listing whose seller is zero was cancelled or filled since the indexer saw it.
  const current = listed.filter((l) => l.listing.seller !== zeroAddress && COVER_STATUS[l.cover.status] !== 'none');
  const marks = await readProductMarks(
    client,
    market,
    current.map((l) => l.cover.productId),
    block.number,
  );
  const inputs: ListingInput[] = current.map(({ tokenId, listing, cover }) => ({ tokenId, listing, cover }));
  const rows = marketRows(inputs, marks, (productId) => marks.get(productId)?.down ?? true, block.timestamp);
  return { blockNumber: block.number, blockTimestamp: block.timestamp, feeBps: BigInt(feeBps), trader, listed: current, rows };
}

/** One cover at the latest block: its terms and status, its model value then, and the trader. Throws when the chain cannot be read. */
export async function readCoverDetail(
  client: PublicClient,
  addresses: ExchangeAddresses,
  tokenId: bigint,
  account: Address | undefined,
): Promise<CoverDetailState> {
  const block = await client.getBlock({ blockTag: 'latest' });
  const at = { blockNumber: block.number };
  const [info, trader] = await Promise.all([
    client.readContract({ address: addresses.market, abi: coverMarketAbi, functionName: 'coverInfo', args: [tokenId], ...at }),
    readTrader(client, addresses, account, block.number),
  ]);
  const base = { blockNumber: block.number, blockTimestamp: block.timestamp, trader };
  if (COVER_STATUS[info.status] === 'none') return { ...base, cover: null, mark: null, model: null };
  const cover = toCover(info);
  const mark = (await readProductMarks(client, addresses.market, [cover.productId], block.number)).get(cover.productId)!;
  let model: bigint | null = null;
  try {
    model = coverMarkDown({ ...cover, down: mark.down }, { spot: mark.spot, sigma: mark.sigma, now: block.timestamp }, false);
  } catch (error) {
    // No price (0) from the feed: no number rather than a wrong one.
    if (!(error instanceof ContractRevert)) throw error;
  }
  return { ...base, cover, mark, model };
}
