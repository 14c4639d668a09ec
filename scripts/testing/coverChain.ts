// A throwaway anvil with the cover stack deployed from forge's artifacts (FOUNDRY_OUT, see
// scripts/chain/artifacts.ts): TestUSDC, a BackstopPool with capital, an 8-decimal ETH/USD MockAggregator
// with its VolatilityOracle, and a CoverMarket with registered products. For the parity and
// findClaimRound tests; the deploy script (scripts/) wires the real stack.
import {
  decodeErrorResult,
  createPublicClient,
  createTestClient,
  createWalletClient,
  encodeAbiParameters,
  http,
  keccak256,
  numberToHex,
  pad,
  type Abi,
  type Address,
  type Hex,
  type PublicClient,
  type TestClient,
  type WalletClient,
} from 'viem';
import { privateKeyToAccount, type PrivateKeyAccount } from 'viem/accounts';
import { foundry } from 'viem/chains';
import { loadArtifact } from '@/scripts/chain/artifacts';
import { ANVIL_KEYS, startAnvil, type AnvilInstance } from '@/scripts/testing/anvil';
import type { Pricing } from '../../lib/mirror/CoverPricing';

export const DEFAULT_PRICING: Pricing = {
  baseMarkup: 1_200_000_000_000_000_000n,
  slope: 500_000_000_000_000_000n,
  steepSlope: 5_000_000_000_000_000_000n,
  kink: 800_000_000_000_000_000n,
  minRate: 100_000_000_000_000_000n,
};

export type ProductSpec = {
  direction: 'Down' | 'Up';
  confirmations: number;
  activationDelay: number;
  claimGrace: number;
  minDuration: number;
  maxDuration: number;
  maxPriceAge: number;
  maxSigmaAge: number;
  maxStrikeRatio: number;
  pricing: Pricing;
};

export const DEFAULT_PRODUCT: ProductSpec = {
  direction: 'Down',
  confirmations: 2,
  activationDelay: 300,
  claimGrace: 86_400,
  minDuration: 3_600,
  maxDuration: 90 * 86_400,
  maxPriceAge: 3_600,
  maxSigmaAge: 86_400,
  maxStrikeRatio: 400,
  pricing: DEFAULT_PRICING,
};

export type Contract = { address: Address; abi: Abi };

export type CoverChain = {
  anvil: AnvilInstance;
  publicClient: PublicClient;
  testClient: TestClient;
  accounts: PrivateKeyAccount[];
  wallet: (i: number) => WalletClient;
  /** Deploys an artifact (source file defaults to `<name>.sol`) as account 0. */
  deploy: (name: string, args?: readonly unknown[], sourceFile?: string) => Promise<Contract>;
  /** Sends a transaction and waits for it; throws on revert. */
  send: (from: number, c: Contract, functionName: string, args?: readonly unknown[]) => Promise<{ gasUsed: bigint; blockNumber: bigint; hash: Hex }>;
  read: <T>(c: Contract, functionName: string, args?: readonly unknown[], blockNumber?: bigint) => Promise<T>;
  /** Moves chain time forward by `seconds` and mines a block. */
  advance: (seconds: number) => Promise<void>;
  now: () => Promise<bigint>;
  stop: () => Promise<void>;
};

export async function startCoverChain(): Promise<CoverChain> {
  const anvil = await startAnvil();
  // No JSON-RPC batching: parity batches carry 500 inputs per eth_call, and batched bodies get too large.
  const transport = http(anvil.rpcUrl, { retryCount: 0, timeout: 120_000 });
  // anvil mines each transaction at once: poll receipts every 20 ms, not viem's default 4 s.
  const publicClient = createPublicClient({ chain: foundry, transport, pollingInterval: 20 }) as PublicClient;
  const testClient = createTestClient({ chain: foundry, mode: 'anvil', transport }) as TestClient;
  const accounts = ANVIL_KEYS.slice(0, 6).map((k) => privateKeyToAccount(k as Hex));
  const wallets = accounts.map((account) => createWalletClient({ chain: foundry, transport, account }));
  const wallet = (i: number) => wallets[i]!;
  const deploy = async (name: string, args: readonly unknown[] = [], sourceFile?: string): Promise<Contract> => {
    const artifact = loadArtifact(name, sourceFile);
    const hash = await wallet(0).deployContract({
      abi: artifact.abi,
      bytecode: artifact.bytecode,
      args: args as unknown[],
      account: accounts[0]!,
      chain: foundry,
    });
    const receipt = await publicClient.waitForTransactionReceipt({ hash });
    if (receipt.status !== 'success' || !receipt.contractAddress) throw new Error(`deploying ${name} failed`);
    return { address: receipt.contractAddress, abi: artifact.abi };
  };
  const send = async (from: number, c: Contract, functionName: string, args: readonly unknown[] = []) => {
    const { request } = await publicClient.simulateContract({
      address: c.address,
      abi: c.abi,
      functionName,
      args: args as unknown[],
      account: accounts[from]!,
    });
    const hash = await wallet(from).writeContract(request as Parameters<WalletClient['writeContract']>[0]);
    const receipt = await publicClient.waitForTransactionReceipt({ hash });
    if (receipt.status !== 'success') throw new Error(`${functionName} reverted`);
    return { gasUsed: receipt.gasUsed, blockNumber: receipt.blockNumber, hash };
  };
  const read = <T>(c: Contract, functionName: string, args: readonly unknown[] = [], blockNumber?: bigint) =>
    publicClient.readContract({ address: c.address, abi: c.abi, functionName, args: args as unknown[], blockNumber }) as Promise<T>;
  const advance = async (seconds: number) => {
    await testClient.increaseTime({ seconds });
    await testClient.mine({ blocks: 1 });
  };
  const now = async () => (await publicClient.getBlock()).timestamp;
  return { anvil, publicClient, testClient, accounts, wallet, deploy, send, read, advance, now, stop: anvil.stop };
}

