// Whole-action twin of Recapitalizer (contracts/src/Recapitalizer.sol): `openAuction` (the waterfall's
// call), `buy` at the Dutch auction's price within the auction's mint cap and the rolling 24 h mint budget
// shared by all auctions, `settle`, and the owner's settings, as pure transitions over the recapitalizer,
// the BKS ledger and the stablecoin (lib/token/erc20.ts). The arithmetic is AuctionMath's twins
// (auctionMath.ts) and the window roll is WaterfallMath's (`rollWindow`). Checks in the contract's order;
// reverts are its custom errors. Proven against the deployed contract by the protocol soak (scripts/soak):
// return values, `auction(id)`, `mintWindowState()`, `mintBudget()` and every BKS and USDC balance.
import { addr, isZero } from './address';
import { ContractRevert } from '../evm';
import * as erc20 from './ERC20';
import type { Erc20State } from './ERC20';
import { rollWindow, WINDOW, windowOf } from '../WaterfallMath';
import { auctionPriceUp, mintBudgetDown, mintCapDown, quoteBuyBksDownPaidUp } from '../AuctionMath';

export const MIN_DURATION = 3_600n;
export const MAX_DURATION = 7n * 86_400n;
export const MIN_MAX_MINT_BPS = 1n;
export const MAX_MAX_MINT_BPS = 2_000n;
export const MIN_FLOOR_PRICE = 1n;
export const MAX_FLOOR_PRICE = 10n ** 30n;
export const MAX_START_TO_FLOOR = 100n;
const MAX_UINT32 = (1n << 32n) - 1n;
const MAX_UINT112 = (1n << 112n) - 1n;
const MAX_UINT128 = (1n << 128n) - 1n;

/** `Recapitalizer.Auction`, field for field. */
export type Auction = {
  venue: string;
  startTime: bigint;
  duration: bigint;
  settled: boolean;
  startPrice: bigint;
  floorPrice: bigint;
  target: bigint;
  raised: bigint;
  mintCap: bigint;
  minted: bigint;
  supplyBefore: bigint;
};

export type RecapParams = { startPrice: bigint; floorPrice: bigint; duration: bigint; maxMintBps: bigint };

export type RecapState = {
  readonly address: string;
  readonly owner: string;
  readonly waterfall: string;
  readonly stablecoin: string;
  readonly bks: string;
  readonly params: RecapParams;
  readonly auctionCount: bigint;
  readonly auctions: ReadonlyMap<bigint, Auction>;
  readonly currentAuctionOf: ReadonlyMap<string, bigint>;
  readonly mintWindow: { window: bigint; prev: bigint; curr: bigint };
};

export type RecapCall = { sender: string; now: bigint };

function checkPrices(startPrice: bigint, floorPrice: bigint): void {
  if (floorPrice < MIN_FLOOR_PRICE || floorPrice > MAX_FLOOR_PRICE)
    throw new ContractRevert('Recapitalizer', 'RecapitalizerFloorPriceOutOfBounds', [floorPrice, MIN_FLOOR_PRICE, MAX_FLOOR_PRICE]);
  const maxStart = floorPrice * MAX_START_TO_FLOOR;
  if (startPrice < floorPrice || startPrice > maxStart)
    throw new ContractRevert('Recapitalizer', 'RecapitalizerStartPriceOutOfBounds', [startPrice, floorPrice, maxStart]);
}

function checkDuration(duration: bigint): void {
  if (duration < MIN_DURATION || duration > MAX_DURATION)
    throw new ContractRevert('Recapitalizer', 'RecapitalizerDurationOutOfBounds', [duration, MIN_DURATION, MAX_DURATION]);
}

function checkMaxMintBps(bps: bigint): void {
  if (bps < MIN_MAX_MINT_BPS || bps > MAX_MAX_MINT_BPS)
    throw new ContractRevert('Recapitalizer', 'RecapitalizerMaxMintBpsOutOfBounds', [bps, MIN_MAX_MINT_BPS, MAX_MAX_MINT_BPS]);
}

