// Books made by hand for tests and benchmarks: pools whose accounting is consistent (every cover's lock
// released by a bucket on its release day, a premium stream earning over the horizon), covers and venue
// positions spread around spot, deterministic for a seed.
import type { Layer } from '../../chain/config';
import type { Bucket } from '../../mirror/BackstopPool';
import type { BookCover, BookLayer, RiskBook, VenuePosition } from '../book';
import { PathRandom } from '../random';

export const USDC = 1_000_000n;
/** The synthetic books' t = 0: 2026-01-01 07:00 UTC (not on a day boundary, like a real block). */
export const SYNTHETIC_T0 = 1_767_225_600n + 3_600n * 7n;
export const PRICE_DECIMALS = 8;
const PRICE = 10n ** BigInt(PRICE_DECIMALS);
const WAD = 10n ** 18n;
const DAY = 86_400n;

export type SyntheticOptions = {
  seed?: number;
  /** Spot in whole USD. */
  spot?: number;
  sigma?: number;
  covers?: number;
  positions?: number;
  /** Each layer's total assets in whole USDC. */
  junior?: number;
  senior?: number;
  /** Premium each layer earns per day (whole USDC). */
  incomePerDay?: number;
  /** Venue exposure cap (whole USDC). */
  exposureCap?: number;
  /** Leverage range of the positions. */
  maxLeverage?: number;
  timestamp?: bigint;
  /** Covers and positions to add as they are (after the random ones). */
  extraCovers?: BookCover[];
  extraPositions?: VenuePosition[];
};

/** A cover on `layer` whose terms are given in whole units: strike in USD, payout in USDC, end in days from t0. */
export function makeCover(
  t0: bigint,
  c: { id: number; direction: 'Down' | 'Up'; strikeUsd: number; payoutUsdc: number; days: number; layer?: Layer },
): BookCover {
  const end = t0 + BigInt(Math.round(c.days * 86_400));
  return {
    tokenId: BigInt(c.id),
    layer: c.layer ?? (c.direction === 'Down' ? 'junior' : 'senior'),
    direction: c.direction,
    strike: BigInt(Math.round(c.strikeUsd * 100)) * (PRICE / 100n),
    payout: BigInt(c.payoutUsdc) * USDC,
    start: t0 - 600n,
    end,
    activationDelay: 300n,
    confirmations: 2,
    releaseDay: (end + DAY + DAY - 1n) / DAY,
  };
}

/** A position in whole units: size in the base asset, prices in USD, margin in USDC, rates as fractions. */
export function makePosition(p: {
  id: string;
  side: 'long' | 'short';
  size: number;
  entryUsd: number;
  marginUsdc: number;
  maintenance?: number;
  fee?: number;
}): VenuePosition {
  return {
    id: p.id,
    side: p.side,
    size: BigInt(Math.round(p.size * 1e8)) * 10n ** 10n,
    sizeDecimals: 18,
    entryPrice: BigInt(Math.round(p.entryUsd * 100)) * (PRICE / 100n),
    margin: BigInt(Math.round(p.marginUsdc * 1e6)),
    maintenanceMarginWad: BigInt(Math.round((p.maintenance ?? 0.05) * 1e6)) * 10n ** 12n,
    liquidationFeeWad: BigInt(Math.round((p.fee ?? 0.01) * 1e6)) * 10n ** 12n,
  };
}

function layerBook(totalAssets: bigint, covers: BookCover[], layer: Layer, t0: bigint, incomePerDay: bigint, horizonDays: number): BookLayer {
  const mine = covers.filter((c) => c.layer === layer);
  const locked = mine.reduce((s, c) => s + c.payout, 0n);
  if (locked > totalAssets) throw new RangeError(`${layer}: covers lock ${locked}, more than its ${totalAssets} assets`);
  const days = BigInt(horizonDays + 1);
  const unearned = incomePerDay * days;
  const rate = (unearned * WAD) / (days * DAY); // earns `incomePerDay` a day, ends after the horizon
  const buckets = new Map<bigint, Bucket>();
  const cpDay = t0 / DAY;
  const lastDay = cpDay + 100n;
  for (let d = cpDay + 1n; d <= lastDay; d++) buckets.set(d, { rateDrop: 0n, lockRelease: 0n });
  for (const c of mine) {
    const b = buckets.get(c.releaseDay);
    if (b) b.lockRelease += c.payout;
  }
  const endDay = (t0 + days * DAY + DAY - 1n) / DAY;
  const b = buckets.get(endDay);
  if (b) b.rateDrop += rate;
  return {
    totalAssets,
    lockedAssets: locked,
    freeAssets: totalAssets - locked,
    unearnedPremium: unearned,
    totalSupply: totalAssets * 10n ** 12n,
    accounting: { held: totalAssets + unearned, unearned, checkpoint: t0, rate, locked, paused: false },
    buckets: [...buckets.entries()],
  };
}

