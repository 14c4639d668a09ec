// The life of one transaction as the UI shows it; the transaction helper moves through these.
import type { Hash } from 'viem';
import type { ErrorKind } from './errorKind';

export type TxStatus =
  | { phase: 'idle' }
  | { phase: 'checking'; label: string }
  | { phase: 'signing'; label: string }
  | { phase: 'pending'; label: string; hash: Hash }
  | { phase: 'confirmed'; label: string; hash: Hash }
  | { phase: 'failed'; label: string; kind: ErrorKind; message: string; hash?: Hash };

export function isBusy(status: TxStatus): boolean {
  return status.phase === 'checking' || status.phase === 'signing' || status.phase === 'pending';
}

export function statusText(status: TxStatus): string {
  switch (status.phase) {
    case 'idle':
      return '';
    case 'checking':
      return `${status.label}: checking…`;
    case 'signing':
      return `${status.label}: confirm in your wallet…`;
    case 'pending':
      return `${status.label}: pending…`;
    case 'confirmed':
      return `${status.label}: confirmed.`;
    case 'failed':
      return `${status.label} failed: ${status.message}`;
  }
}

/** A short hash for display: 0x1234…abcd. */
export function shortHash(hash: string): string {
  return `${hash.slice(0, 6)}…${hash.slice(-4)}`;
}
