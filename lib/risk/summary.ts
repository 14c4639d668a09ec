// From the per-path results to what /risk shows: per layer the loss distribution (what the layer pays:
// cover payouts from its locks + shortfall draws from its free capital), VaR/ES with intervals,
// exhaustion probability, loss ratio, solvency and time to exhaustion; the same for both pools
// together; and the venue's side (bad debt, recapitalization, socialised loss).
//
// SOLVENCY. Solvency ratio = capital / SCR, SCR = VaR₉₉.₅ of the 30-day loss (Solvency II). The loss in
// the SCR is the CLAIM on the layer — what reaches it: its covers' payouts plus every shortfall that gets
// to it (Junior: the venue's bad debt within its exposure cap; Senior: what Junior did not pay) — not
// the part the layer's 24 h cap lets it pay. A cap that passes a loss on to the auction or to traders'
// deleveraging protects the layer's stakers; it does not make the layer able to pay. Measured this way,
// more capital never lowers solvency (a layer's claims do not depend on its own capital, and Junior
// capital only lowers what reaches Senior), and a ratio below 1 says the layer's capital would not
// meet its 1-in-200 month. Capital is the layer's total assets (locked capital included: it backs the
// cover claims counted in the SCR). The pools' ratio is both layers' capital over the VaR of the
// book's claims on both (covers + bad debt within the exposure cap).
import type { Layer } from '../chain/config';
import { BOOK_LAYERS } from './book';
import type { CompiledBook } from './compile';
import type { PathOutputs } from './outputs';
import { expectedShortfall, esInterval, histogram, meanAndError, proportion, valueAtRisk, varInterval, type Histogram } from './estimators';
import { EXHAUSTED_JUNIOR, EXHAUSTED_SENIOR, SOCIALISED } from './pathWaterfall';
import { sortedAscending } from './sort';

export const CONFIDENCE_LEVELS = [0.95, 0.99, 0.995] as const;
/** The SCR's confidence (Solvency II). */
export const SCR_LEVEL = 0.995;

export type TailRisk = { alpha: number; valueAtRisk: number; varLo: number; varHi: number; expectedShortfall: number; esLo: number; esHi: number };

export type LossStats = { mean: number; meanStdErr: number; max: number; tail: TailRisk[]; histogram: Histogram };

export type Solvency = {
  capital: number;
  /** VaR₉₉.₅ of the claims on the capital, and its 95 % interval. */
  scr: number;
  scrLo: number;
  scrHi: number;
  /** capital / SCR (Infinity when the 1-in-200 month claims nothing); interval from the SCR's. */
  ratio: number;
  ratioLo: number;
  ratioHi: number;
};

export type LayerRisk = {
  loss: LossStats;
  coverLossMean: number;
  drawMean: number;
  /** P(the layer could not pay all that reached it at some point: free capital or 24 h cap ran out). */
  exhausted: { p: number; stdErr: number };
  /** Premiums and fees the layer earns over the horizon (its unearned reserve running off). */
  incomeEarned: number;
  /** Expected loss / income earned; Infinity with no income and a positive loss. */
  lossRatio: number;
  solvency: Solvency;
  /** Days until expected losses at today's rate use up the layer's capital (gross; and net of income). */
  daysToExhaustion: number;
  daysToExhaustionNet: number;
};

export type RiskSummary = {
  paths: number;
  seed: number;
  horizonDays: number;
  steps: number;
  layers: Record<Layer, LayerRisk>;
  pools: { loss: LossStats; solvency: Solvency; incomeEarned: number; lossRatio: number };
  venue: {
    positions: number;
    badDebt: LossStats;
    pBadDebt: number;
    liquidationsMean: number;
    recapRaisedMean: number;
    socialised: LossStats;
    pSocialised: number;
  };
};

function sortedCopy(values: Float64Array): Float64Array {
  return sortedAscending(values);
}

export function lossStats(values: Float64Array, bins = 40): LossStats {
  const sorted = sortedCopy(values);
  const { mean, stdErr } = meanAndError(values);
  return {
    mean,
    meanStdErr: stdErr,
    max: sorted.length ? sorted[sorted.length - 1]! : 0,
    tail: CONFIDENCE_LEVELS.map((alpha) => {
      const v = varInterval(sorted, alpha);
      const e = esInterval(sorted, alpha);
      return {
        alpha,
        valueAtRisk: valueAtRisk(sorted, alpha),
        varLo: v.lo,
        varHi: v.hi,
        expectedShortfall: expectedShortfall(sorted, alpha),
        esLo: e.lo,
        esHi: e.hi,
      };
    }),
    histogram: histogram(sorted, bins),
  };
}

