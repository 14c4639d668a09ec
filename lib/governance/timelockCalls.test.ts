import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { encodeFunctionData, keccak256, toHex, type Abi, type Address, type Hex } from 'viem';
import { backstopPoolAbi, coverMarketAbi, recapitalizerAbi, shortfallWaterfallAbi, timelockControllerAbi, volatilityOracleAbi } from '@/contracts-abi';
import { addressName, currentValueRead, decodeTimelockCall, describeTimelockCall, executableWords, type AddressBook } from './timelockCalls';

const a = (n: number) => `0x${n.toString(16).padStart(40, '0')}` as Address;
const book: AddressBook = {
  juniorPool: a(1),
  seniorPool: a(2),
  shortfallWaterfall: a(3),
  recapitalizer: a(4),
  volatilityOracle: a(5),
  coverMarket: a(6),
  timelock: a(7),
  stablecoin: a(8),
  priceFeed: a(9),
};
const DAY = 86_400n;
const VENUE = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8' as Address; // anvil #1

function say(target: Address, abi: Abi, functionName: string, args: readonly unknown[] = [], current?: unknown, value = 0n) {
  const call = decodeTimelockCall({ target, value, data: encodeFunctionData({ abi, functionName, args: args as unknown[] }) }, book);
  return describeTimelockCall(call, book, current);
}