/** The constructor (the BKS it deploys and mints to the treasury is the caller's ledger). */
export function deployRecapitalizer(args: {
  address: string;
  owner: string;
  waterfall: string;
  stablecoin: string;
  bks: string;
  params: RecapParams;
}): RecapState {
  if (isZero(args.waterfall) || isZero(args.stablecoin)) throw new ContractRevert('Recapitalizer', 'RecapitalizerZeroAddress', []);
  checkPrices(args.params.startPrice, args.params.floorPrice);
  checkDuration(args.params.duration);
  checkMaxMintBps(args.params.maxMintBps);
  return {
    address: addr(args.address),
    owner: addr(args.owner),
    waterfall: addr(args.waterfall),
    stablecoin: addr(args.stablecoin),
    bks: addr(args.bks),
    params: args.params,
    auctionCount: 0n,
    auctions: new Map(),
    currentAuctionOf: new Map(),
    mintWindow: { window: 0n, prev: 0n, curr: 0n },
  };
}

/** `_isOpen`: not settled, target not raised, mint cap not reached, not past its duration. */
export function isOpen(a: Auction, now: bigint): boolean {
  return !a.settled && a.raised < a.target && a.minted < a.mintCap && now <= a.startTime + a.duration;
}

/** `auction(id)`: all zero for an unknown id. */
export function auctionOf(s: RecapState, id: bigint): Auction {
  return (
    s.auctions.get(id) ?? {
      venue: '0x0000000000000000000000000000000000000000',
      startTime: 0n,
      duration: 0n,
      settled: false,
      startPrice: 0n,
      floorPrice: 0n,
      target: 0n,
      raised: 0n,
      mintCap: 0n,
      minted: 0n,
      supplyBefore: 0n,
    }
  );
}

/** `_settle`: final, and no longer the venue's current auction. Returns what it did not raise. */
function settleInternal(s: RecapState, id: bigint): { recap: RecapState; unraised: bigint } {
  const a = s.auctions.get(id)!;
  const auctions = new Map(s.auctions);
  auctions.set(id, { ...a, settled: true });
  const currentAuctionOf = new Map(s.currentAuctionOf);
  if (currentAuctionOf.get(addr(a.venue)) === id) currentAuctionOf.delete(addr(a.venue));
  return { recap: { ...s, auctions, currentAuctionOf }, unraised: a.target - a.raised };
}

/**
 * `openAuction(venue, amount)` by the waterfall: tops up the venue's open auction, or (settling a finished
 * one) opens a new one with a mint cap of the supply now; (0, 0) for nothing to raise or nothing mintable.
 */
export function openAuction(
  s: RecapState,
  call: RecapCall,
  bksSupply: bigint,
  venue: string,
  amount: bigint,
): { recap: RecapState; auctionId: bigint; accepted: bigint } {
  if (addr(call.sender) !== s.waterfall) throw new ContractRevert('Recapitalizer', 'RecapitalizerNotWaterfall', [addr(call.sender)]);
  if (amount === 0n) return { recap: s, auctionId: 0n, accepted: 0n };
  if (isZero(venue)) throw new ContractRevert('Recapitalizer', 'RecapitalizerZeroAddress', []);
  let recap = s;
  const current = s.currentAuctionOf.get(addr(venue)) ?? 0n;
  if (current !== 0n) {
    const a = s.auctions.get(current)!;
    if (isOpen(a, call.now)) {
      const auctions = new Map(s.auctions);
      auctions.set(current, { ...a, target: BigInt.asUintN(128, a.target + amount) });
      return { recap: { ...s, auctions }, auctionId: current, accepted: amount };
    }
    recap = settleInternal(s, current).recap;
  }
  const cap = mintCapDown(bksSupply, recap.params.maxMintBps);
  if (cap === 0n) return { recap, auctionId: 0n, accepted: 0n };
  const auctionId = recap.auctionCount + 1n;
  const auctions = new Map(recap.auctions);
  auctions.set(auctionId, {
    venue: addr(venue),
    startTime: call.now,
    duration: recap.params.duration,
    settled: false,
    startPrice: recap.params.startPrice,
    floorPrice: recap.params.floorPrice,
    target: BigInt.asUintN(128, amount),
    raised: 0n,
    mintCap: BigInt.asUintN(128, cap),
    minted: 0n,
    supplyBefore: BigInt.asUintN(128, bksSupply),
  });
  const currentAuctionOf = new Map(recap.currentAuctionOf);
  currentAuctionOf.set(addr(venue), auctionId);
  return { recap: { ...recap, auctionCount: auctionId, auctions, currentAuctionOf }, auctionId, accepted: amount };
}