/** capital / VaR₉₉.₅(claims), with the interval the SCR's order-statistic interval gives. */
export function solvency(capital: number, claims: Float64Array): Solvency {
  const sorted = sortedCopy(claims);
  const scr = valueAtRisk(sorted, SCR_LEVEL);
  const { lo, hi } = varInterval(sorted, SCR_LEVEL);
  const ratio = (c: number, s: number) => (s > 0 ? c / s : Infinity);
  return { capital, scr, scrLo: lo, scrHi: hi, ratio: ratio(capital, scr), ratioLo: ratio(capital, hi), ratioHi: ratio(capital, lo) };
}

/** Per-path claims on each layer and on both (see the header). */
export function claims(out: PathOutputs): { junior: Float64Array; senior: Float64Array; pools: Float64Array } {
  const n = out.coverJunior.length;
  const junior = new Float64Array(n);
  const senior = new Float64Array(n);
  const pools = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    junior[i] = out.coverJunior[i]! + out.eligible[i]!;
    senior[i] = out.coverSenior[i]! + out.eligible[i]! - out.drawJunior[i]!;
    pools[i] = out.coverJunior[i]! + out.coverSenior[i]! + out.eligible[i]!;
  }
  return { junior, senior, pools };
}

export function summarise(cb: CompiledBook, out: PathOutputs): RiskSummary {
  const n = out.coverJunior.length;
  const c = claims(out);
  const layerLoss = { junior: new Float64Array(n), senior: new Float64Array(n) };
  const poolLoss = new Float64Array(n);
  let exhaustedJ = 0;
  let exhaustedS = 0;
  let badDebtPaths = 0;
  let socialisedPaths = 0;
  let liquidations = 0;
  let recapRaised = 0;
  for (let i = 0; i < n; i++) {
    layerLoss.junior[i] = out.coverJunior[i]! + out.drawJunior[i]!;
    layerLoss.senior[i] = out.coverSenior[i]! + out.drawSenior[i]!;
    poolLoss[i] = layerLoss.junior[i]! + layerLoss.senior[i]!;
    const f = out.flags[i]!;
    if (f & EXHAUSTED_JUNIOR) exhaustedJ++;
    if (f & EXHAUSTED_SENIOR) exhaustedS++;
    if (f & SOCIALISED) socialisedPaths++;
    if (out.badDebt[i]! > 0) badDebtPaths++;
    liquidations += out.liquidations[i]!;
    recapRaised += out.recapRaised[i]!;
  }
  const days = cb.params.horizonDays;
  const layers = {} as Record<Layer, LayerRisk>;
  for (const layer of BOOK_LAYERS) {
    const loss = lossStats(layerLoss[layer]);
    const capital = Number(cb.capital[layer].totalAssets);
    const income = cb.incomeEarned[layer];
    const perDay = loss.mean / days;
    const netPerDay = (loss.mean - income) / days;
    const cover = layer === 'junior' ? out.coverJunior : out.coverSenior;
    const draw = layer === 'junior' ? out.drawJunior : out.drawSenior;
    layers[layer] = {
      loss,
      coverLossMean: meanAndError(cover).mean,
      drawMean: meanAndError(draw).mean,
      exhausted: proportion(layer === 'junior' ? exhaustedJ : exhaustedS, n),
      incomeEarned: income,
      lossRatio: income > 0 ? loss.mean / income : loss.mean > 0 ? Infinity : 0,
      solvency: solvency(capital, c[layer]),
      daysToExhaustion: perDay > 0 ? capital / perDay : Infinity,
      daysToExhaustionNet: netPerDay > 0 ? capital / netPerDay : Infinity,
    };
  }
  const poolsLoss = lossStats(poolLoss);
  const poolsIncome = cb.incomeEarned.junior + cb.incomeEarned.senior;
  return {
    paths: n,
    seed: cb.params.seed,
    horizonDays: days,
    steps: cb.steps,
    layers,
    pools: {
      loss: poolsLoss,
      solvency: solvency(Number(cb.capital.junior.totalAssets + cb.capital.senior.totalAssets), c.pools),
      incomeEarned: poolsIncome,
      lossRatio: poolsIncome > 0 ? poolsLoss.mean / poolsIncome : poolsLoss.mean > 0 ? Infinity : 0,
    },
    venue: {
      positions: cb.longs.size.length + cb.shorts.size.length,
      badDebt: lossStats(out.badDebt),
      pBadDebt: badDebtPaths / n,
      liquidationsMean: liquidations / n,
      recapRaisedMean: recapRaised / n,
      socialised: lossStats(out.socialised),
      pSocialised: socialisedPaths / n,
    },
  };
}
