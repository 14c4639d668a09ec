import { formatDays, formatEstimateAssets as usdc, formatProbability, formatRatio } from '@/lib/format/estimate';
import type { LayerRisk, LossStats, RiskSummary, Solvency } from '@/lib/risk/summary';
import { LAYER_COPY } from '@/lib/pool/layers';
import { Card } from '../ui/Card';
import { LossHistogram, SolvencyGauge, type Marker } from './charts';

const pct = (alpha: number) => `${(alpha * 100).toFixed(alpha === 0.995 ? 1 : 0)} %`;

function markers(loss: LossStats): Marker[] {
  return loss.tail
    .filter((t) => t.alpha !== 0.95)
    .flatMap((t) => [
      { value: t.valueAtRisk, label: `VaR ${pct(t.alpha)}`, tone: 'var' as const },
      { value: t.expectedShortfall, label: `ES ${pct(t.alpha)}`, tone: 'es' as const },
    ]);
}

function TailTable({ loss, testId }: { loss: LossStats; testId: string }) {
  return (
    <table className="mt-3 w-full text-sm" data-testid={testId}>
      <caption className="sr-only">Value at risk and expected shortfall of the 30-day loss, with 95 % confidence intervals</caption>
      <thead>
        <tr className="text-left text-xs text-slate-500">
          <th scope="col" className="font-medium">
            Level
          </th>
          <th scope="col" className="font-medium">
            VaR
          </th>
          <th scope="col" className="font-medium">
            ES
          </th>
        </tr>
      </thead>
      <tbody className="font-mono tabular-nums">
        {loss.tail.map((t) => (
          <tr key={t.alpha} className="border-t border-slate-100 align-top dark:border-slate-800">
            <th scope="row" className="py-1 pr-2 text-left font-sans font-medium">
              {pct(t.alpha)}
            </th>
            <td className="py-1 pr-2">
              {usdc(t.valueAtRisk)}
              <span className="block text-xs text-slate-500">
                {usdc(t.varLo)} – {usdc(t.varHi)}
              </span>
            </td>
            <td className="py-1">
              {usdc(t.expectedShortfall)}
              <span className="block text-xs text-slate-500">
                {usdc(t.esLo)} – {usdc(t.esHi)}
              </span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Fact({ label, value, testId, hint }: { label: string; value: string; testId?: string; hint?: string }) {
  return (
    <div>
      <dt className="text-xs text-slate-500 dark:text-slate-400">{label}</dt>
      <dd className="font-mono text-sm tabular-nums" data-testid={testId} title={hint}>
        {value}
      </dd>
    </div>
  );
}

function solvencyText(s: Solvency): string {
  return s.ratio === Infinity ? 'nothing is claimed in the worst 0.5 % of months' : `${formatRatio(s.ratioLo)} – ${formatRatio(s.ratioHi)} (95 %)`;
}

function LayerCard({ layer, risk, horizonDays }: { layer: 'junior' | 'senior'; risk: LayerRisk; horizonDays: number }) {
  const loss = risk.loss;
  const v995 = loss.tail.find((t) => t.alpha === 0.995)!;
  return (
    <Card title={LAYER_COPY[layer].title}>
      <LossHistogram
        histogram={loss.histogram}
        markers={markers(loss)}
        formatValue={usdc}
        testId={`risk-histogram-${layer}`}
        label={`${horizonDays}-day loss distribution of the ${layer} layer: ${formatProbability(loss.histogram.zeroShare)} of paths lose nothing; VaR 99.5 % ${usdc(v995.valueAtRisk)}, expected shortfall 99.5 % ${usdc(v995.expectedShortfall)}.`}
      />
      <p className="mt-1 text-xs text-slate-500 dark:text-slate-400">
        {formatProbability(loss.histogram.zeroShare)} of paths lose nothing (not drawn); bars: the share of paths losing that much (√ scale).
      </p>
      <TailTable loss={loss} testId={`risk-tail-${layer}`} />
      <dl className="mt-3 grid grid-cols-2 gap-3 border-t border-slate-100 pt-3 dark:border-slate-800">
        <Fact
          label="Expected loss"
          value={usdc(loss.mean)}
          testId={`risk-mean-${layer}`}
          hint={`covers ${usdc(risk.coverLossMean)} + shortfalls ${usdc(risk.drawMean)}; ± ${usdc(loss.meanStdErr)}`}
        />
        <Fact
          label="P(exhausted)"
          value={formatProbability(risk.exhausted.p)}
          testId={`risk-exhausted-${layer}`}
          hint="Could not pay all that reached it at some point: its free capital or its 24 h cap ran out"
        />
        <Fact label={`Income over ${horizonDays} d`} value={usdc(risk.incomeEarned)} />
        <Fact
          label="Loss ratio"
          value={risk.lossRatio === Infinity ? '∞' : formatProbability(risk.lossRatio)}
          testId={`risk-loss-ratio-${layer}`}
          hint="Expected loss ÷ premiums and fees earned over the horizon"
        />
        <Fact label="Solvency" value={formatRatio(risk.solvency.ratio)} testId={`risk-solvency-${layer}`} hint={solvencyText(risk.solvency)} />
        <Fact
          label="Capital lasts"
          value={formatDays(risk.daysToExhaustion)}
          hint={`at today's expected loss rate; net of income: ${formatDays(risk.daysToExhaustionNet)}`}
        />
      </dl>
    </Card>
  );
}

/** The Monte Carlo's answer: solvency first, then each layer's loss distribution, then the venue's side. */
export function RiskResults({ summary }: { summary: RiskSummary }) {
  const pools = summary.pools;
  const venue = summary.venue;
  return (
    <div className="space-y-6" data-testid="risk-results">
      <Card title="Solvency">
        <div className="flex flex-col items-center gap-4 sm:flex-row sm:items-start">
          <SolvencyGauge ratio={pools.solvency.ratio} label={`Solvency ratio of both pools: ${formatRatio(pools.solvency.ratio)}`} testId="risk-gauge" />
          <div className="space-y-2 text-sm">
            <p>
              <span className="font-mono text-3xl font-semibold tabular-nums" data-testid="risk-solvency">
                {formatRatio(pools.solvency.ratio)}
              </span>
              <span className="ml-2 text-slate-500">{solvencyText(pools.solvency)}</span>
            </p>
            <p className="text-slate-600 dark:text-slate-300">
              Both layers&apos; capital ({usdc(pools.solvency.capital)}) over the SCR: the 99.5 % value at risk of what the book could claim from them in{' '}
              {summary.horizonDays} days ({usdc(pools.solvency.scr)}). Below 1× the pools would not meet a 1-in-200 month.
            </p>
            <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3">
              <Fact label="Junior" value={formatRatio(summary.layers.junior.solvency.ratio)} />
              <Fact label="Senior" value={formatRatio(summary.layers.senior.solvency.ratio)} />
              <Fact label="Loss ratio (pools)" value={pools.lossRatio === Infinity ? '∞' : formatProbability(pools.lossRatio)} />
            </dl>
          </div>
        </div>
      </Card>
      <div className="grid gap-6 md:grid-cols-2">
        <LayerCard layer="junior" risk={summary.layers.junior} horizonDays={summary.horizonDays} />
        <LayerCard layer="senior" risk={summary.layers.senior} horizonDays={summary.horizonDays} />
      </div>
      <Card title="The venue's side">
        {venue.positions === 0 ? (
          <p className="text-sm text-slate-600 dark:text-slate-300" data-testid="risk-venue-empty">
            No venue positions yet: the book&apos;s losses are cover claims only. Bad debt, recapitalization and deleveraging appear here once the reference
            venue has open positions.
          </p>
        ) : (
          <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
            <Fact label="P(bad debt)" value={formatProbability(venue.pBadDebt)} />
            <Fact label="Expected bad debt" value={usdc(venue.badDebt.mean)} />
            <Fact label="Liquidations (mean)" value={venue.liquidationsMean.toFixed(1)} />
            <Fact label="Raised by auctions (mean)" value={usdc(venue.recapRaisedMean)} />
            <Fact label="P(deleveraging)" value={formatProbability(venue.pSocialised)} />
            <Fact label="Deleveraged, VaR 99.5 %" value={usdc(venue.socialised.tail[2]!.valueAtRisk)} />
          </dl>
        )}
      </Card>
    </div>
  );
}