/** `_mintBudgetNow`: the rolling budget at `now`. */
export function mintBudgetNow(s: RecapState, bksSupply: bigint, now: bigint) {
  const window = windowOf(now);
  const { prevNow: prev, currNow: curr } = rollWindow(s.mintWindow.window, s.mintWindow.prev, s.mintWindow.curr, window);
  const { cap, available } = mintBudgetDown(bksSupply, prev + curr, s.params.maxMintBps);
  return { supply: bksSupply, window, prev, curr, cap, available };
}

/** `mintBudget()`: (used, cap, available, nextWindowAt). */
export function mintBudgetView(s: RecapState, bksSupply: bigint, now: bigint) {
  const b = mintBudgetNow(s, bksSupply, now);
  return { used: b.prev + b.curr, cap: b.cap, available: b.available, nextWindowAt: (b.window + 1n) * WINDOW };
}

/** `_budgetAvailableAt`: the next window boundary with budget left once this window's mints are the previous ones. */
function budgetAvailableAt(s: RecapState, b: ReturnType<typeof mintBudgetNow>): bigint {
  const next = (b.window + 1n) * WINDOW;
  const { available } = mintBudgetDown(b.supply, b.curr, s.params.maxMintBps);
  return available > 0n ? next : next + WINDOW;
}

/**
 * `buy(auctionId, stableIn, maxPrice)` sent by `call.sender`: at the price now, limited by the auction's rest,
 * its mint cap and the rolling budget; the payment goes to the venue and new BKS to the buyer. Returns
 * (paid, bksOut).
 */
export function buy(s: RecapState, bks: Erc20State, usdc: Erc20State, call: RecapCall, auctionId: bigint, stableIn: bigint, maxPrice: bigint) {
  const m = s.auctions.get(auctionId);
  if (!m) throw new ContractRevert('Recapitalizer', 'RecapitalizerUnknownAuction', [auctionId]);
  if (!isOpen(m, call.now)) throw new ContractRevert('Recapitalizer', 'RecapitalizerAuctionClosed', [auctionId]);
  const price = auctionPriceUp(m.startPrice, m.floorPrice, m.startTime, m.duration, call.now);
  if (price > maxPrice) throw new ContractRevert('Recapitalizer', 'RecapitalizerPriceAboveMax', [price, maxPrice]);
  const b = mintBudgetNow(s, bks.totalSupply, call.now);
  if (b.available === 0n) throw new ContractRevert('Recapitalizer', 'RecapitalizerMintBudgetSpent', [b.prev + b.curr, b.cap, budgetAvailableAt(s, b)]);
  const auctionLeft = m.mintCap - m.minted;
  const { paid, bksOut } = quoteBuyBksDownPaidUp(stableIn, price, m.target - m.raised, auctionLeft < b.available ? auctionLeft : b.available);
  if (bksOut === 0n) throw new ContractRevert('Recapitalizer', 'RecapitalizerZeroOut', [stableIn, price]);
  const raised = m.raised + paid;
  const minted = m.minted + bksOut;
  if (b.window > MAX_UINT32) throw new ContractRevert('Recapitalizer', 'SafeCastOverflowedUintDowncast', [32n, b.window]);
  if (b.curr + bksOut > MAX_UINT112) throw new ContractRevert('Recapitalizer', 'SafeCastOverflowedUintDowncast', [112n, b.curr + bksOut]);
  const auctions = new Map(s.auctions);
  auctions.set(auctionId, { ...m, raised: BigInt.asUintN(128, raised), minted: BigInt.asUintN(128, minted) });
  let recap: RecapState = { ...s, auctions, mintWindow: { window: b.window, prev: BigInt.asUintN(112, b.prev), curr: b.curr + bksOut } };
  if (raised === m.target || minted === m.mintCap) recap = settleInternal(recap, auctionId).recap;
  const ledger = erc20.transferFrom(usdc, s.address, call.sender, m.venue, paid);
  const bksLedger = erc20.mint(bks, call.sender, bksOut);
  if (bksLedger.totalSupply > (1n << 208n) - 1n)
    throw new ContractRevert('Recapitalizer', 'ERC20ExceededSafeSupply', [bksLedger.totalSupply, (1n << 208n) - 1n]);
  return { recap, bks: bksLedger, usdc: ledger, paid, bksOut, price };
}

