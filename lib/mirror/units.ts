// The units every contract repeats as its own `internal constant`, defined once for the twins.

/** 1e18: the fixed-point scale of every WAD value (probabilities, σ, markups, rates). */
export const WAD = 10n ** 18n;
/** One day in seconds (`1 days`): the width of the pools' buckets and the waterfall's windows. */
export const DAY = 86_400n;
/** 365 days in seconds (`365 days`): what σ and rates are annualised over. */
export const YEAR = 365n * DAY;
/** Basis-point denominator (10,000 = 100 %). */
export const BPS = 10_000n;
