import { describe, expect, it } from 'vitest';
import { formatDays, formatEstimateAssets, formatMove, formatProbability, formatRatio } from './estimate';

describe('estimate formatting', () => {
  it('rounds an estimate to a base unit and formats it with the one amount formatter', () => {
    expect(formatEstimateAssets(3_000_000_000)).toBe('3,000 USDC');
    expect(formatEstimateAssets(1_234_567_890.6)).toBe('1,234 USDC'); // whole USDC from 100 up (rounded down by the formatter)
    expect(formatEstimateAssets(12_345_678)).toBe('12.34 USDC');
    expect(formatEstimateAssets(0)).toBe('0 USDC');
    expect(formatEstimateAssets(NaN)).toBe('—');
    expect(formatEstimateAssets(-5)).toBe('0 USDC');
  });

  it('names ratios, probabilities, moves and durations plainly', () => {
    expect(formatRatio(4.321)).toBe('4.32×');
    expect(formatRatio(50)).toBe('50.0×');
    expect(formatRatio(104.4)).toBe('104×');
    expect(formatRatio(5_000)).toBe('> 1,000×');
    expect(formatRatio(Infinity)).toBe('∞');
    expect(formatProbability(0)).toBe('0 %');
    expect(formatProbability(0.00005)).toBe('< 0.01 %');
    expect(formatProbability(0.005)).toBe('0.50 %');
    expect(formatProbability(0.455)).toBe('45.5 %');
    expect(formatMove(-0.2)).toBe('−20 %');
    expect(formatMove(0.05)).toBe('+5 %');
    expect(formatDays(Infinity)).toBe('never');
    expect(formatDays(2_755.4)).toBe('2,755 days');
    expect(formatDays(40_000)).toBe('> 10 years');
  });
});