/** `currentPrice(auctionId)`: the auction's price at `now` (reverts for an unknown auction). */
export function currentPrice(s: RecapState, auctionId: bigint, now: bigint): bigint {
  const a = s.auctions.get(auctionId);
  if (!a) throw new ContractRevert('Recapitalizer', 'RecapitalizerUnknownAuction', [auctionId]);
  return auctionPriceUp(a.startPrice, a.floorPrice, a.startTime, a.duration, now);
}

/** `previewBuy(auctionId, stableIn)`: (price, paid, bksOut) now; paid and bksOut 0 when closed or the budget is spent. */
export function previewBuy(s: RecapState, bksSupply: bigint, auctionId: bigint, stableIn: bigint, now: bigint) {
  const price = currentPrice(s, auctionId, now);
  const a = s.auctions.get(auctionId)!;
  if (!isOpen(a, now)) return { price, paid: 0n, bksOut: 0n };
  const available = mintBudgetNow(s, bksSupply, now).available;
  const auctionLeft = a.mintCap - a.minted;
  const { paid, bksOut } = quoteBuyBksDownPaidUp(stableIn, price, a.target - a.raised, auctionLeft < available ? auctionLeft : available);
  return { price, paid, bksOut };
}

/** `previewOpenAuction(venue, amount)`: what `openAuction` would accept now (the rolling budget ignored). */
export function previewOpenAuction(s: RecapState, bksSupply: bigint, venue: string, amount: bigint, now: bigint): bigint {
  if (amount === 0n || isZero(venue)) return 0n;
  const id = s.currentAuctionOf.get(addr(venue)) ?? 0n;
  if (id !== 0n && isOpen(s.auctions.get(id)!, now)) return amount;
  return mintCapDown(bksSupply, s.params.maxMintBps) === 0n ? 0n : amount;
}

/** `settle(auctionId)` by anyone once closed. Returns what it did not raise. */
export function settle(s: RecapState, call: RecapCall, auctionId: bigint) {
  const a = s.auctions.get(auctionId);
  if (!a) throw new ContractRevert('Recapitalizer', 'RecapitalizerUnknownAuction', [auctionId]);
  if (a.settled) throw new ContractRevert('Recapitalizer', 'RecapitalizerAuctionSettled', [auctionId]);
  if (isOpen(a, call.now)) throw new ContractRevert('Recapitalizer', 'RecapitalizerAuctionOpen', [auctionId, a.startTime + a.duration]);
  return settleInternal(s, auctionId);
}

function onlyOwner(s: RecapState, sender: string): void {
  if (addr(sender) !== s.owner) throw new ContractRevert('Recapitalizer', 'OwnableUnauthorizedAccount', [addr(sender)]);
}

export function setPrices(s: RecapState, sender: string, startPrice: bigint, floorPrice: bigint): { recap: RecapState } {
  onlyOwner(s, sender);
  checkPrices(startPrice, floorPrice);
  if (startPrice > MAX_UINT128 || floorPrice > MAX_UINT128) throw new Error('unreachable: bounded far below uint128');
  return { recap: { ...s, params: { ...s.params, startPrice, floorPrice } } };
}

export function setDuration(s: RecapState, sender: string, duration: bigint): { recap: RecapState } {
  onlyOwner(s, sender);
  checkDuration(duration);
  return { recap: { ...s, params: { ...s.params, duration } } };
}

export function setMaxMintBps(s: RecapState, sender: string, bps: bigint): { recap: RecapState } {
  onlyOwner(s, sender);
  checkMaxMintBps(bps);
  return { recap: { ...s, params: { ...s.params, maxMintBps: bps } } };
}
