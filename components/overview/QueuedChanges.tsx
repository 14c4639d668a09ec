import { serverPublicClient } from '@/lib/chain/serverClient';
import { describeQueuedChanges } from '@/lib/governance/queuedChanges';
import type { GovernanceOperation } from '@/lib/history/indexerApi';

/**
 * Governance changes queued on the timelock that owns every contract, in words, with when each can run
 * (chain time). The delay is longer than any exit's cooldown and claim window, so an LP who disagrees
 * can leave before a change lands. `operations` is null when the indexer is away.
 */
export async function QueuedChanges({
  operations,
  blockNumber,
  now,
}: {
  operations: GovernanceOperation[] | null;
  blockNumber: bigint | undefined;
  now: bigint;
}) {
  if (operations === null)
    return <p className="text-sm text-slate-500 dark:text-slate-400">Queued governance changes are unavailable while the indexer is away.</p>;
  if (operations.length === 0)
    return (
      <p className="text-sm text-slate-500" data-testid="queued-changes-none">
        No governance change is queued.
      </p>
    );
  const changes = await describeQueuedChanges(serverPublicClient(), operations, blockNumber, now);
  return (
    <>
      <ul className="divide-y divide-slate-100 text-sm dark:divide-slate-800" data-testid="queued-changes">
        {changes.map((c) => (
          <li key={c.id} className="py-2">
            {c.lines.map((line, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a change's lines are fixed once queued, in batch order (two calls may read alike)
              <p key={i} className="font-medium">
                {line}
              </p>
            ))}
            <p className="text-xs text-slate-500">{c.when}</p>
          </li>
        ))}
      </ul>
      <p className="mt-3 text-xs text-slate-500">
        Every change waits in the timelock longer than a withdrawal&apos;s cooldown and claim window: request a withdrawal now and you are paid before a change
        you disagree with can run.
      </p>
    </>
  );
}
