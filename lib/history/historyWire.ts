// History as it crosses from the app's server (app/history/[question]/route.ts) to the browser: JSON in
// which every bigint is tagged, so amounts and block numbers arrive as the bigints the queries returned
// (plain JSON has no bigint; a decimal string would need a list of which fields to convert back).

const TAG = '$bigint';

/** JSON text of a history answer, bigints tagged as `{ "$bigint": "<decimal>" }`. */
export function historyToJson(value: unknown): string {
  return JSON.stringify(value, (_, v: unknown) => (typeof v === 'bigint' ? { [TAG]: v.toString() } : v));
}

/** The answer `historyToJson` wrote, tagged bigints restored. */
export function historyFromJson<T>(text: string): T {
  return JSON.parse(text, (_, v: unknown) => {
    if (typeof v === 'object' && v !== null && !Array.isArray(v)) {
      const keys = Object.keys(v);
      const tagged = (v as Record<string, unknown>)[TAG];
      if (keys.length === 1 && typeof tagged === 'string' && /^-?\d+$/.test(tagged)) return BigInt(tagged);
    }
    return v;
  }) as T;
}
