// A little believable state for the local chain: a few underwriters in both layers.
// Deterministic: same accounts, same amounts, every run.
import { createPublicClient, createWalletClient, http, type Hex } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { foundry } from 'viem/chains';
import { backstopPoolAbi, testUSDCAbi } from '../../contracts-abi';
import type { Deployment } from './deploy';
import { ANVIL_KEYS } from '../testing/anvil';

const USDC = 10n ** 6n;

export const SEED_STAKES: { key: Hex; layer: 'juniorPool' | 'seniorPool'; amount: bigint }[] = [
  { key: ANVIL_KEYS[1], layer: 'juniorPool', amount: 8_000n * USDC },
  { key: ANVIL_KEYS[2], layer: 'juniorPool', amount: 2_500n * USDC },
  { key: ANVIL_KEYS[3], layer: 'seniorPool', amount: 10_000n * USDC },
  { key: ANVIL_KEYS[4], layer: 'seniorPool', amount: 6_000n * USDC },
];

export async function seedDemo(rpcUrl: string, deployment: Deployment): Promise<void> {
  const transport = http(rpcUrl);
  const publicClient = createPublicClient({ chain: foundry, transport });
  const usdc = deployment.contracts.stablecoin.address;
  for (const stake of SEED_STAKES) {
    const wallet = createWalletClient({ chain: foundry, transport, account: privateKeyToAccount(stake.key) });
    const pool = deployment.contracts[stake.layer].address;
    const send = async (hash: Hex) => {
      const receipt = await publicClient.waitForTransactionReceipt({ hash });
      if (receipt.status !== 'success') throw new Error(`seed transaction ${hash} reverted`);
    };
    await send(await wallet.writeContract({ address: usdc, abi: testUSDCAbi, functionName: 'faucet', args: [stake.amount] }));
    await send(await wallet.writeContract({ address: usdc, abi: testUSDCAbi, functionName: 'approve', args: [pool, stake.amount] }));
    await send(await wallet.writeContract({ address: pool, abi: backstopPoolAbi, functionName: 'deposit', args: [stake.amount, wallet.account.address] }));
  }
}
