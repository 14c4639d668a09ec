/**
 * A read's outcome as a value, so a server-rendered page renders its error state instead of throwing a 500:
 * `{ value }` when it answered, `{ error }` when it did not.
 */
export type Settled<T> = { value: T } | { error: unknown };

export function settle<T>(read: Promise<T>): Promise<Settled<T>> {
  return read.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
}
