// Deploys the protocol to any EVM RPC with one key and records the addresses in
// contracts-abi/deployments/<chainId>.json. Used by the local stack, tests and public deploys.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  createPublicClient,
  createWalletClient,
  getAddress,
  http,
  type Abi,
  type Address,
  type Hex,
  type PublicClient,
  type WalletClient,
  type Chain,
  type Account,
  type Transport,
} from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { ROOT, loadArtifact } from './artifacts';

export type DeployedContract = { address: Address; blockNumber: number };

export type Deployment = {
  chainId: number;
  deployer: Address;
  startBlock: number;
  contracts: {
    stablecoin: DeployedContract;
    juniorPool: DeployedContract;
    seniorPool: DeployedContract;
  };
};

export type DeployOptions = {
  rpcUrl: string;
  privateKey: Hex;
  /** An existing stablecoin; when absent a TestUSDC with a faucet is deployed (local and testnets only). */
  stablecoin?: Address;
  /** Write contracts-abi/deployments/<chainId>.json (default true). */
  write?: boolean;
};

type Clients = { publicClient: PublicClient; wallet: WalletClient<Transport, Chain | undefined, Account> };

async function deployOne(
  { publicClient, wallet }: Clients,
  name: string,
  args: readonly unknown[] = [],
): Promise<DeployedContract> {
  const artifact = loadArtifact(name);
  const hash = await wallet.deployContract({
    abi: artifact.abi as Abi,
    bytecode: artifact.bytecode,
    args: args as unknown[],
    chain: wallet.chain ?? null,
    account: wallet.account,
  });
  const receipt = await publicClient.waitForTransactionReceipt({ hash });
  if (receipt.status !== 'success' || !receipt.contractAddress) throw new Error(`deploying ${name} failed (${hash})`);
  return { address: getAddress(receipt.contractAddress), blockNumber: Number(receipt.blockNumber) };
}

export async function deployProtocol(options: DeployOptions): Promise<Deployment> {
  const transport = http(options.rpcUrl);
  const publicClient = createPublicClient({ transport }) as PublicClient;
  const account = privateKeyToAccount(options.privateKey);
  const chainId = await publicClient.getChainId();
  const wallet = createWalletClient({ account, transport });
  const clients = { publicClient, wallet };
  const startBlock = Number(await publicClient.getBlockNumber());

  const stablecoin = options.stablecoin
    ? { address: options.stablecoin, blockNumber: startBlock }
    : await deployOne(clients, 'TestUSDC');
  const juniorPool = await deployOne(clients, 'BackstopPool', [stablecoin.address, 'Backstop Junior', 'bsJR']);
  const seniorPool = await deployOne(clients, 'BackstopPool', [stablecoin.address, 'Backstop Senior', 'bsSR']);

  const deployment: Deployment = {
    chainId,
    deployer: account.address,
    startBlock,
    contracts: { stablecoin, juniorPool, seniorPool },
  };
  if (options.write ?? true) writeDeployment(deployment);
  return deployment;
}

export function deploymentPath(chainId: number): string {
  return path.join(ROOT, 'contracts-abi', 'deployments', `${chainId}.json`);
}

export function writeDeployment(deployment: Deployment): void {
  mkdirSync(path.dirname(deploymentPath(deployment.chainId)), { recursive: true });
  writeFileSync(deploymentPath(deployment.chainId), `${JSON.stringify(deployment, null, 2)}\n`);
}
