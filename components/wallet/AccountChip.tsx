import { shortHash } from '@/lib/tx/status';
import { Button } from '../ui/Button';

/** The connected account and its Disconnect button; without `onDisconnect` the button waits, disabled. */
export function AccountChip({ address, onDisconnect, testId }: { address: string; onDisconnect?: () => void; testId?: string }) {
  return (
    <div className="flex items-center gap-2" aria-busy={onDisconnect ? undefined : true}>
      <span
        className="rounded-md bg-slate-100 px-2 py-1 font-mono text-xs text-slate-700 dark:bg-slate-800 dark:text-slate-200"
        data-testid={testId}
        title={address}
      >
        {shortHash(address)}
      </span>
      <Button variant="secondary" onClick={onDisconnect} disabled={!onDisconnect}>
        Disconnect
      </Button>
    </div>
  );
}
