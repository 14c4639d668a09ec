// The risk engine's randomness: xoshiro128** (Blackman & Vigna 2018), 32-bit outputs that JavaScript
// computes exactly with Math.imul and shifts, seeded per PATH by hashing (seed, path index). Each path
// owns its stream, so a path's result depends only on (seed, path): splitting the paths over 1 or 16
// workers, in any chunks, gives the same numbers bit for bit.
//
// Normal and exponential variates come from Marsaglia & Tsang's ziggurat (J. Stat. Softw. 5(8), 2000):
// one 32-bit draw and a table lookup ~99 % of the time. The layer index and the value use disjoint bits
// of the draw (7 low bits → layer, 25 high bits → value for the normal; 8 / 24 for the exponential),
// which removes the correlation Doornik (2005) found in the original's shared bits.

/** A 32-bit finaliser (the "lowbias32" constants of Chris Wellons' hash prospector): full avalanche. */
export function mix32(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return x | 0;
}

const TWO_POW_M32 = 2 ** -32;

// ---------------------------------------------------------------- ziggurat tables (built once)

const NORMAL_LAYERS = 128;
const NORMAL_SCALE = 2 ** 24; // the value is a signed 25-bit integer in [−2^24, 2^24)
const EXP_LAYERS = 256;
const EXP_SCALE = 2 ** 24; // the value is an unsigned 24-bit integer in [0, 2^24)
const NORMAL_R = 3.442619855899;
const EXP_R = 7.697117470131487;

export const kn = new Float64Array(NORMAL_LAYERS);
export const wn = new Float64Array(NORMAL_LAYERS);
const fn = new Float64Array(NORMAL_LAYERS);
export const ke = new Float64Array(EXP_LAYERS);
export const we = new Float64Array(EXP_LAYERS);
const fe = new Float64Array(EXP_LAYERS);

// Squeezes for the wedge tests of the slow paths: in layer i the candidate |x| lies in [a, b] (the
// layer's inner and outer edge) and y is uniform in [f(b), f(a)]; the exact test is y < f(x), which costs
// a Math.exp. Where f is convex on [a, b] its tangents at a and b lie below it and its chord above it (where
// concave, the other way round), so most candidates are decided by a line; only those between the two
// lines call Math.exp. The lines are widened by SQUEEZE_MARGIN (relative, far above the few ulps of error
// in them and in Math.exp), so every decision is the exact test's: the stream of variates is unchanged.
const SQUEEZE_MARGIN = 1e-12;
/** Per layer: inner edge a, outer edge b, and whether f is convex (1), concave (−1) or neither (0) on [a, b]. */
const nInner = new Float64Array(NORMAL_LAYERS);
const nOuter = new Float64Array(NORMAL_LAYERS);
const nShape = new Int8Array(NORMAL_LAYERS);
const eInner = new Float64Array(EXP_LAYERS);
const eOuter = new Float64Array(EXP_LAYERS);

