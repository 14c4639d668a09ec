// JSON that carries bigints: every bigint is tagged, so amounts and block numbers arrive as the bigints
// they left as (plain JSON has no bigint; a decimal string would need a list of which fields to convert
// back). The one codec for the bigints in the app's JSON answers: the past risk books of
// GET /risk/history (lib/risk/book.ts).

const TAG = '$bigint';

/** JSON text of `value`, bigints tagged as `{ "$bigint": "<decimal>" }`. */
export function toBigintJson(value: unknown): string {
  return JSON.stringify(value, (_, v: unknown) => (typeof v === 'bigint' ? { [TAG]: v.toString() } : v));
}

/** The value `toBigintJson` wrote, tagged bigints restored. */
export function fromBigintJson<T>(text: string): T {
  return JSON.parse(text, (_, v: unknown) => {
    if (typeof v === 'object' && v !== null && !Array.isArray(v)) {
      const keys = Object.keys(v);
      const tagged = (v as Record<string, unknown>)[TAG];
      if (keys.length === 1 && typeof tagged === 'string' && /^-?\d+$/.test(tagged)) return BigInt(tagged);
    }
    return v;
  }) as T;
}
