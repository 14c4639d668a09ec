import { describe, expect, it } from 'vitest';
import { MAX_UINT256 } from '../evm';
import * as erc20 from './ERC20';
import { auctionPriceUp, BKS_UNIT, mintCapDown } from '../AuctionMath';
import * as recap from './Recapitalizer';

const USDC = 10n ** 6n;
const DAY = 86_400n;
const RECAP = '0x00000000000000000000000000000000000000a1';
const WATERFALL = '0x00000000000000000000000000000000000000b2';
const VENUE = '0x00000000000000000000000000000000000000c3';
const BUYER = '0x00000000000000000000000000000000000000d4';
const OWNER = '0x00000000000000000000000000000000000000e5';
const TREASURY = '0x00000000000000000000000000000000000000f6';
const T0 = 20_000n * DAY + 7_200n;
const SUPPLY = 1_000_000n * BKS_UNIT;

function setup(maxMintBps = 500n) {
  const r = recap.deployRecapitalizer({
    address: RECAP,
    owner: OWNER,
    waterfall: WATERFALL,
    stablecoin: '0x0000000000000000000000000000000000000999',
    bks: '0x0000000000000000000000000000000000000998',
    params: { startPrice: 2_000_000n, floorPrice: 500_000n, duration: DAY, maxMintBps },
  });
  const bks = erc20.mint(erc20.emptyErc20(), TREASURY, SUPPLY);
  let usdc = erc20.mint(erc20.emptyErc20(), BUYER, 10_000_000n * USDC);
  usdc = erc20.approve(usdc, BUYER, RECAP, MAX_UINT256);
  return { r, bks, usdc };
}

const fromWaterfall = (now: bigint) => ({ sender: WATERFALL, now });

describe('Recapitalizer whole-action twin', () => {
  it('opens one auction per venue at a time (top-ups join it), with a mint cap of the supply at opening', () => {
    const { r } = setup();
    expect(() => recap.openAuction(r, { sender: VENUE, now: T0 }, SUPPLY, VENUE, USDC)).toThrowError('RecapitalizerNotWaterfall');
    const opened = recap.openAuction(r, fromWaterfall(T0), SUPPLY, VENUE, 10_000n * USDC);
    expect([opened.auctionId, opened.accepted]).toEqual([1n, 10_000n * USDC]);
    expect(recap.auctionOf(opened.recap, 1n)).toMatchObject({
      target: 10_000n * USDC,
      mintCap: mintCapDown(SUPPLY, 500n),
      supplyBefore: SUPPLY,
      startTime: T0,
      duration: DAY,
    });
    const topped = recap.openAuction(opened.recap, fromWaterfall(T0 + 10n), SUPPLY, VENUE, 5_000n * USDC);
    expect(topped.auctionId).toBe(1n);
    expect(recap.auctionOf(topped.recap, 1n).target).toBe(15_000n * USDC);
    // After it ends the next report settles it and opens auction 2.
    const next = recap.openAuction(topped.recap, fromWaterfall(T0 + DAY + 1n), SUPPLY, VENUE, USDC);
    expect(next.auctionId).toBe(2n);
    expect(recap.auctionOf(next.recap, 1n).settled).toBe(true);
  });

  it('a buy pays the venue at the price now, mints BKS, and settles the auction when the target is raised', () => {
    const { r, bks, usdc } = setup();
    const opened = recap.openAuction(r, fromWaterfall(T0), SUPPLY, VENUE, 1_000n * USDC).recap;
    const now = T0 + DAY / 2n;
    const price = auctionPriceUp(2_000_000n, 500_000n, T0, DAY, now);
    expect(() => recap.buy(opened, bks, usdc, { sender: BUYER, now }, 1n, 2_000n * USDC, price - 1n)).toThrowError('RecapitalizerPriceAboveMax');
    expect(recap.previewBuy(opened, bks.totalSupply, 1n, 2_000n * USDC, now)).toEqual({
      price,
      paid: 1_000n * USDC,
      bksOut: (1_000n * USDC * BKS_UNIT) / price,
    });
    const b = recap.buy(opened, bks, usdc, { sender: BUYER, now }, 1n, 2_000n * USDC, price);
    expect(b.paid).toBe(1_000n * USDC);
    expect(b.bksOut).toBe((1_000n * USDC * BKS_UNIT) / price);
    expect(erc20.balanceOf(b.usdc, VENUE)).toBe(1_000n * USDC);
    expect(erc20.balanceOf(b.bks, BUYER)).toBe(b.bksOut);
    expect(recap.auctionOf(b.recap, 1n).settled).toBe(true);
    expect(() => recap.settle(b.recap, { sender: VENUE, now }, 1n)).toThrowError('RecapitalizerAuctionSettled');
  });

  it('the rolling 24 h budget cuts a buy and then refuses with the time it frees up', () => {
    const { r, bks, usdc } = setup();
    // Opened with a 5 % cap (50,000 BKS); governance then lowers the fraction: 100 BKS per rolling 24 h.
    const opened = recap.setMaxMintBps(recap.openAuction(r, fromWaterfall(T0), SUPPLY, VENUE, 10_000n * USDC).recap, OWNER, 1n).recap;
    const b = recap.buy(opened, bks, usdc, { sender: BUYER, now: T0 }, 1n, 10_000n * USDC, MAX_UINT256);
    expect(b.bksOut).toBe(100n * BKS_UNIT);
    expect(recap.mintBudgetView(b.recap, b.bks.totalSupply, T0)).toMatchObject({ used: 100n * BKS_UNIT, available: 0n });
    const window = T0 / DAY;
    expect(() => recap.buy(b.recap, b.bks, b.usdc, { sender: BUYER, now: T0 + 1n }, 1n, USDC, MAX_UINT256)).toThrowError(
      `RecapitalizerMintBudgetSpent(${100n * BKS_UNIT}, ${100n * BKS_UNIT}, ${(window + 2n) * DAY})`,
    );
    expect(recap.auctionOf(b.recap, 1n).settled).toBe(false);
    expect(() => recap.settle(b.recap, { sender: VENUE, now: T0 + 1n }, 1n)).toThrowError('RecapitalizerAuctionOpen');
    const settled = recap.settle(b.recap, { sender: VENUE, now: T0 + DAY + 1n }, 1n);
    expect(settled.unraised).toBe(10_000n * USDC - b.paid);
  });
});
