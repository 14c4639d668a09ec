import { formatAmount, formatPercentWad } from '@/lib/format/amount';
import { formatDuration } from '@/lib/format/duration';
import type { OracleState } from '@/lib/overview/protocolState';

const ago = (now: bigint, then: bigint) => (now > then ? `${formatDuration(now - then)} ago` : 'just now');

/** The price the covers settle on and the volatility their premiums are priced with. */
export function OracleCard({ oracle, now }: { oracle: OracleState; now: bigint }) {
  return (
    <section aria-labelledby="oracle-title" className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm dark:border-slate-800 dark:bg-slate-900">
      <h2 id="oracle-title" className="font-semibold">
        Oracle
      </h2>
      <dl className="mt-3 grid grid-cols-2 gap-3 text-sm">
        <div>
          <dt className="text-xs text-slate-500">Price (feed)</dt>
          <dd className="font-mono tabular-nums" data-testid="oracle-price">
            {formatAmount(oracle.price, oracle.priceDecimals, { maxFractionDigits: 2 })} USD
          </dd>
          <dd className="text-xs text-slate-500">{ago(now, oracle.priceUpdatedAt)}</dd>
        </div>
        <div>
          <dt className="text-xs text-slate-500">Volatility σ (annualised)</dt>
          <dd className="font-mono tabular-nums" data-testid="oracle-sigma">
            {formatPercentWad(oracle.sigmaWad, 1)}
          </dd>
          <dd className="text-xs text-slate-500">{oracle.sigmaUpdatedAt === 0n ? 'not yet measured' : ago(now, oracle.sigmaUpdatedAt)}</dd>
        </div>
      </dl>
    </section>
  );
}
