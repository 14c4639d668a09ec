// readPoolState against a fresh local deploy: every number the pool page shows must be the contract's own
// view at the block the reader pinned, for an account with a stake and a withdrawal request and for a
// visitor without an account (the zero address: nothing held, nothing approved).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWalletClient, http, zeroAddress, type Abi, type Address, type Hex } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { foundry } from 'viem/chains';
import { backstopPoolAbi, shortfallWaterfallAbi, testUSDCAbi } from '@/contracts-abi';
import { ANVIL_KEYS } from '../../scripts/testing/anvil';
import { startLocalChain, type LocalChain } from '../../scripts/testing/localChain';
import { readPoolState, type PoolAddresses } from './poolState';

let chain: LocalChain;
let addresses: PoolAddresses;
const staker = privateKeyToAccount(ANVIL_KEYS[3] as Hex);
const USDC = 1_000_000n;
const SHARE = 10n ** 18n;

async function send(address: Address, abi: Abi, functionName: string, args: readonly unknown[]) {
  const wallet = createWalletClient({ chain: foundry, transport: http(chain.anvil.rpcUrl), account: staker });
  const hash = await wallet.writeContract({ address, abi, functionName, args: args as unknown[] });
  const receipt = await chain.publicClient.waitForTransactionReceipt({ hash });
  if (receipt.status !== 'success') throw new Error(`${functionName} reverted`);
}

beforeAll(async () => {
  chain = await startLocalChain();
  const c = chain.deployment.contracts;
  addresses = { pool: c.juniorPool.address, stablecoin: c.stablecoin.address, waterfall: c.shortfallWaterfall.address };
  await send(addresses.stablecoin, testUSDCAbi as Abi, 'faucet', [5_000n * USDC]);
  await send(addresses.stablecoin, testUSDCAbi as Abi, 'approve', [addresses.pool, 3_000n * USDC]);
  await send(addresses.pool, backstopPoolAbi as Abi, 'deposit', [1_000n * USDC, staker.address]);
  await send(addresses.pool, backstopPoolAbi as Abi, 'requestRedeem', [100n * SHARE, staker.address, staker.address]);
}, 300_000);
afterAll(async () => chain?.stop());

describe('readPoolState', () => {
  it("reads the pool, the layer's cap and the account's position as the contracts report them at one block", async () => {
    const state = await readPoolState(chain.publicClient, 'junior', addresses, staker.address);
    const at = { blockNumber: state.blockNumber };
    const block = await chain.publicClient.getBlock(at);
    expect(state.blockTimestamp).toBe(block.timestamp);
    const pool = (functionName: string, args: readonly unknown[] = []) =>
      chain.publicClient.readContract({ address: addresses.pool, abi: backstopPoolAbi as Abi, functionName, args, ...at });
    expect(state.totalAssets).toBe(await pool('totalAssets'));
    expect(state.totalSupply).toBe(await pool('totalSupply'));
    expect(state.sharePrice).toBe(await pool('convertToAssets', [SHARE]));
    expect(state.freeAssets).toBe(await pool('freeAssets'));
    expect(state.lockedAssets).toBe(await pool('lockedAssets'));
    expect(state.unearnedPremium).toBe(await pool('unearnedPremium'));
    expect(state.cooldown).toBe(BigInt((await pool('cooldown')) as number | bigint));
    expect(state.claimWindow).toBe(BigInt((await pool('claimWindow')) as number | bigint));
    expect(state.shares).toBe(await pool('balanceOf', [staker.address]));
    expect(state.maxDeposit).toBe(await pool('maxDeposit', [staker.address]));
    expect(state.maxRedeem).toBe(await pool('maxRedeem', [staker.address]));
    // The stake and the request the setup made.
    expect(state.walletBalance).toBe(4_000n * USDC);
    expect(state.allowance).toBe(2_000n * USDC);
    expect(state.request.shares).toBe(100n * SHARE);
    expect(state.request.claimableAt).toBe(block.timestamp + state.cooldown);
    expect(state.request.assetsAtRequest).toBeGreaterThan(0n);
    const [, used, cap, available, capBps] = (await chain.publicClient.readContract({
      address: addresses.waterfall,
      abi: shortfallWaterfallAbi,
      functionName: 'layerState',
      args: [0],
      ...at,
    })) as readonly [bigint, bigint, bigint, bigint, number | bigint];
    expect(state.shortfallCap).toEqual({ used, cap, available, capBps: BigInt(capBps) });
    expect(cap).toBeGreaterThan(0n);
  });

  it('without an account, reads the zero address: no shares, no wallet, no allowance, no request', async () => {
    const state = await readPoolState(chain.publicClient, 'junior', addresses);
    expect(state.shares).toBe(0n);
    expect(state.walletBalance).toBe(0n);
    expect(state.allowance).toBe(0n);
    expect(state.request.shares).toBe(0n);
    expect(state.maxRedeem).toBe(0n);
    // The pool's own numbers do not depend on who looks.
    const withAccount = await readPoolState(chain.publicClient, 'junior', addresses, staker.address);
    expect(state.totalAssets).toBe(withAccount.totalAssets);
    expect(state.maxDeposit).toBe(
      await chain.publicClient.readContract({ address: addresses.pool, abi: backstopPoolAbi, functionName: 'maxDeposit', args: [zeroAddress] }),
    );
  });

  it('a chain that does not answer is a rejection (the page shows its error state), not a hang', async () => {
    const { serverPublicClient } = await import('../chain/serverClient');
    await expect(readPoolState(serverPublicClient('http://127.0.0.1:1'), 'junior', addresses)).rejects.toThrow();
  });
});
