// The Monte Carlo's parameters: what a person may edit on /risk, with the defaults and bounds the
// engine accepts. Everything here is documented in the README ("Risk analytics").

export type TouchModel =
  /** Every continuous-time touch of a strike pays (conservative; the premium is priced the same way). */
  | 'continuous'
  /**
   * Touches are seen only at the feed's rounds: the strike is moved away from spot by the Broadie–
   * Glasserman–Kou correction exp(0.5826·σ·√heartbeat). Further confirmations are not modelled (a
   * round beyond the strike is taken to be confirmed), so this still slightly overstates claims.
   */
  | 'rounds';

export type ModelParams = {
  /** Number of price paths. */
  paths: number;
  /** Unsigned 32-bit seed: the same seed and book give the same result on any number of workers. */
  seed: number;
  /** Horizon in days (the SCR convention is 30). */
  horizonDays: number;
  /** Time steps per day; a divisor of 24 so every step ends on a whole second. */
  stepsPerDay: number;
  /** Multiplies the oracle's σ (a σ stress; 1 = as measured). */
  sigmaMultiplier: number;
  /** Merton jumps: expected number per year. */
  jumpsPerYear: number;
  /** Mean of a jump's log-size (negative: crashes are more common than spikes). */
  jumpMean: number;
  /** Standard deviation of a jump's log-size. */
  jumpStdDev: number;
  /**
   * Keep the total variance at the oracle's σ²: the diffusion gets σ² − λ·(μ_J² + δ_J²) (floored at 0),
   * since the oracle's EWMA already measures the jumps it has seen. Off: diffusion σ plus jumps.
   */
  matchTotalVariance: boolean;
  touchModel: TouchModel;
  /**
   * Share of a recapitalization auction's raise capacity (its mint cap at the floor price) that buyers
   * take. What the auction does not raise is socialised by the venue (auto-deleverage).
   */
  recapFill: number;
};

export const DEFAULT_PARAMS: ModelParams = {
  paths: 100_000,
  seed: 20_240_601,
  horizonDays: 30,
  stepsPerDay: 1,
  sigmaMultiplier: 1,
  // About half a dozen crash-like gaps a year for ETH, averaging −3 % with a 6 % spread: a 2σ jump
  // is a 15 % drop, of the size that gapped through liquidation prices in the 2021–2025 crashes.
  jumpsPerYear: 6,
  jumpMean: -0.03,
  jumpStdDev: 0.06,
  matchTotalVariance: true,
  touchModel: 'continuous',
  recapFill: 0.5,
};

export const PARAM_BOUNDS = {
  paths: { min: 1_000, max: 1_000_000 },
  seed: { min: 0, max: 0xffff_ffff },
  horizonDays: { min: 1, max: 90 },
  stepsPerDay: { allowed: [1, 2, 3, 4, 6, 8, 12, 24] as readonly number[] },
  sigmaMultiplier: { min: 0, max: 10 },
  jumpsPerYear: { min: 0, max: 365 },
  jumpMean: { min: -1, max: 1 },
  jumpStdDev: { min: 0, max: 1 },
  recapFill: { min: 0, max: 1 },
} as const;

/** Throws with a sentence naming the first parameter out of bounds. */
export function checkParams(p: ModelParams): void {
  const range = (name: keyof typeof PARAM_BOUNDS & keyof ModelParams, value: number) => {
    const b = PARAM_BOUNDS[name] as { min: number; max: number };
    if (!Number.isFinite(value) || value < b.min || value > b.max) throw new RangeError(`${name} must lie in [${b.min}, ${b.max}] (got ${value})`);
  };
  range('paths', p.paths);
  if (!Number.isInteger(p.paths)) throw new RangeError(`paths must be a whole number (got ${p.paths})`);
  range('seed', p.seed);
  if (!Number.isInteger(p.seed)) throw new RangeError(`seed must be a whole number (got ${p.seed})`);
  range('horizonDays', p.horizonDays);
  if (!Number.isInteger(p.horizonDays)) throw new RangeError(`horizonDays must be a whole number (got ${p.horizonDays})`);
  if (!PARAM_BOUNDS.stepsPerDay.allowed.includes(p.stepsPerDay))
    throw new RangeError(`stepsPerDay must be one of ${PARAM_BOUNDS.stepsPerDay.allowed.join(', ')}`);
  range('sigmaMultiplier', p.sigmaMultiplier);
  range('jumpsPerYear', p.jumpsPerYear);
  range('jumpMean', p.jumpMean);
  range('jumpStdDev', p.jumpStdDev);
  range('recapFill', p.recapFill);
}

/**
 * `p` as an object of one fixed shape (keys in one order, built in one place), whether it came from a
 * form, a structured clone or a test: the engine reads it in its hot loop, and V8 optimises for the
 * shapes it has seen.
 */
export function canonicalParams(p: ModelParams): ModelParams {
  return {
    paths: p.paths,
    seed: p.seed,
    horizonDays: p.horizonDays,
    stepsPerDay: p.stepsPerDay,
    sigmaMultiplier: p.sigmaMultiplier,
    jumpsPerYear: p.jumpsPerYear,
    jumpMean: p.jumpMean,
    jumpStdDev: p.jumpStdDev,
    matchTotalVariance: p.matchTotalVariance,
    touchModel: p.touchModel,
    recapFill: p.recapFill,
  };
}