(function buildTables() {
  // Normal: Marsaglia & Tsang's zigset with the value scaled to 2^24.
  let dn = NORMAL_R;
  let tn = dn;
  const vn = 9.91256303526217e-3;
  const q = vn / Math.exp(-0.5 * dn * dn);
  kn[0] = (dn / q) * NORMAL_SCALE;
  kn[1] = 0;
  wn[0] = q / NORMAL_SCALE;
  wn[NORMAL_LAYERS - 1] = dn / NORMAL_SCALE;
  fn[0] = 1;
  fn[NORMAL_LAYERS - 1] = Math.exp(-0.5 * dn * dn);
  for (let i = NORMAL_LAYERS - 2; i >= 1; i--) {
    dn = Math.sqrt(-2 * Math.log(vn / dn + Math.exp(-0.5 * dn * dn)));
    kn[i + 1] = (dn / tn) * NORMAL_SCALE;
    tn = dn;
    fn[i] = Math.exp(-0.5 * dn * dn);
    wn[i] = dn / NORMAL_SCALE;
  }
  // Exponential.
  let de = EXP_R;
  let te = de;
  const ve = 3.949659822581572e-3;
  const qe = ve / Math.exp(-de);
  ke[0] = (de / qe) * EXP_SCALE;
  ke[1] = 0;
  we[0] = qe / EXP_SCALE;
  we[EXP_LAYERS - 1] = de / EXP_SCALE;
  fe[0] = 1;
  fe[EXP_LAYERS - 1] = Math.exp(-de);
  for (let i = EXP_LAYERS - 2; i >= 1; i--) {
    de = -Math.log(ve / de + Math.exp(-de));
    ke[i + 1] = (de / te) * EXP_SCALE;
    te = de;
    fe[i] = Math.exp(-de);
    we[i] = de / EXP_SCALE;
  }
  // Layer i ≥ 1 of either ziggurat reaches its slow path with |x| in [edge(i − 1), edge(i)], edge(0) = 0.
  for (let i = 1; i < NORMAL_LAYERS; i++) {
    nInner[i] = i === 1 ? 0 : wn[i - 1]! * NORMAL_SCALE;
    nOuter[i] = wn[i]! * NORMAL_SCALE;
    // exp(−x²/2) is concave on [0, 1] and convex beyond.
    nShape[i] = nInner[i]! >= 1 ? 1 : nOuter[i]! <= 1 ? -1 : 0;
  }
  for (let i = 1; i < EXP_LAYERS; i++) {
    eInner[i] = i === 1 ? 0 : we[i - 1]! * EXP_SCALE;
    eOuter[i] = we[i]! * EXP_SCALE;
  }
})();

/**
 * For tests: layer i's wedge as the slow paths see it — edges a ≤ b, f(a), f(b), the squeeze's answer for
 * (x, y) (1 accept, 0 reject, −1 undecided) and the exact test's.
 */
export function wedge(kind: 'normal' | 'exponential', i: number, x: number, y: number) {
  const normal = kind === 'normal';
  const a = normal ? nInner[i]! : eInner[i]!;
  const b = normal ? nOuter[i]! : eOuter[i]!;
  const fa = normal ? fn[i - 1]! : fe[i - 1]!;
  const fb = normal ? fn[i]! : fe[i]!;
  const shape = normal ? nShape[i]! : 1;
  const squeezed = shape === 0 ? -1 : normal ? squeeze(y, x, a, b, fa, fb, -a, -b, shape === 1) : squeeze(y, x, a, b, fa, fb, -1, -1, true);
  return { a, b, fa, fb, squeezed, exact: y < (normal ? Math.exp(-0.5 * x * x) : Math.exp(-x)) };
}

/**
 * The wedge test y < f(x) for layer i, |x| in [a, b], f(a) = fa, f(b) = fb, f′(t) = slope(t)·f(t):
 * 1 (accept) or 0 (reject) when a line decides it, −1 when only f itself can.
 */
function squeeze(y: number, x: number, a: number, b: number, fa: number, fb: number, slopeA: number, slopeB: number, convex: boolean): number {
  const tangent = Math.max(fa * (1 + slopeA * (x - a)), fb * (1 + slopeB * (x - b)));
  const chord = fa + (fb - fa) * ((x - a) / (b - a));
  const below = convex ? tangent : chord; // under the curve on [a, b]
  const above = convex ? chord : tangent;
  if (y < below * (1 - SQUEEZE_MARGIN)) return 1;
  if (y > above * (1 + SQUEEZE_MARGIN)) return 0;
  return -1;
}

/**
 * xoshiro128** with ziggurat normal and exponential variates. One instance is reused for every path
 * (`seedPath` resets it), so the hot loop allocates nothing.
 */
export class PathRandom {
  // In a typed array, not in fields: V8 keeps small integers (31 bits) unboxed in fields, but a full
  // int32 written to a field is a heap number — an allocation per draw.
  // Public so the engine's hot loop can hold the state in locals and hand it back for the rare slow path.
  readonly s = new Int32Array(4);

