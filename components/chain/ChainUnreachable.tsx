import { describeError } from '@/lib/tx/describeError';
import { RefreshErrorState } from './RefreshErrorState';

/**
 * A server-rendered page whose chain read failed: what went wrong in words, what comes back once the RPC
 * answers, and Retry (the page rendered again).
 */
export function ChainUnreachable({ error, returns, title = 'Cannot reach the chain' }: { error: unknown; returns: string; title?: string }) {
  return <RefreshErrorState title={title} message={`${describeError(error).message} ${returns} as soon as the RPC answers.`} />;
}