describe('queued governance calls in words', () => {
  it('says a pool parameter change with the value it replaces', () => {
    expect(say(a(1), backstopPoolAbi, 'setCooldown', [8n * DAY], 7n * DAY)).toBe('Junior pool: cooldown 7 days → 8 days');
    expect(say(a(2), backstopPoolAbi, 'setClaimWindow', [DAY], 3n * DAY)).toBe('Senior pool: claim window 3 days → 1 day');
    expect(say(a(1), backstopPoolAbi, 'setCooldown', [8n * DAY])).toBe('Junior pool: cooldown to 8 days');
    expect(say(a(1), backstopPoolAbi, 'setFeeStreamPeriod', [36n * 3_600n], 36n * 3_600n)).toBe('Junior pool: fee streaming period stays 36 h');
    expect(say(a(1), backstopPoolAbi, 'setWaterfall', [VENUE], a(3))).toBe('Junior pool: waterfall Waterfall → 0x7099…79C8');
    expect(say(a(1), backstopPoolAbi, 'setMarket', [a(6), true], false)).toBe('Junior pool: let Cover market lock capital and pay claims');
    expect(say(a(1), backstopPoolAbi, 'setMarket', [a(6), false], false)).toBe('Junior pool: stop Cover market from locking capital (no change)');
    expect(say(a(2), backstopPoolAbi, 'unpause')).toBe('Senior pool: resume new deposits and cover');
    expect(say(a(1), backstopPoolAbi, 'transferOwnership', [VENUE])).toBe('Junior pool: hand ownership to 0x7099…79C8 (effective once it accepts)');
  });

  it('says waterfall, recapitalizer, oracle, market and timelock changes', () => {
    expect(say(a(3), shortfallWaterfallAbi, 'setVenue', [VENUE, 250_000_000_000n], [false, 0n, 0n])).toBe(
      'Waterfall: register venue 0x7099…79C8 with an exposure cap of 250,000 USDC',
    );
    expect(say(a(3), shortfallWaterfallAbi, 'setVenue', [VENUE, 300_000_000_000n], [true, 250_000_000_000n, 1n])).toBe(
      'Waterfall: venue 0x7099…79C8: exposure cap 250,000 USDC → 300,000 USDC',
    );
    expect(say(a(3), shortfallWaterfallAbi, 'setLayerCapBps', [0, 4_000n], 5_000n)).toBe(
      'Waterfall: Junior layer’s cap per 24 h 50% → 40% of its free capital',
    );
    expect(say(a(3), shortfallWaterfallAbi, 'setFeeWeights', [6_000n, 4_000n], [7_000n, 3_000n])).toBe(
      'Waterfall: fee split Junior / Senior 70% / 30% → 60% / 40%',
    );
    expect(say(a(3), shortfallWaterfallAbi, 'setRecapitalizer', [a(0)], a(4))).toBe('Waterfall: recapitalizer Recapitalizer → nobody');
    expect(say(a(4), recapitalizerAbi, 'setMaxMintBps', [200n], [2_000_000n, 500_000n, DAY, 500n])).toBe(
      'Recapitalizer: mint cap per auction and per 24 h 5% → 2% of the BKS supply',
    );
    expect(say(a(4), recapitalizerAbi, 'setDuration', [2n * DAY], [2_000_000n, 500_000n, DAY, 500n])).toBe('Recapitalizer: auction duration 1 day → 2 days');
    expect(say(a(4), recapitalizerAbi, 'setPrices', [3_000_000n, 1_000_000n], [2_000_000n, 500_000n, DAY, 500n])).toBe(
      'Recapitalizer: auction start price 2 USDC → 3 USDC, floor 0.5 USDC → 1 USDC per BKS',
    );
    expect(say(a(5), volatilityOracleAbi, 'setHeartbeat', [7_200n], 3_600n)).toBe('Volatility oracle: feed heartbeat 1 h → 2 h');
    expect(say(a(5), volatilityOracleAbi, 'setSigmaBounds', [10n ** 17n, 3n * 10n ** 18n])).toBe('Volatility oracle: σ bounds to 10%–300% a year');
    expect(say(a(6), coverMarketAbi, 'pauseProduct', [2n])).toBe('Cover market: pause sales of product #2');
    expect(say(a(7), timelockControllerAbi, 'updateDelay', [20n * DAY], 15n * DAY)).toBe('Governance timelock: delay 15 days → 20 days');
    expect(say(a(7), timelockControllerAbi, 'grantRole', [keccak256(toHex('PROPOSER_ROLE')), VENUE])).toBe(
      'Governance timelock: grant the proposer role to 0x7099…79C8',
    );
  });

  it('names the view whose answer a call replaces', () => {
    const call = decodeTimelockCall(
      { target: a(1), value: 0n, data: encodeFunctionData({ abi: backstopPoolAbi, functionName: 'setCooldown', args: [8n * DAY] }) },
      book,
    );
    expect(currentValueRead(call)).toMatchObject({ address: a(1), functionName: 'cooldown', args: [] });
    const venue = decodeTimelockCall(
      { target: a(3), value: 0n, data: encodeFunctionData({ abi: shortfallWaterfallAbi, functionName: 'setVenue', args: [VENUE, 1n] }) },
      book,
    );
    expect(currentValueRead(venue)).toMatchObject({ functionName: 'venue', args: [VENUE] });
    const pause = decodeTimelockCall({ target: a(1), value: 0n, data: encodeFunctionData({ abi: backstopPoolAbi, functionName: 'pause' }) }, book);
    expect(currentValueRead(pause)).toBeNull();
  });

  it('falls back to the literal call, and never throws on any target or calldata', () => {
    // A decodable function with no sentence of its own: name and arguments, addresses named.
    expect(say(a(1), backstopPoolAbi, 'approve', [a(3), 5n])).toBe('Junior pool: approve(Waterfall, 5)');
    expect(describeTimelockCall(decodeTimelockCall({ target: a(42), value: 10n ** 18n, data: '0x12345678' }, book), book)).toBe(
      '0x0000…002a: an unknown call (0x12345678) (sending 1 ETH)',
    );
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 50 }), fc.uint8Array({ maxLength: 200 }), fc.bigInt({ min: 0n, max: 10n ** 20n }), (target, bytes, value) => {
        const data = toHex(bytes) as Hex;
        const call = decodeTimelockCall({ target: a(target), value, data }, book);
        const text = describeTimelockCall(call, book, undefined);
        expect(text.startsWith(`${call.contractName}: `)).toBe(true);
        expect(text.length).toBeGreaterThan(call.contractName.length + 3);
      }),
      { numRuns: 2_000 },
    );
  });

  it('names addresses and says when an operation can execute, in chain time', () => {
    expect(addressName(a(8), book)).toBe('USDC');
    expect(addressName(a(0), book)).toBe('nobody');
    expect(executableWords(1_700_006_400n, 1_700_000_000n)).toBe('can execute from 2023-11-15 00:00 UTC (chain time)');
    expect(executableWords(1_700_006_400n, 1_700_006_400n)).toBe('can execute now (ready since 2023-11-15 00:00 UTC, chain time)');
  });
});
