import { formatAmount } from '@/lib/format/amount';
import { formatTimestamp } from '@/lib/format/duration';
import { formatBks } from '@/lib/format/tokenAmount';
import type { MintBudgetState } from '@/lib/overview/protocolState';

const bks = (v: bigint) => formatBks(v, { maxFractionDigits: 0 });

/**
 * The recapitalization layer's dilution allowance: what BKS auctions (all venues, all auctions) may still
 * mint in the rolling 24 h, out of maxMintBps of the supply. Live from the chain at the page's block.
 */
export function MintBudgetCard({ budget }: { budget: MintBudgetState }) {
  const usedBps = budget.cap === 0n ? 0n : (budget.used * 10_000n) / budget.cap;
  return (
    <section
      aria-labelledby="mint-budget-title"
      className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm dark:border-slate-800 dark:bg-slate-900"
      data-testid="mint-budget"
    >
      <h2 id="mint-budget-title" className="font-semibold">
        Recapitalization
      </h2>
      <p className="mt-1 text-sm text-slate-600 dark:text-slate-300">
        When both layers are spent, auctions sell new BKS for the rest. All auctions together may mint at most {formatAmount(budget.maxMintBps, 2)}% of the
        supply in any 24 hours.
      </p>
      <div
        className="mt-4 flex h-3 overflow-hidden rounded-full bg-slate-100 dark:bg-slate-800"
        role="img"
        aria-label={`${bks(budget.used)} of ${bks(budget.cap)} minted in the rolling 24 h`}
      >
        <div className="bg-rose-500" style={{ width: `${Number(usedBps) / 100}%` }} />
      </div>
      <dl className="mt-3 grid grid-cols-3 gap-3 text-sm">
        <div>
          <dt className="text-xs text-slate-500">Mint budget left (24 h)</dt>
          <dd className="font-mono tabular-nums" data-testid="mint-budget-available">
            {bks(budget.available)}
          </dd>
        </div>
        <div>
          <dt className="text-xs text-slate-500">Minted (rolling)</dt>
          <dd className="font-mono tabular-nums" data-testid="mint-budget-used">
            {bks(budget.used)}
          </dd>
        </div>
        <div>
          <dt className="text-xs text-slate-500">Budget</dt>
          <dd className="font-mono tabular-nums">{bks(budget.cap)}</dd>
        </div>
      </dl>
      {budget.used > 0n ? (
        <p className="mt-2 text-xs text-slate-500">Mints leave the count as the window rolls; next roll {formatTimestamp(budget.nextWindowAt)}.</p>
      ) : null}
    </section>
  );
}
