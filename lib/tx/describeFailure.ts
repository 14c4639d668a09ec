// describeError for client code: the error table with viem's error classes loads only once something has
// failed. A failed download of it (offline, a new deploy) still gives a sentence: the error's own message.
import type { ErrorKind } from './errorKind';

export async function describeFailure(error: unknown): Promise<{ kind: ErrorKind; message: string }> {
  try {
    const { describeError } = await import('./describeError');
    return describeError(error);
  } catch {
    return { kind: 'unknown', message: error instanceof Error ? error.message : 'Something went wrong.' };
  }
}
