// Risk estimators on a Monte Carlo sample of losses (positive = money lost), with the textbook
// definitions written out, so the tests can check them on fixed samples:
//   VaR_α(L) = inf{ℓ : P(L ≤ ℓ) ≥ α}; on a sample sorted ascending L₍₁₎ ≤ … ≤ L₍ₙ₎ this is L₍⌈nα⌉₎.
//   ES_α(L)  = (1/(1−α)) ∫_α^1 VaR_u du (Acerbi & Tasche 2002); on the sample, with k = ⌈nα⌉,
//              ES = [ (k/n − α)·L₍k₎ + (1/n)·Σ_{i>k} L₍ᵢ₎ ] / (1 − α)      (so ES ≥ VaR always).
// Confidence intervals at 95 %:
//   VaR: distribution-free, from the order statistics: #{L ≤ q_α} ~ Binomial(n, α), so
//        [L₍ₗ₎, L₍ᵤ₎] with l, u = nα ∓ z·√(nα(1−α)) covers q_α with ≈ 95 %.
//   ES:  asymptotic normal (Manistre & Hancock 2005): Var(ÊS) ≈ [Var(L | L ≥ VaR) + α·(ES − VaR)²] / (n(1−α)).

/** z for a two-sided 95 % interval. */
export const Z95 = 1.959963984540054;

// n·α computed in floating point can land a hair above an integer (0.95 × 100 = 95.00000000000001).
const rankUp = (x: number) => Math.ceil(x - 1e-9);

/** 1-based rank ⌈nα⌉ clamped to [1, n]. */
export function varRank(n: number, alpha: number): number {
  return Math.min(n, Math.max(1, rankUp(n * alpha)));
}

/** Empirical VaR_α of an ascending sample. */
export function valueAtRisk(sorted: ArrayLike<number>, alpha: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  return sorted[varRank(n, alpha) - 1]!;
}

/** Empirical ES_α (Acerbi–Tasche) of an ascending sample. */
export function expectedShortfall(sorted: ArrayLike<number>, alpha: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  if (alpha >= 1) return sorted[n - 1]!;
  const k = varRank(n, alpha);
  let tail = 0;
  for (let i = k; i < n; i++) tail += sorted[i]!; // 0-based i = k … n−1 are the ranks k+1 … n
  const es = ((k / n - alpha) * sorted[k - 1]! + tail / n) / (1 - alpha);
  // Rounding can leave ES a few ulps outside [VaR, max] when the tail is flat; the definition keeps it inside.
  return Math.min(Math.max(es, sorted[k - 1]!), sorted[n - 1]!);
}

export type Interval = { lo: number; hi: number };

/** 95 % interval of VaR_α from order statistics. */
export function varInterval(sorted: ArrayLike<number>, alpha: number, z = Z95): Interval {
  const n = sorted.length;
  const half = z * Math.sqrt(n * alpha * (1 - alpha));
  const lo = Math.min(n, Math.max(1, Math.floor(n * alpha - half)));
  const hi = Math.min(n, Math.max(1, rankUp(n * alpha + half)));
  return { lo: sorted[lo - 1]!, hi: sorted[hi - 1]! };
}

/** 95 % interval of ES_α (asymptotic normal), floored at 0. */
export function esInterval(sorted: ArrayLike<number>, alpha: number, z = Z95): Interval {
  const n = sorted.length;
  const k = varRank(n, alpha);
  const v = sorted[k - 1]!;
  const es = expectedShortfall(sorted, alpha);
  let sum = 0;
  let sumSq = 0;
  for (let i = k - 1; i < n; i++) {
    const d = sorted[i]! - es;
    sum += d;
    sumSq += d * d;
  }
  const m = n - k + 1;
  const tailVar = m > 1 ? (sumSq - (sum * sum) / m) / (m - 1) : 0;
  const se = Math.sqrt(Math.max(0, tailVar + alpha * (es - v) ** 2) / (n * (1 - alpha)));
  return { lo: Math.max(0, es - z * se), hi: es + z * se };
}

/** Mean and its standard error. */
export function meanAndError(values: ArrayLike<number>): { mean: number; stdErr: number } {
  const n = values.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i]!;
  const mean = sum / n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (values[i]! - mean) ** 2;
  return { mean, stdErr: n > 1 ? Math.sqrt(ss / (n - 1) / n) : 0 };
}

/** A proportion and its standard error √(p(1−p)/n). */
export function proportion(count: number, n: number): { p: number; stdErr: number } {
  const p = n > 0 ? count / n : 0;
  return { p, stdErr: n > 0 ? Math.sqrt((p * (1 - p)) / n) : 0 };
}

export type Histogram = {
  /** Share of the sample that lost nothing (a spike at 0 is shown apart from the bars). */
  zeroShare: number;
  /** Bin edges of the positive losses: bins[i] covers (edges[i], edges[i+1]]; the last bin takes all above. */
  edges: number[];
  /** Share of the WHOLE sample in each bin. */
  shares: number[];
};

/** Equal-width bins over (0, the 99.9 % quantile], the rest in the last bin. */
export function histogram(sorted: ArrayLike<number>, bins = 40): Histogram {
  const n = sorted.length;
  let zeros = 0;
  while (zeros < n && sorted[zeros]! <= 0) zeros++;
  const top = n > 0 ? valueAtRisk(sorted, 0.999) : 0;
  const upper = top > 0 ? top : n > 0 ? sorted[n - 1]! : 0;
  if (upper <= 0 || zeros === n) return { zeroShare: n > 0 ? zeros / n : 0, edges: [], shares: [] };
  const width = upper / bins;
  const counts = new Array<number>(bins).fill(0);
  // Bin (edges[b], edges[b+1]]: a loss exactly on an edge belongs to the bin below it.
  for (let i = zeros; i < n; i++) counts[Math.max(0, Math.min(bins - 1, Math.ceil((sorted[i]! / upper) * bins) - 1))]! += 1;
  return {
    zeroShare: zeros / n,
    edges: Array.from({ length: bins + 1 }, (_, i) => i * width),
    shares: counts.map((c) => c / n),
  };
}
