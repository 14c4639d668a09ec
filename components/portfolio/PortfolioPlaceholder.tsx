import { Card } from '../ui/Card';
import { Stat } from '../ui/Stat';
import { StakesTableFrame, StakeRowPlaceholder } from './StakesTable';
import { LAYERS } from '@/lib/chain/config';

// The portfolio's loaded shape with a placeholder in each figure, shown while the server reads the chain:
// the same cards, stats and five-line stake cards on a phone, so nothing below moves when the numbers come.
// No test ids on the placeholders: nothing reads "…" as a number.

export const CoversPlaceholder = () => <div className="h-16 animate-pulse rounded-lg bg-slate-100 dark:bg-slate-800" aria-busy="true" />;

export const HistoryPlaceholder = () => <div className="h-24 animate-pulse rounded-lg bg-slate-100 dark:bg-slate-800" aria-busy="true" />;

export function TotalPlaceholder() {
  return (
    <dl className="grid grid-cols-2 gap-4 text-slate-400 sm:grid-cols-3" aria-busy="true">
      <Stat label="Total value" value="…" />
      <Stat label="Staked" value="…" />
      <Stat label="Wallet" value="…" />
    </dl>
  );
}

export function PortfolioPlaceholder() {
  return (
    <div className="space-y-6">
      <Card>
        <TotalPlaceholder />
        <p className="mt-2 text-xs text-slate-500">
          Covers are not counted in the total; each shows its distance to strike, touch probability and model value below.
        </p>
      </Card>
      <Card title="My stakes">
        <StakesTableFrame>
          {LAYERS.map((layer) => (
            <StakeRowPlaceholder key={layer} />
          ))}
        </StakesTableFrame>
      </Card>
      <Card title="My covers">
        <CoversPlaceholder />
      </Card>
      <Card title="My history">
        <HistoryPlaceholder />
      </Card>
    </div>
  );
}
