// A fresh anvil with the protocol deployed, for parity and integration tests.
import { createPublicClient, createWalletClient, http, type Abi, type Address, type Hex, type PublicClient } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { foundry } from 'viem/chains';
import { loadArtifact } from '../chain/artifacts';
import { deployProtocol, type Deployment } from '../chain/deploy';
import { ANVIL_KEYS, startAnvil, type AnvilInstance } from './anvil';

export type LocalChain = {
  anvil: AnvilInstance;
  /** Batches JSON-RPC calls, so thousands of parity reads cost few round trips. */
  publicClient: PublicClient;
  deployment: Deployment;
  /** Deploys a contract (e.g. a test harness from contracts/test/harness) and returns its address. */
  deploy: (contractName: string, sourceFile?: string, args?: readonly unknown[]) => Promise<Address>;
  stop: () => Promise<void>;
};

/** `governance: 'deployer'` (default) keeps the deployer as owner, for tests that call owner setters
 *  directly; `'timelock'` deploys exactly as `npm start` does (needed by the demo seed). */
export async function startLocalChain(options: { governance?: 'timelock' | 'deployer' } = {}): Promise<LocalChain> {
  const anvil = await startAnvil();
  const transport = http(anvil.rpcUrl, { batch: { batchSize: 200 }, retryCount: 0 });
  const publicClient = createPublicClient({ chain: foundry, transport, pollingInterval: 20 }) as PublicClient;
  const wallet = createWalletClient({ chain: foundry, transport, account: privateKeyToAccount(ANVIL_KEYS[0] as Hex) });
  // Addresses as `npm start` deploys them, but the deployer (anvil #0) stays owner: these parity suites drive
  // owner setters (markets, venues, pauses) as plain transactions. Governance through the timelock is
  // tested on the real handover (contracts/test/Governance.t.sol, the indexer and e2e suites).
  const deployment = await deployProtocol({ rpcUrl: anvil.rpcUrl, privateKey: ANVIL_KEYS[0], write: false, governance: options.governance ?? 'deployer' });
  const deploy = async (contractName: string, sourceFile?: string, args: readonly unknown[] = []) => {
    const artifact = loadArtifact(contractName, sourceFile);
    const hash = await wallet.deployContract({ abi: artifact.abi as Abi, bytecode: artifact.bytecode, args: args as unknown[] });
    const receipt = await publicClient.waitForTransactionReceipt({ hash });
    if (!receipt.contractAddress) throw new Error(`deploying ${contractName} failed`);
    return receipt.contractAddress;
  };
  return { anvil, publicClient, deployment, deploy, stop: anvil.stop };
}

/** Sends a contract call signed by `key` and waits for it; a revert throws with the function's name. */
export async function sendAs(chain: LocalChain, key: Hex, address: Address, abi: readonly unknown[], functionName: string, args: readonly unknown[] = []) {
  const wallet = createWalletClient({ chain: foundry, transport: http(chain.anvil.rpcUrl), account: privateKeyToAccount(key) });
  const hash = await wallet.writeContract({ address, abi, functionName, args } as never);
  const receipt = await chain.publicClient.waitForTransactionReceipt({ hash });
  if (receipt.status !== 'success') throw new Error(`${functionName} reverted`);
}
