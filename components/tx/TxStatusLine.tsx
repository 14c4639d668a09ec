import { shortHash, statusText, type TxStatus } from '@/lib/tx/status';

export function TxStatusLine({ status }: { status: TxStatus }) {
  if (status.phase === 'idle') return null;
  const tone =
    status.phase === 'failed'
      ? 'text-red-700 dark:text-red-400'
      : status.phase === 'confirmed'
        ? 'text-emerald-700 dark:text-emerald-400'
        : 'text-slate-600 dark:text-slate-300';
  const hash = 'hash' in status ? status.hash : undefined;
  return (
    <p role="status" aria-live="polite" data-testid="tx-status" data-phase={status.phase} className={`text-sm ${tone}`}>
      {statusText(status)}
      {hash ? (
        <span className="ml-2 font-mono text-xs text-slate-500" title={hash}>
          tx {shortHash(hash)}
        </span>
      ) : null}
    </p>
  );
}