/** A book with `covers` covers and `positions` venue positions around `spot`, reproducible for `seed`. */
export function syntheticBook(options: SyntheticOptions = {}): RiskBook {
  const {
    seed = 1,
    spot = 3_000,
    sigma = 0.8,
    covers: nCovers = 20,
    positions: nPositions = 0,
    junior = 150_000,
    senior = 160_000,
    incomePerDay = 20,
    exposureCap = 1_000_000,
    maxLeverage = 20,
  } = options;
  const t0 = options.timestamp ?? SYNTHETIC_T0;
  const rng = new PathRandom();
  rng.seedPath(seed, 0);
  const spotRaw = BigInt(Math.round(spot * 100)) * (PRICE / 100n);
  const covers: BookCover[] = [];
  for (let i = 0; i < nCovers; i++) {
    const down = rng.uniform() < 0.7;
    const distance = 0.05 + 0.35 * rng.uniform();
    const strikeUsd = down ? spot * (1 - distance) : spot * (1 + distance);
    const days = 7 + Math.floor(rng.uniform() * 54);
    const end = t0 + BigInt(days) * DAY - BigInt(Math.floor(rng.uniform() * 86_400));
    covers.push({
      tokenId: BigInt(i + 1),
      layer: down ? 'junior' : 'senior',
      direction: down ? 'Down' : 'Up',
      strike: BigInt(Math.round(strikeUsd * 100)) * (PRICE / 100n),
      payout: BigInt(1_000 + Math.floor(rng.uniform() * 9_000)) * USDC,
      start: t0 - 3_600n,
      end,
      activationDelay: 300n,
      confirmations: 2,
      releaseDay: (end + DAY + DAY - 1n) / DAY,
    });
  }
  const positions: VenuePosition[] = [];
  for (let i = 0; i < nPositions; i++) {
    const long = rng.uniform() < 0.6;
    const leverage = 2 + (maxLeverage - 2) * rng.uniform();
    const entryUsd = spot * (1 + 0.04 * (rng.uniform() - 0.5));
    const notional = 5_000 + rng.uniform() * 95_000;
    const size = notional / entryUsd;
    positions.push({
      id: `p${i}`,
      side: long ? 'long' : 'short',
      size: BigInt(Math.round(size * 1e8)) * 10n ** 10n,
      sizeDecimals: 18,
      entryPrice: BigInt(Math.round(entryUsd * 100)) * (PRICE / 100n),
      margin: BigInt(Math.round((notional / leverage) * 1e6)),
      maintenanceMarginWad: WAD / 20n, // 5 %
      liquidationFeeWad: WAD / 100n, // 1 %
    });
  }
  covers.push(...(options.extraCovers ?? []));
  positions.push(...(options.extraPositions ?? []));
  const income = BigInt(incomePerDay) * USDC;
  return {
    chainId: 31337,
    blockNumber: 1000n,
    timestamp: t0,
    spot: spotRaw,
    priceDecimals: PRICE_DECIMALS,
    sigmaWad: BigInt(Math.round(sigma * 1e6)) * 10n ** 12n,
    roundSeconds: 3_600n,
    horizonDaysLoaded: 99,
    layers: {
      junior: layerBook(BigInt(junior) * USDC, covers, 'junior', t0, income, 90),
      senior: layerBook(BigInt(senior) * USDC, covers, 'senior', t0, income, 90),
    },
    waterfall: {
      junior: { capBps: 5_000n, window: 0n, prev: 0n, curr: 0n },
      senior: { capBps: 2_500n, window: 0n, prev: 0n, curr: 0n },
    },
    recapitalizer: { supply: 100_000_000n * WAD, maxMintBps: 500n, startPrice: 2_000_000n, floorPrice: 500_000n, duration: 86_400n, openAuction: null },
    venue: { address: '0x0000000000000000000000000000000000000001', exposureCap: BigInt(exposureCap) * USDC, exposureUsed: 0n },
    covers,
    positions,
  };
}
