// The engine's per-path results: one typed array per output, indexed by path. Kept apart from the
// engine so the page (which merges and transfers them) does not load the engine itself.
/** Per-path results, by path index. Amounts are stablecoin base units (integers held as doubles). */
export type PathOutputs = {
  /** Cover payouts from each layer's locks. */
  coverJunior: Float64Array;
  coverSenior: Float64Array;
  /** Shortfall draws from each layer's free capital. */
  drawJunior: Float64Array;
  drawSenior: Float64Array;
  /** The venue's bad debt (rounded up to a base unit per step) and the part within its exposure cap. */
  badDebt: Float64Array;
  eligible: Float64Array;
  /** Raised by recapitalization auctions, and socialised (auto-deleverage) after them. */
  recapRaised: Float64Array;
  socialised: Float64Array;
  liquidations: Uint32Array;
  /** Bits: EXHAUSTED_JUNIOR, EXHAUSTED_SENIOR, SOCIALISED (pathWaterfall.ts). */
  flags: Uint8Array;
};

export const OUTPUT_KEYS = [
  'coverJunior',
  'coverSenior',
  'drawJunior',
  'drawSenior',
  'badDebt',
  'eligible',
  'recapRaised',
  'socialised',
  'liquidations',
  'flags',
] as const;

export function allocateOutputs(paths: number): PathOutputs {
  return {
    coverJunior: new Float64Array(paths),
    coverSenior: new Float64Array(paths),
    drawJunior: new Float64Array(paths),
    drawSenior: new Float64Array(paths),
    badDebt: new Float64Array(paths),
    eligible: new Float64Array(paths),
    recapRaised: new Float64Array(paths),
    socialised: new Float64Array(paths),
    liquidations: new Uint32Array(paths),
    flags: new Uint8Array(paths),
  };
}
