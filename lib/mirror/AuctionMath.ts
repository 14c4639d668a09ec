// Twins of contracts/src/libraries/AuctionMath.sol: the Recapitalizer's descending-price auction of newly
// minted BKS — price at a time, the event's mint cap, a buy's fill, dilution. Same names, same uint256
// arithmetic, same rounding (price up, BKS out down, stablecoin in up: the protocol never sells below
// the curve); where the EVM reverts the twin throws. Proven equal on anvil by AuctionMath.parity.test.ts.
// Prices are stablecoin base units per whole BKS (1e18 base units).
import { add, mulDiv, sub } from './evm';
import { BPS, WAD } from './units';

/** One whole BKS in base units (18 decimals). */
export const BKS_UNIT = 10n ** 18n;

/**
 * `floorPrice + ceil((startPrice − floorPrice) × (duration − elapsed) / duration)`: linear from the start
 * price to the floor over `duration`, constant at the floor afterwards; the floor always wins.
 */
export function auctionPriceUp(startPrice: bigint, floorPrice: bigint, startTime: bigint, duration: bigint, now_: bigint): bigint {
  if (startPrice <= floorPrice) return floorPrice;
  if (now_ <= startTime) return startPrice;
  const elapsed = sub(now_, startTime);
  if (elapsed >= duration) return floorPrice;
  return add(floorPrice, mulDiv(startPrice - floorPrice, duration - elapsed, duration, 'Up'));
}

/** `floor(supplyBefore × maxMintBps / 10000)`: dilution never exceeds the governance fraction. */
export function mintCapDown(supplyBefore: bigint, maxMintBps: bigint): bigint {
  return mulDiv(supplyBefore, maxMintBps, BPS, 'Down');
}

/**
 * The rolling 24 h mint budget shared by all auctions: `cap = mintCapDown(supply − used, maxMintBps)` (the supply
 * at the start of the previous aligned window, since only auctions mint and nothing burns) and
 * `available = max(0, cap − used)`, `used` being what auctions minted in this and the previous window
 * (rolled with waterfallMath's `rollWindow`). Throws (Panic 0x11) when `used > supply`, as the EVM reverts.
 */
export function mintBudgetDown(supply: bigint, used: bigint, maxMintBps: bigint): { cap: bigint; available: bigint } {
  const cap = mintCapDown(sub(supply, used), maxMintBps);
  return { cap, available: used >= cap ? 0n : cap - used };
}

/** `floor(stableIn × 1e18 / price)`: no fraction of a BKS base unit that was not paid for. */
export function bksOutDown(stableIn: bigint, price: bigint): bigint {
  return mulDiv(stableIn, BKS_UNIT, price, 'Down');
}

/** `ceil(bksOut × price / 1e18)`: the venue receives at least the value of the BKS minted. */
export function stableInUp(bksOut: bigint, price: bigint): bigint {
  return mulDiv(bksOut, price, BKS_UNIT, 'Up');
}

/**
 * Fills a buy of `stableIn` at `price`, limited by what the auction still needs and may still mint. When
 * the mint cap binds the payment is recomputed upwards from the BKS actually minted, so the effective
 * price is never below `price`. `bksOut == 0` means the buy mints nothing (the contract rejects it).
 */
export function quoteBuyBksDownPaidUp(stableIn: bigint, price: bigint, remainingTarget: bigint, remainingMint: bigint): { paid: bigint; bksOut: bigint } {
  let paid = stableIn < remainingTarget ? stableIn : remainingTarget;
  let bksOut = bksOutDown(paid, price);
  if (bksOut > remainingMint) {
    bksOut = remainingMint;
    paid = stableInUp(bksOut, price);
  }
  return { paid, bksOut };
}

/** `floor(minted × 1e18 / supplyBefore)` (1e18 = supply doubled); 0 when there was no supply. */
export function dilutionWadDown(minted: bigint, supplyBefore: bigint): bigint {
  if (supplyBefore === 0n) return 0n;
  return mulDiv(minted, WAD, supplyBefore, 'Down');
}
