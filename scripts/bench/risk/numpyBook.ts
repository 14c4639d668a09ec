// The compiled book as plain JSON for scripts/bench/risk_numpy.py: the same arrays the engine's path
// loop reads (levels, prefix tables, bad-debt coefficients, free-capital baselines), so the numpy model
// runs on exactly the same inputs. Infinities (the sentinels) are written as strings.
import { mintCapDown, stableInUp } from '../../../lib/mirror/AuctionMath';
import type { CompiledBook } from '../../../lib/risk/compile';

const num = (x: number) => (Number.isFinite(x) ? x : String(x));
const list = (a: ArrayLike<number>) => Array.from(a, num);

export function numpyBook(cb: CompiledBook): unknown {
  const { book, params } = cb;
  const recap = book.recapitalizer;
  return {
    steps: cb.steps,
    stepSeconds: cb.stepSeconds,
    drift: cb.drift,
    stepVol: cb.stepVol,
    twoVar: 2 * cb.stepVariance,
    twoOverVar: num(2 / cb.stepVariance),
    jumpsPerStep: cb.jumpsPerStep,
    jumpMean: cb.jumpMean,
    jumpStdDev: cb.jumpStdDev,
    spotUsd: cb.spotUsd,
    down: {
      level: list(cb.down.level),
      prefix: list(cb.down.prefix),
      endStep: list(cb.down.endStep),
      releaseStep: list(cb.down.releaseStep),
      layerIndex: list(cb.down.layerIndex),
      payout: list(cb.down.payout),
    },
    up: {
      level: list(cb.up.level),
      prefix: list(cb.up.prefix),
      endStep: list(cb.up.endStep),
      releaseStep: list(cb.up.releaseStep),
      layerIndex: list(cb.up.layerIndex),
      payout: list(cb.up.payout),
    },
    longs: { level: list(cb.longs.level), a: list(cb.longs.a), b: list(cb.longs.b), badAtLiq: list(cb.longs.badDebtAtLiqPrefix) },
    shorts: { level: list(cb.shorts.level), a: list(cb.shorts.a), b: list(cb.shorts.b), badAtLiq: list(cb.shorts.badDebtAtLiqPrefix) },
    waterfall: {
      t0: Number(cb.t0),
      freeJunior: list(cb.freeBaseline.junior),
      freeSenior: list(cb.freeBaseline.senior),
      capBpsJunior: Number(book.waterfall.junior.capBps),
      capBpsSenior: Number(book.waterfall.senior.capBps),
      windowJunior: [book.waterfall.junior.window, book.waterfall.junior.prev, book.waterfall.junior.curr].map(Number),
      windowSenior: [book.waterfall.senior.window, book.waterfall.senior.prev, book.waterfall.senior.curr].map(Number),
      exposureCap: book.venue ? Number(book.venue.exposureCap) : 0,
      exposureUsed: book.venue ? Number(book.venue.exposureUsed) : 0,
      recap: recap
        ? {
            duration: Number(recap.duration),
            capacity: Math.floor(params.recapFill * Number(stableInUp(mintCapDown(recap.supply, recap.maxMintBps), recap.floorPrice))),
          }
        : null,
    },
  };
}
