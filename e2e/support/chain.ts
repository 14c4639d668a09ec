// Reads the chain directly, so specs check what the page shows against the source of truth.
import { createPublicClient, http, type Address } from 'viem';
import { foundry } from 'viem/chains';
import { backstopPoolAbi, testUSDCAbi } from '../../contracts-abi';
import { deployments } from '../../contracts-abi/deployments';
import { E2E_RPC_URL } from './env';

export const client = createPublicClient({ chain: foundry, transport: http(E2E_RPC_URL) });
const contracts = deployments[31337]!.contracts;
export const STABLECOIN = contracts.stablecoin!.address as Address;
export const JUNIOR_POOL = contracts.juniorPool!.address as Address;

export async function usdcBalance(account: Address): Promise<bigint> {
  return client.readContract({ address: STABLECOIN, abi: testUSDCAbi, functionName: 'balanceOf', args: [account] });
}

export async function poolShares(account: Address, pool: Address = JUNIOR_POOL): Promise<bigint> {
  return client.readContract({ address: pool, abi: backstopPoolAbi, functionName: 'balanceOf', args: [account] });
}

export async function poolTotalAssets(pool: Address = JUNIOR_POOL): Promise<bigint> {
  return client.readContract({ address: pool, abi: backstopPoolAbi, functionName: 'totalAssets' });
}

export const SENIOR_POOL = contracts.seniorPool!.address as Address;

/** Moves the chain's clock forward and mines a block, as a keeper-less test must. */
export async function warp(seconds: number): Promise<void> {
  await client.request({ method: 'evm_increaseTime' as never, params: [seconds] as never });
  await client.request({ method: 'evm_mine' as never });
}

export async function redeemRequestOf(account: Address, pool: Address) {
  const [requestId, shares, claimableAt, expiresAt] = await client.readContract({ address: pool, abi: backstopPoolAbi, functionName: 'redeemRequest', args: [account] });
  return { requestId, shares, claimableAt, expiresAt };
}

export async function previewRedeem(shares: bigint, pool: Address = JUNIOR_POOL): Promise<bigint> {
  return client.readContract({ address: pool, abi: backstopPoolAbi, functionName: 'previewRedeem', args: [shares] });
}
