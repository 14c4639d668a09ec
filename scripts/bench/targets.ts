// Gas ceilings the issues set, matched to bench keys by name so that a new bench file picks them up
// without code changes. Printed beside the measurement, never asserted.

export type GasTarget = { label: string; max: number; matches(key: string): boolean };

/** The number of oracle confirmations a key names ("claim (2 confirmations)", "claim_3conf"), if any. */
function confirmations(key: string): number | undefined {
  const m = /(\d+)\s*[_ -]?\s*conf/i.exec(key) ?? /conf\w*\D{0,3}(\d+)/i.exec(key);
  return m ? Number(m[1]) : undefined;
}

/** First match wins, so the more specific names come first. */
export const GAS_TARGETS: GasTarget[] = [
  // Issue "Cover market": the one-touch probability, a quote, a purchase and a claim; issue 13 tightened
  // the purchase (a returning buyer) to 160,000 and the claim to 75,000.
  { label: '≤ 5,000', max: 5_000, matches: (k) => /touchProbability/i.test(k) },
  { label: '≤ 160,000', max: 160_000, matches: (k) => /^buyCover$/i.test(k) },
  {
    label: '≤ 75,000 (2 conf.)',
    max: 75_000,
    matches: (k) => /\bclaim/i.test(k) && !/claimable/i.test(k) && (confirmations(k) ?? 2) === 2,
  },
  { label: '≤ 40,000', max: 40_000, matches: (k) => /\bquote/i.test(k) },
  // Issue 15: the reference venue's open and partial liquidation.
  { label: '≤ 150,000', max: 150_000, matches: (k) => /^open$/i.test(k) },
  { label: '≤ 150,000', max: 150_000, matches: (k) => /liquidate \(partial\)/i.test(k) },
  // Issue 18 (cover exchange): a listing and a listing fill.
  { label: '≤ 60,000', max: 60_000, matches: (k) => /^list\b/i.test(k) },
  { label: '≤ 120,000', max: 120_000, matches: (k) => /^buy\b/i.test(k) && !/^buyCover/i.test(k) },
];

export function targetFor(key: string): GasTarget | undefined {
  return GAS_TARGETS.find((t) => t.matches(key));
}
