// The generated history the indexer bench indexes: many underwriters depositing into both layers,
// moving shares between each other, asking to withdraw and claiming after the cooldown (the pools'
// everyday traffic), plus one account with a long withdrawal history for the portfolio query.
import { encodeFunctionData, getAddress, keccak256, maxUint256, toHex, type Address } from 'viem';
import { backstopPoolAbi, testUSDCAbi } from '../../../contracts-abi';
import type { Deployment } from '../../chain/deploy';
import type { ChainDriver, MinedBlock, Tx } from './chain';

const USDC = 10n ** 6n;
const SHARE = 10n ** 18n; // 1 USDC buys ~1e18 shares (decimals offset 12) while the price is ~1
const DAY = 86_400;
const COOLDOWN = 7 * DAY; // the pools' default cooldown and claim window
const CLAIM_WINDOW = 3 * DAY;

/** A deterministic, ordinary-looking address per label (never a precompile or a contract). */
export function benchAddress(label: string): Address {
  return getAddress(`0x${keccak256(toHex(`backstop-bench/${label}`)).slice(-40)}`);
}

type Layer = 'junior' | 'senior';
const LAYERS: Layer[] = ['junior', 'senior'];

function calls(deployment: Deployment) {
  const usdc = deployment.contracts.stablecoin.address;
  const pool = (layer: Layer) => deployment.contracts[`${layer}Pool`].address;
  const poolTx = (from: Address, layer: Layer, label: string, data: `0x${string}`): Tx => ({ from, to: pool(layer), data, label: `${layer} ${label}` });
  return {
    faucet: (from: Address, amount: bigint): Tx => ({
      from,
      to: usdc,
      data: encodeFunctionData({ abi: testUSDCAbi, functionName: 'faucet', args: [amount] }),
      label: 'faucet',
    }),
    approve: (from: Address, layer: Layer): Tx => ({
      from,
      to: usdc,
      data: encodeFunctionData({ abi: testUSDCAbi, functionName: 'approve', args: [pool(layer), maxUint256] }),
      label: `approve ${layer}`,
    }),
    deposit: (from: Address, layer: Layer, assets: bigint) =>
      poolTx(from, layer, 'deposit', encodeFunctionData({ abi: backstopPoolAbi, functionName: 'deposit', args: [assets, from] })),
    transfer: (from: Address, layer: Layer, to: Address, shares: bigint) =>
      poolTx(from, layer, 'transfer', encodeFunctionData({ abi: backstopPoolAbi, functionName: 'transfer', args: [to, shares] })),
    requestRedeem: (from: Address, layer: Layer, shares: bigint) =>
      poolTx(from, layer, 'requestRedeem', encodeFunctionData({ abi: backstopPoolAbi, functionName: 'requestRedeem', args: [shares, from, from] })),
    redeem: (from: Address, layer: Layer, shares: bigint) =>
      poolTx(from, layer, 'redeem', encodeFunctionData({ abi: backstopPoolAbi, functionName: 'redeem', args: [shares, from, from] })),
  };
}

export type BulkOptions = { accounts: number; rounds: number; txsPerBlock: number };

export type BulkResult = { accounts: Address[]; setupBlocks: MinedBlock[]; blocks: MinedBlock[]; txs: number };

/**
 * `accounts` underwriters each draw test USDC and approve both pools (no indexed event), then for
 * `rounds` rounds deposit 10 USDC into each layer and pass 1 share of each to another underwriter;
 * then each asks to redeem 5 shares per layer, and after the cooldown claims them in two parts.
 * Events (pool logs): deposit = Transfer + Deposit, transfer = Transfer, request = Transfer +
 * RedeemRequest + RedeemRequestTerms, claim = Withdraw + Transfer; the first claim after the warp adds a Checkpoint.
 */
export async function generateBulk(driver: ChainDriver, deployment: Deployment, options: BulkOptions): Promise<BulkResult> {
  const c = calls(deployment);
  const accounts = Array.from({ length: options.accounts }, (_, i) => benchAddress(`underwriter-${i}`));
  await driver.fund(accounts);
  const setup = accounts.flatMap((a) => [c.faucet(a, 10_000n * USDC), c.approve(a, 'junior'), c.approve(a, 'senior')]);
  const setupBlocks = await driver.mineAll(setup, 300);

  const activity: Tx[] = [];
  for (let r = 0; r < options.rounds; r++) {
    accounts.forEach((a, i) => {
      const peer = accounts[(i + 1 + r) % accounts.length]!;
      for (const layer of LAYERS) activity.push(c.deposit(a, layer, 10n * USDC));
      for (const layer of LAYERS) activity.push(c.transfer(a, layer, peer, SHARE));
    });
  }
  for (const a of accounts) for (const layer of LAYERS) activity.push(c.requestRedeem(a, layer, 5n * SHARE));
  const blocks = await driver.mineAll(activity, options.txsPerBlock);

  await driver.warp(COOLDOWN + 60);
  const claims: Tx[] = [];
  for (const part of [2n * SHARE, 3n * SHARE]) for (const a of accounts) for (const layer of LAYERS) claims.push(c.redeem(a, layer, part));
  blocks.push(...(await driver.mineAll(claims, options.txsPerBlock)));
  return { accounts, setupBlocks, blocks, txs: activity.length + claims.length };
}

export type PortfolioHistory = { account: Address; requests: number; blocks: MinedBlock[] };

/**
 * One account with stakes in both layers and `cycles` withdrawal requests per layer (2 × cycles
 * redeem_request rows), in three kinds that repeat: claimed in full after the cooldown; claimed in
 * part, the rest left to lapse; left untouched to lapse (the next request returns lapsed shares).
 */
export async function generatePortfolioHistory(driver: ChainDriver, deployment: Deployment, cycles: number): Promise<PortfolioHistory> {
  const c = calls(deployment);
  const account = benchAddress('portfolio');
  await driver.fund([account]);
  const blocks: MinedBlock[] = [];
  blocks.push(
    await driver.mineBlock([
      c.faucet(account, 10_000n * USDC),
      ...LAYERS.map((l) => c.approve(account, l)),
      ...LAYERS.map((l) => c.deposit(account, l, 2_000n * USDC)),
    ]),
  );
  const request = 10n * SHARE;
  for (let cycle = 0; cycle < cycles; cycle++) {
    blocks.push(await driver.mineBlock(LAYERS.map((l) => c.requestRedeem(account, l, request))));
    const kind = cycle % 3;
    if (kind === 0) {
      await driver.warp(COOLDOWN + 60);
      blocks.push(await driver.mineBlock(LAYERS.map((l) => c.redeem(account, l, request))));
    } else if (kind === 1) {
      await driver.warp(COOLDOWN + 60);
      blocks.push(await driver.mineBlock(LAYERS.map((l) => c.redeem(account, l, request / 2n))));
      await driver.warp(CLAIM_WINDOW + 60);
    } else {
      await driver.warp(COOLDOWN + CLAIM_WINDOW + 120);
    }
  }
  return { account, requests: cycles * LAYERS.length, blocks };
}
