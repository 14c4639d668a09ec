'use client';

// The local chain's dev panel: asks the keeper (scripts/keeper, started by `npm start`) for a price crash
// on the mock feed; the keeper publishes it and liquidates whatever it makes liquidatable, and the page is
// rendered again with the new price and liquidations. The server renders it on chain 31337 only.
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { Button } from '../ui/Button';
import { Card } from '../ui/Card';

const KEEPER_URL = process.env.NEXT_PUBLIC_KEEPER_URL || 'http://127.0.0.1:42070';
const CRASHES = [1_000, 2_000, 3_000] as const; // basis points

export function DevPanel() {
  const [message, setMessage] = useState<string>();
  const [busy, setBusy] = useState(false);
  const router = useRouter();
  const [, startRefresh] = useTransition();

  async function crash(bps: number) {
    setBusy(true);
    setMessage(`Asking the keeper for a ${bps / 100}% crash…`);
    try {
      const res = await fetch(`${KEEPER_URL}/crash?bps=${bps}`, { method: 'POST' });
      const body = (await res.json()) as { ok: boolean; error?: string; actions?: { kind: string }[] };
      if (!body.ok) throw new Error(body.error ?? `the keeper answered ${res.status}`);
      const liquidations = body.actions?.filter((a) => a.kind === 'liquidate').length ?? 0;
      setMessage(`The price fell ${bps / 100}%; the keeper liquidated ${liquidations} position${liquidations === 1 ? '' : 's'}.`);
      startRefresh(() => router.refresh());
    } catch (error) {
      setMessage(`The keeper did not answer (${error instanceof Error ? error.message : String(error)}): is \`npm start\` running?`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card title="Dev panel (local chain only)">
      <p className="mb-3 text-sm text-slate-600 dark:text-slate-300">Crash ETH/USD on the mock feed in one round; the local keeper liquidates at once.</p>
      <div className="flex flex-wrap gap-2">
        {CRASHES.map((bps) => (
          <Button key={bps} variant="secondary" disabled={busy} onClick={() => void crash(bps)} data-testid={`dev-crash-${bps / 100}`}>
            Crash −{bps / 100}%
          </Button>
        ))}
      </div>
      <p role="status" aria-live="polite" className="mt-3 min-h-5 text-sm" data-testid="dev-crash-status">
        {message ?? ''}
      </p>
    </Card>
  );
}
