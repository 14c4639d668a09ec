import { indexerNotice, type IndexerHealth } from '@/lib/history/indexerNotice';

/** Says plainly when history is missing or behind (renders on the server or in the browser). */
export function IndexerNoticeText({ health }: { health: IndexerHealth }) {
  const message = indexerNotice(health);
  if (!message) return null;
  return (
    <p
      role="status"
      data-testid="indexer-notice"
      className="rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-200"
    >
      {message}
    </p>
  );
}