  /**
   * The stream of path `path` under `seed` (both taken as unsigned 32-bit integers). The four state
   * words are independent hashes of (seed, path, word), never all zero.
   */
  seedPath(seed: number, path: number): void {
    const a = mix32((seed ^ 0x9e3779b9) | 0);
    const b = mix32(Math.imul(path, 0x85ebca6b) ^ a);
    const s = this.s;
    s[0] = mix32(b ^ 0x243f6a88);
    s[1] = mix32(b ^ 0x85a308d3);
    s[2] = mix32(b ^ 0x13198a2e);
    s[3] = mix32(b ^ 0x03707344) | 1; // never an all-zero state
  }

  /** The next 32 bits as a signed int32. */
  nextInt32(): number {
    const s = this.s;
    const s0 = s[0]!;
    const s1 = s[1]!;
    const s2 = s[2]! ^ s0;
    const s3 = s[3]! ^ s1;
    const r = Math.imul(rotl(Math.imul(s1, 5), 7), 9);
    s[1] = s1 ^ s2;
    s[0] = s0 ^ s3;
    s[2] = s2 ^ (s1 << 9);
    s[3] = rotl(s3, 11);
    return r;
  }

  /** Uniform in the open interval (0, 1): 32 bits, centred in their cell. */
  uniform(): number {
    return (this.nextInt32() >>> 0) * TWO_POW_M32 + TWO_POW_M32 / 2;
  }

  /** A standard normal variate (ziggurat). */
  normal(): number {
    const u = this.nextInt32();
    const i = u & (NORMAL_LAYERS - 1);
    const j = u >> 7;
    const sign = j >> 31; // |j| without a branch on a coin flip (engine.ts)
    if ((j ^ sign) - sign < kn[i]!) return j * wn[i]!;
    return this.normalTail(j, i);
  }

  /** A standard exponential variate (mean 1, ziggurat). */
  exponential(): number {
    const u = this.nextInt32();
    const i = u & (EXP_LAYERS - 1);
    const j = u >>> 8;
    if (j < ke[i]!) return j * we[i]!;
    return this.exponentialTail(j, i);
  }

  /** The ziggurat's slow path, from a draw whose fast test failed (layer `i`, value `j`). */
  normalTail(j: number, i: number): number {
    for (;;) {
      if (i === 0) {
        // The base strip: Marsaglia's tail method beyond r.
        let x: number;
        let y: number;
        do {
          x = -Math.log(this.uniform()) / NORMAL_R;
          y = -Math.log(this.uniform());
        } while (y + y < x * x);
        return j > 0 ? NORMAL_R + x : -NORMAL_R - x;
      }
      const x = j * wn[i]!;
      const y = fn[i]! + this.uniform() * (fn[i - 1]! - fn[i]!);
      const shape = nShape[i]!;
      const ax = x < 0 ? -x : x;
      const a = nInner[i]!;
      const b = nOuter[i]!;
      const decided = shape === 0 ? -1 : squeeze(y, ax, a, b, fn[i - 1]!, fn[i]!, -a, -b, shape === 1);
      if (decided === 1 || (decided === -1 && y < Math.exp(-0.5 * x * x))) return x;
      const u = this.nextInt32();
      i = u & (NORMAL_LAYERS - 1);
      j = u >> 7;
      if ((j < 0 ? -j : j) < kn[i]!) return j * wn[i]!;
    }
  }

  /** The exponential ziggurat's slow path. */
  exponentialTail(j: number, i: number): number {
    for (;;) {
      if (i === 0) return EXP_R - Math.log(this.uniform());
      const x = j * we[i]!;
      const y = fe[i]! + this.uniform() * (fe[i - 1]! - fe[i]!);
      const decided = squeeze(y, x, eInner[i]!, eOuter[i]!, fe[i - 1]!, fe[i]!, -1, -1, true);
      if (decided === 1 || (decided === -1 && y < Math.exp(-x))) return x;
      const u = this.nextInt32();
      i = u & (EXP_LAYERS - 1);
      j = u >>> 8;
      if (j < ke[i]!) return j * we[i]!;
    }
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
