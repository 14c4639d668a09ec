// An underwriter's preview: before staking X into a layer, the risk of the stake itself. The deposit
// adds X of free capital (withStake), the Monte Carlo runs on that book with the same seed, and the stake
// bears its share of the layer's loss: a loss L lowers the share price by L / totalSupply, so shares s of
// supply S' lose L·s/S'. VaR and ES scale with a positive constant, so the stake's VaR_α is its share
// times the layer's (run on the book WITH the stake: the stake enlarges the layer's cap and so its draws).
import type { Layer } from '../chain/config';
import { sharesDown } from '../mirror/PoolMath';
import type { RiskBook } from './book';
import type { RiskSummary, Solvency, TailRisk } from './summary';

/** The stake's share of the layer after depositing `amount` (shares minted by the deposit twin). */
export function stakeShare(book: RiskBook, layer: Layer, amount: bigint): number {
  const l = book.layers[layer];
  const shares = sharesDown(amount, l.totalSupply, l.totalAssets);
  const supply = l.totalSupply + shares;
  return supply === 0n ? 0 : Number((shares * 10n ** 18n) / supply) / 1e18;
}

export type StakeRisk = {
  layer: Layer;
  amount: bigint;
  share: number;
  /** The stake's own 30-day loss: mean, VaR and ES at each level (stablecoin base units, floats). */
  meanLoss: number;
  tail: TailRisk[];
  /** Loss as a fraction of the stake at VaR₉₉.₅. */
  var995Fraction: number;
  solvencyBefore: Solvency;
  solvencyAfter: Solvency;
};

/** `after` is the summary of the run on `withStake(book, layer, amount)`; `before` of the book as it is. */
export function stakeRisk(book: RiskBook, layer: Layer, amount: bigint, before: RiskSummary, after: RiskSummary): StakeRisk {
  const share = stakeShare(book, layer, amount);
  const loss = after.layers[layer].loss;
  const tail = loss.tail.map((t) => ({
    alpha: t.alpha,
    valueAtRisk: t.valueAtRisk * share,
    varLo: t.varLo * share,
    varHi: t.varHi * share,
    expectedShortfall: t.expectedShortfall * share,
    esLo: t.esLo * share,
    esHi: t.esHi * share,
  }));
  const v995 = tail.find((t) => t.alpha === 0.995)?.valueAtRisk ?? 0;
  return {
    layer,
    amount,
    share,
    meanLoss: loss.mean * share,
    tail,
    var995Fraction: amount > 0n ? v995 / Number(amount) : 0,
    solvencyBefore: before.layers[layer].solvency,
    solvencyAfter: after.layers[layer].solvency,
  };
}
