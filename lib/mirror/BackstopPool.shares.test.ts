import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { assetsDown, assetsUp, sharesDown, sharesUp } from './PoolMath';
import { convertToAssets, convertToShares, previewDeposit, previewMint, previewRedeem, previewWithdraw } from './BackstopPool';

const uint = (max: bigint) => fc.bigInt({ min: 0n, max });
const state = fc.record({ totalAssets: uint(10n ** 24n), totalSupply: uint(10n ** 36n) });

describe('share conversions (OZ ERC4626 with a 12-decimal offset)', () => {
  it('mints assets × 10^12 shares into an empty pool', () => {
    expect(previewDeposit({ totalAssets: 0n, totalSupply: 0n }, 1_000_000n)).toBe(1_000_000n * 10n ** 12n);
  });

  it('rounds deposits down and mints up', () => {
    const pool = { totalAssets: 3n, totalSupply: 10n ** 12n };
    // 1 asset buys (1e12 + 1e12) / 4 = 5e11 shares exactly; 2 assets 1e12
    expect(previewDeposit(pool, 1n)).toBe(5n * 10n ** 11n);
    const odd = { totalAssets: 2n, totalSupply: 10n ** 12n };
    expect(previewDeposit(odd, 1n)).toBe((2n * 10n ** 12n) / 3n);
    expect(previewMint(odd, 1n)).toBe(1n); // 1 × 3 / 2e12 rounds up to 1
  });

  it('never pays more than the shares are worth (property: deposit → redeem ≤ deposit)', () => {
    fc.assert(
      fc.property(state, uint(10n ** 20n), (pool, assets) => {
        const shares = previewDeposit(pool, assets);
        const after = { totalAssets: pool.totalAssets + assets, totalSupply: pool.totalSupply + shares };
        expect(convertToAssets(after, shares)).toBeLessThanOrEqual(assets);
      }),
      { numRuns: 2_000 },
    );
  });

  it('charges at least what shares redeem for (property: mint cost ≥ redeem value)', () => {
    fc.assert(
      fc.property(state, uint(10n ** 30n), (pool, shares) => {
        const cost = previewMint(pool, shares);
        const after = { totalAssets: pool.totalAssets + cost, totalSupply: pool.totalSupply + shares };
        expect(convertToAssets(after, shares)).toBeLessThanOrEqual(cost);
      }),
      { numRuns: 2_000 },
    );
  });

  it('brackets: withdraw burns ≥ the shares a deposit of the same assets mints', () => {
    fc.assert(
      fc.property(state, uint(10n ** 20n), (pool, assets) => {
        const burnt = sharesUp(assets, pool.totalSupply, pool.totalAssets); // the shares worth `assets` now, rounded up
        expect(burnt).toBeGreaterThanOrEqual(previewDeposit(pool, assets));
        expect(burnt - previewDeposit(pool, assets)).toBeLessThanOrEqual(1n);
        expect(convertToShares(pool, assets)).toBe(previewDeposit(pool, assets));
      }),
      { numRuns: 2_000 },
    );
  });

  it('is monotone: more assets never buy fewer shares', () => {
    fc.assert(
      fc.property(state, uint(10n ** 20n), uint(10n ** 20n), (pool, a, b) => {
        const [lo, hi] = a < b ? [a, b] : [b, a];
        expect(previewDeposit(pool, lo)).toBeLessThanOrEqual(previewDeposit(pool, hi));
        expect(convertToAssets(pool, lo)).toBeLessThanOrEqual(convertToAssets(pool, hi));
      }),
      { numRuns: 1_000 },
    );
  });

  it('is exactly the PoolMath formula each preview names (one formula, one twin)', () => {
    fc.assert(
      fc.property(state, uint(10n ** 30n), (pool, x) => {
        const args = [x, pool.totalSupply, pool.totalAssets] as const;
        expect(previewDeposit(pool, x)).toBe(sharesDown(...args));
        expect(convertToShares(pool, x)).toBe(sharesDown(...args));
        expect(previewMint(pool, x)).toBe(assetsUp(...args));
        expect(convertToAssets(pool, x)).toBe(assetsDown(...args));
      }),
      { numRuns: 500 },
    );
  });

  it('reverts previewRedeem and previewWithdraw for every input, as ERC-7540 requires', () => {
    fc.assert(
      fc.property(state, uint(10n ** 30n), (pool, x) => {
        expect(() => previewRedeem(pool, x)).toThrow('BackstopPoolAsyncPreview');
        expect(() => previewWithdraw(pool, x)).toThrow('BackstopPoolAsyncPreview');
      }),
      { numRuns: 200 },
    );
  });

  it('rejects what the EVM would revert on', () => {
    expect(() => previewDeposit({ totalAssets: 0n, totalSupply: 0n }, -1n)).toThrow();
    expect(() => previewDeposit({ totalAssets: 0n, totalSupply: 0n }, 1n << 256n)).toThrow();
  });
});