export type CoverStack = {
  usdc: Contract;
  pool: Contract;
  feed: Contract;
  oracle: Contract;
  market: Contract;
  /** Registers a product and returns its id. */
  register: (spec?: Partial<ProductSpec>) => Promise<bigint>;
  /** Writes `amount` USDC to `who` (storage) and approves the market and the pool. */
  fund: (i: number, amount: bigint) => Promise<void>;
};

const word = (v: bigint): Hex => pad(numberToHex(v), { size: 32 });

/**
 * Deploys the stack with account 0 as owner of everything (feed keeper, governance, guardian) and
 * `capital` deposited into the pool by account 1. The feed starts at `spot` (8 decimals).
 */
export async function deployCoverStack(chain: CoverChain, options: { capital?: bigint; spot?: bigint } = {}): Promise<CoverStack> {
  const owner = chain.accounts[0]!.address;
  const usdc = await chain.deploy('TestUSDC');
  const pool = await chain.deploy('BackstopPool', [usdc.address, 'Backstop Junior', 'bsJR', owner, owner]);
  const feed = await chain.deploy('MockAggregator', [8, 'ETH / USD', owner]);
  await chain.send(0, feed, 'pushAnswer', [options.spot ?? 3000_00000000n]);
  const oracle = await chain.deploy('VolatilityOracle', [feed.address, owner, 8n * 10n ** 17n, 10n ** 17n, 3n * 10n ** 18n, 3_600n]);
  await chain.send(0, oracle, 'poke');
  const market = await chain.deploy('CoverMarket', [usdc.address, owner, owner, '0x0000000000000000000000000000000000000000', 0n]);
  await chain.send(0, pool, 'setMarket', [market.address, true]);

  let supply = 0n;
  const fund = async (i: number, amount: bigint) => {
    const who = chain.accounts[i]!.address;
    const slot = keccak256(encodeAbiParameters([{ type: 'address' }, { type: 'uint256' }], [who, 0n]));
    const balance = await chain.read<bigint>(usdc, 'balanceOf', [who]);
    supply += amount;
    await chain.testClient.setStorageAt({ address: usdc.address, index: slot, value: word(balance + amount) });
    await chain.testClient.setStorageAt({ address: usdc.address, index: word(2n), value: word(supply) });
    await chain.send(i, usdc, 'approve', [market.address, (1n << 256n) - 1n]);
    await chain.send(i, usdc, 'approve', [pool.address, (1n << 256n) - 1n]);
  };
  const register = async (spec: Partial<ProductSpec> = {}) => {
    const s = { ...DEFAULT_PRODUCT, ...spec };
    const config = {
      feed: feed.address,
      oracle: oracle.address,
      pool: pool.address,
      direction: s.direction === 'Down' ? 0 : 1,
      confirmations: s.confirmations,
      activationDelay: s.activationDelay,
      claimGrace: s.claimGrace,
      minDuration: s.minDuration,
      maxDuration: s.maxDuration,
      maxPriceAge: s.maxPriceAge,
      maxSigmaAge: s.maxSigmaAge,
      maxStrikeRatio: s.maxStrikeRatio,
      pricing: s.pricing,
    };
    await chain.send(0, market, 'registerProduct', [config]);
    return chain.read<bigint>(market, 'productCount');
  };
  const capital = options.capital ?? 1_000_000_000_000n;
  if (capital > 0n) {
    await fund(1, capital);
    await chain.send(1, pool, 'deposit', [capital, chain.accounts[1]!.address]);
  }
  return { usdc, pool, feed, oracle, market, register, fund };
}

/** The custom error name in a viem call/simulate error (walks the cause chain to the revert data). */
export function revertName(e: unknown, abi: Abi): string {
  let cur: unknown = e;
  while (cur && typeof cur === 'object') {
    const o = cur as { data?: unknown; raw?: unknown; cause?: unknown };
    const decoded = o.data as { errorName?: unknown } | undefined;
    if (decoded && typeof decoded === 'object' && typeof decoded.errorName === 'string') return decoded.errorName;
    const raw = typeof o.raw === 'string' ? o.raw : typeof o.data === 'string' ? o.data : undefined;
    if (raw?.startsWith('0x') && raw.length >= 10) {
      try {
        return decodeErrorResult({ abi, data: raw as Hex }).errorName;
      } catch {
        return raw.slice(0, 10);
      }
    }
    cur = o.cause;
  }
  return 'unknown';
}

/** Execution gas of a mined transaction after refunds: gasUsed minus the 21,000 base and calldata cost. */
export function netExecutionGas(gasUsed: bigint, input: Hex): bigint {
  let calldata = 0n;
  for (let i = 2; i < input.length; i += 2) calldata += input.slice(i, i + 2) === '00' ? 4n : 16n;
  return gasUsed - 21_000n - calldata;
}
