// Deploys the protocol to any EVM RPC with one key and records the addresses in
// contracts-abi/deployments/<chainId>.json. Used by the local stack, tests and public deploys.
// Over 400 lines on purpose: one deploy, in order, so every address is deterministic; the parameters beside it.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  createPublicClient,
  createWalletClient,
  encodeFunctionData,
  getAddress,
  http,
  keccak256,
  toHex,
  type Abi,
  type Address,
  type Hex,
  type PublicClient,
  type WalletClient,
  type Chain,
  type Account,
  type Transport,
  zeroAddress,
  zeroHash,
} from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { OUT_DIR, ROOT, loadArtifact } from './artifacts';

export type DeployedContract = { address: Address; blockNumber: number };

export type Deployment = {
  chainId: number;
  deployer: Address;
  startBlock: number;
  contracts: {
    stablecoin: DeployedContract;
    juniorPool: DeployedContract;
    seniorPool: DeployedContract;
    shortfallWaterfall: DeployedContract;
    recapitalizer: DeployedContract;
    bks: DeployedContract;
    priceFeed: DeployedContract;
    volatilityOracle: DeployedContract;
    coverMarket: DeployedContract;
    /** The reference perp venue (PerpVenue), registered in the waterfall; its external libraries below. */
    perpVenue: DeployedContract;
    perpSettlement: DeployedContract;
    perpLens: DeployedContract;
    /** Renders every cover's tokenURI (on-chain JSON + SVG); set on the market. */
    coverDescriptor: DeployedContract;
    /** Listings and offers of cover tokens; a fee-paying venue of the waterfall (exposure cap 1: it never draws). */
    coverExchange: DeployedContract;
    /** OpenZeppelin TimelockController: the owner of every contract above that has one. */
    timelock: DeployedContract;
  };
};

/**
 * Governance: an OpenZeppelin TimelockController owns every Ownable contract. Its delay must exceed the
 * longest exit a pool's bounds allow (MAX_COOLDOWN + MAX_CLAIM_WINDOW = 10 + 4 days), so an LP who asks to
 * leave when a change is queued is paid before it can run; the deploy checks this against the pool.
 */
export const GOVERNANCE_DELAY = 15n * 86_400n;

/** The contracts the timelock owns (Ownable2Step). BKS has no owner; the mock feed stays with its keeper;
 *  the venue's libraries and the cover descriptor are stateless. */
export const TIMELOCK_OWNED = [
  'juniorPool',
  'seniorPool',
  'shortfallWaterfall',
  'recapitalizer',
  'volatilityOracle',
  'coverMarket',
  'perpVenue',
  'coverExchange',
] as const;

/** The exchange's fee at deploy: 0.5 % of each price, to the pools (the contract's bound is 1 %). */
export const EXCHANGE_FEE_BPS = 50n;

/** Recapitalization defaults: 100M BKS to the treasury, auctions from 2 to 0.5 USDC per BKS over 24 h,
 *  at most 5 % of supply minted per event. Governance may move each within the contract's bounds. */
export const RECAP_DEFAULTS = {
  initialSupply: 100_000_000n * 10n ** 18n,
  startPrice: 2_000_000n,
  floorPrice: 500_000n,
  duration: 24n * 3600n,
  maxMintBps: 500n,
} as const;

/** σ from the EWMA oracle: starts at 80 % a year, clamped to [10 %, 300 %]; the feed's heartbeat is 1 h. */
export const VOLATILITY_DEFAULTS = { initialSigma: 8n * 10n ** 17n, sigmaFloor: 10n ** 17n, sigmaCap: 3n * 10n ** 18n, heartbeat: 3_600n } as const;

/** The local feed: ETH / USD with Chainlink's 8 decimals, opening at 3,000 USD. */
export const LOCAL_FEED = { decimals: 8, description: 'ETH / USD', openingAnswer: 3_000n * 10n ** 8n } as const;

const WAD = 10n ** 18n;

/** Pricing of every product: markup 1.2 + 0.5·U below an 80 % kink, +5·(U − 80 %) above, on the whole premium;
 *  cost of capital 10 %/year over the lock's real length (the contract's floor is 5 %/year). */
export const PRICING_DEFAULTS = { baseMarkup: (12n * WAD) / 10n, slope: WAD / 2n, steepSlope: 5n * WAD, kink: (8n * WAD) / 10n, minRate: WAD / 10n } as const;

/** Claim terms: 2 confirming rounds, a 5-minute activation delay, a day to claim, 1 hour to 90 days; strikes
 *  within ×4 of the price (down to −75 %, up to +300 %). */
export const PRODUCT_TERMS = {
  confirmations: 2,
  activationDelay: 300,
  claimGrace: 86_400,
  minDuration: 3_600,
  maxDuration: 90 * 86_400,
  maxPriceAge: 3_600,
  maxSigmaAge: 86_400,
  maxStrikeRatio: 400,
} as const;

/** Products registered at deploy: long-liquidation cover (price down) on Junior, short cover (up) on Senior. */
export const PRODUCTS = [
  { direction: 0, pool: 'juniorPool' }, // ETH longs: pays when the price falls to the strike
  { direction: 1, pool: 'seniorPool' }, // ETH shorts: pays when the price rises to the strike
] as const;

/**
 * The reference venue (IPerpVenue.Params; every field inside PerpLens's hard bounds): initial margin
 * max(5 %, 3 σ √(1 day / year)) — at σ = 80 %/yr that is 12.6 %, about 8× leverage; maintenance half of
 * it; a full liquidation below half of maintenance; 5 bps trading fee (half to the pools), 20 bps to the
 * liquidator; prices at most an hour old, σ at most a day; positions of at least 50 USDC, 5M USDC of open
 * interest per side.
 */
export const VENUE_PARAMS = {
  marginFloor: WAD / 20n,
  marginK: 3n * WAD,
  marginHorizon: 86_400,
  maintenanceBps: 5_000,
  fullLiquidationBps: 5_000,
  tradingFeeBps: 5,
  liquidationFeeBps: 20,
  poolFeeShareBps: 5_000,
  maxPriceAge: 3_600,
  maxSigmaAge: 86_400,
  minNotional: 50n * 10n ** 6n,
  maxOpenInterest: 5_000_000n * 10n ** 6n,
} as const;

/** The venue's lifetime exposure cap in the waterfall (what Junior + Senior + the auction may cover, in all). */
export const VENUE_EXPOSURE_CAP = 250_000n * 10n ** 6n;

export type DeployOptions = {
  rpcUrl: string;
  privateKey: Hex;
  /** An existing stablecoin; when absent a TestUSDC with a faucet is deployed (local and testnets only). */
  stablecoin?: Address;
  /** May pause new risk; defaults to the deployer. */
  guardian?: Address;
  /** Receives the initial BKS supply; defaults to the deployer. */
  treasury?: Address;
  /** A Chainlink AggregatorV3 price feed; when absent a MockAggregator is deployed (local only). */
  priceFeed?: Address;
  /** An L2 sequencer uptime feed (Chainlink); none on L1s and the local chain. */
  sequencerUptimeFeed?: Address;
  /** Grace period after the sequencer comes back up, seconds (only with a sequencer feed). */
  sequencerGracePeriod?: bigint;
  /** Proposes and cancels timelocked changes (a multisig on public chains); required off the local chain,
   *  where it defaults to the deployer (anvil #0), so the seed, tests and soak can schedule changes. */
  proposer?: Address;
  /** Executes ready changes; defaults to the proposer. `zeroAddress` lets anyone execute once ready. */
  executor?: Address;
  /** 'timelock' (default): every contract is handed to the timelock. 'deployer': the timelock is deployed
   *  and configured alike but ownership stays with the deployer — only for suites that drive owner
   *  setters directly (scripts/testing/localChain.ts); never for a real deployment. */
  governance?: 'timelock' | 'deployer';
  /** Write contracts-abi/deployments/<chainId>.json (default true). */
  write?: boolean;
};

type Clients = { publicClient: PublicClient; wallet: WalletClient<Transport, Chain | undefined, Account> };

/**
 * Fills the placeholders of external libraries in a creation bytecode (forge's `linkReferences`: byte
 * offsets of 20-byte slots per library name). Throws when a library the bytecode needs has no address.
 */
export function linkBytecode(
  bytecode: Hex,
  references: Record<string, Record<string, { start: number; length: number }[]>>,
  libraries: Record<string, Address>,
): Hex {
  let code = bytecode.slice(2);
  for (const byName of Object.values(references)) {
    for (const [name, slots] of Object.entries(byName)) {
      const address = libraries[name];
      if (!address) throw new Error(`the bytecode needs library ${name}: pass its address`);
      for (const { start, length } of slots)
        code =
          code.slice(0, start * 2) +
          address
            .slice(2)
            .toLowerCase()
            .padStart(length * 2, '0') +
          code.slice((start + length) * 2);
    }
  }
  return `0x${code}`;
}

function linkReferencesOf(name: string): Record<string, Record<string, { start: number; length: number }[]>> {
  const json = JSON.parse(readFileSync(path.join(OUT_DIR, `${name}.sol`, `${name}.json`), 'utf8')) as {
    bytecode: { linkReferences?: Record<string, Record<string, { start: number; length: number }[]>> };
  };
  return json.bytecode.linkReferences ?? {};
}

async function deployOne(
  { publicClient, wallet }: Clients,
  name: string,
  args: readonly unknown[] = [],
  libraries: Record<string, Address> = {},
): Promise<DeployedContract> {
  const artifact = loadArtifact(name);
  const references = linkReferencesOf(name);
  const hash = await wallet.deployContract({
    abi: artifact.abi as Abi,
    bytecode: Object.keys(references).length > 0 ? linkBytecode(artifact.bytecode, references, libraries) : artifact.bytecode,
    args: args as unknown[],
    chain: wallet.chain ?? null,
    account: wallet.account,
  });
  const receipt = await publicClient.waitForTransactionReceipt({ hash });
  if (receipt.status !== 'success' || !receipt.contractAddress) throw new Error(`deploying ${name} failed (${hash})`);
  return { address: getAddress(receipt.contractAddress), blockNumber: Number(receipt.blockNumber) };
}

async function send({ publicClient, wallet }: Clients, address: Address, abi: Abi, functionName: string, args: readonly unknown[]) {
  const hash = await wallet.writeContract({ address, abi, functionName, args: args as unknown[], chain: wallet.chain ?? null, account: wallet.account });
  const receipt = await publicClient.waitForTransactionReceipt({ hash });
  if (receipt.status !== 'success') throw new Error(`${functionName} on ${address} reverted (${hash})`);
}

export async function deployProtocol(options: DeployOptions): Promise<Deployment> {
  const transport = http(options.rpcUrl);
  const publicClient = createPublicClient({ transport }) as PublicClient;
  const account = privateKeyToAccount(options.privateKey);
  const chainId = await publicClient.getChainId();
  const wallet = createWalletClient({ account, transport });
  const clients = { publicClient, wallet };
  const startBlock = Number(await publicClient.getBlockNumber());

  const stablecoin = options.stablecoin ? { address: options.stablecoin, blockNumber: startBlock } : await deployOne(clients, 'TestUSDC');
  const owner = account.address;
  const guardian = options.guardian ?? owner;
  const juniorPool = await deployOne(clients, 'BackstopPool', [stablecoin.address, 'Backstop Junior', 'bsJR', owner, guardian]);
  const seniorPool = await deployOne(clients, 'BackstopPool', [stablecoin.address, 'Backstop Senior', 'bsSR', owner, guardian]);
  const shortfallWaterfall = await deployOne(clients, 'ShortfallWaterfall', [juniorPool.address, seniorPool.address, owner, guardian]);
  const recapitalizer = await deployOne(clients, 'Recapitalizer', [
    shortfallWaterfall.address,
    stablecoin.address,
    owner,
    options.treasury ?? owner,
    RECAP_DEFAULTS.initialSupply,
    RECAP_DEFAULTS.startPrice,
    RECAP_DEFAULTS.floorPrice,
    RECAP_DEFAULTS.duration,
    RECAP_DEFAULTS.maxMintBps,
  ]);
  const bksAddress = (await publicClient.readContract({
    address: recapitalizer.address,
    abi: loadArtifact('Recapitalizer').abi,
    functionName: 'bks',
  })) as Address;
  const bks = { address: getAddress(bksAddress), blockNumber: recapitalizer.blockNumber };

  // Wiring: the pools accept draws only from the waterfall, which hands uncovered losses to the auction.
  const pool = loadArtifact('BackstopPool').abi;
  await send(clients, juniorPool.address, pool, 'setWaterfall', [shortfallWaterfall.address]);
  await send(clients, seniorPool.address, pool, 'setWaterfall', [shortfallWaterfall.address]);
  await send(clients, shortfallWaterfall.address, loadArtifact('ShortfallWaterfall').abi, 'setRecapitalizer', [recapitalizer.address]);

  // Cover: the price feed (a mock with Chainlink's round semantics on local chains), σ, pricing, market.
  let priceFeed: DeployedContract;
  if (options.priceFeed) {
    priceFeed = { address: options.priceFeed, blockNumber: startBlock };
  } else {
    priceFeed = await deployOne(clients, 'MockAggregator', [LOCAL_FEED.decimals, LOCAL_FEED.description, owner]);
    await send(clients, priceFeed.address, loadArtifact('MockAggregator').abi, 'pushAnswer', [LOCAL_FEED.openingAnswer]);
  }
  const v = VOLATILITY_DEFAULTS;
  const volatilityOracle = await deployOne(clients, 'VolatilityOracle', [priceFeed.address, owner, v.initialSigma, v.sigmaFloor, v.sigmaCap, v.heartbeat]);
  const coverMarket = await deployOne(clients, 'CoverMarket', [
    stablecoin.address,
    owner,
    guardian,
    options.sequencerUptimeFeed ?? zeroAddress,
    options.sequencerUptimeFeed ? (options.sequencerGracePeriod ?? 3_600n) : 0n,
  ]);
  await send(clients, juniorPool.address, pool, 'setMarket', [coverMarket.address, true]);
  await send(clients, seniorPool.address, pool, 'setMarket', [coverMarket.address, true]);
  const pools = { juniorPool: juniorPool.address, seniorPool: seniorPool.address };
  for (const product of PRODUCTS) {
    await send(clients, coverMarket.address, loadArtifact('CoverMarket').abi, 'registerProduct', [
      {
        feed: priceFeed.address,
        oracle: volatilityOracle.address,
        pool: pools[product.pool],
        direction: product.direction,
        ...PRODUCT_TERMS,
        pricing: PRICING_DEFAULTS,
      },
    ]);
  }

  // The reference venue on the same feed, σ and sequencer check as the cover market. Its cold paths live in
  // two external libraries (EIP-170), linked into its bytecode. Registered in the waterfall with its
  // exposure cap while the deployer still owns the waterfall: no timelock round trip at deploy.
  const perpSettlement = await deployOne(clients, 'PerpSettlement');
  const perpLens = await deployOne(clients, 'PerpLens');
  const perpVenue = await deployOne(
    clients,
    'PerpVenue',
    [
      shortfallWaterfall.address,
      volatilityOracle.address,
      owner,
      guardian,
      options.sequencerUptimeFeed ?? zeroAddress,
      options.sequencerUptimeFeed ? (options.sequencerGracePeriod ?? 3_600n) : 0n,
      VENUE_PARAMS,
    ],
    { PerpSettlement: perpSettlement.address, PerpLens: perpLens.address },
  );
  await send(clients, shortfallWaterfall.address, loadArtifact('ShortfallWaterfall').abi, 'setVenue', [perpVenue.address, VENUE_EXPOSURE_CAP]);

  // Cover tokens describe themselves (tokenURI) and trade on the exchange, whose fees reach the pools through
  // the waterfall's distributeFees: it is registered there as a venue with the smallest exposure cap.
  const coverDescriptor = await deployOne(clients, 'CoverDescriptor');
  await send(clients, coverMarket.address, loadArtifact('CoverMarket').abi, 'setDescriptor', [coverDescriptor.address]);
  const coverExchange = await deployOne(clients, 'CoverExchange', [coverMarket.address, shortfallWaterfall.address, owner, EXCHANGE_FEE_BPS]);
  await send(clients, shortfallWaterfall.address, loadArtifact('ShortfallWaterfall').abi, 'setVenue', [coverExchange.address, 1n]);

  // Governance last, so every address above is the same with or without it.
  const owned = { juniorPool, seniorPool, shortfallWaterfall, recapitalizer, volatilityOracle, coverMarket, perpVenue, coverExchange };
  const timelock = await handOverToTimelock(clients, chainId, owned, options);

  const deployment: Deployment = {
    chainId,
    deployer: account.address,
    startBlock,
    contracts: {
      stablecoin,
      juniorPool,
      seniorPool,
      shortfallWaterfall,
      recapitalizer,
      bks,
      priceFeed,
      volatilityOracle,
      coverMarket,
      perpVenue,
      perpSettlement,
      perpLens,
      coverDescriptor,
      coverExchange,
      timelock,
    },
  };
  if (options.write ?? true) writeDeployment(deployment);
  return deployment;
}

async function read<T>(publicClient: PublicClient, address: Address, abi: Abi, functionName: string, args: readonly unknown[] = []): Promise<T> {
  return publicClient.readContract({ address, abi, functionName, args: args as unknown[] }) as Promise<T>;
}

/**
 * Makes an OpenZeppelin TimelockController the owner of every contract, with the guardians untouched (they
 * keep their instant pause of new risk). The contracts are Ownable2Step, so the timelock must accept: it is
 * deployed with delay 0 and the deployer as temporary proposer, executor and admin; one batch through it
 * accepts every ownership and raises its own delay to GOVERNANCE_DELAY; then the proposer and executor get
 * their roles and the deployer renounces each of its own that they do not keep (always the admin role:
 * afterwards only the timelock administers itself, through its delay). Asserts the outcome on chain.
 */
async function handOverToTimelock(
  clients: Clients,
  chainId: number,
  owned: Record<(typeof TIMELOCK_OWNED)[number], DeployedContract>,
  options: DeployOptions,
): Promise<DeployedContract> {
  const { publicClient, wallet } = clients;
  const deployer = wallet.account.address;
  const poolAbi = loadArtifact('BackstopPool').abi;
  // The delay must outlast the longest exit either pool's bounds allow (read from the contracts).
  for (const pool of [owned.juniorPool, owned.seniorPool]) {
    const cooldown = await read<number>(publicClient, pool.address, poolAbi, 'MAX_COOLDOWN');
    const window = await read<number>(publicClient, pool.address, poolAbi, 'MAX_CLAIM_WINDOW');
    if (GOVERNANCE_DELAY <= BigInt(cooldown) + BigInt(window)) {
      throw new Error(`governance delay ${GOVERNANCE_DELAY} s must exceed the pool's MAX_COOLDOWN + MAX_CLAIM_WINDOW (${cooldown} + ${window} s)`);
    }
  }
  if (!options.proposer && chainId !== 31337) throw new Error('PROPOSER (the multisig that proposes timelocked changes) is required off the local chain');
  const proposer = getAddress(options.proposer ?? deployer);
  const executor = options.executor === undefined ? proposer : getAddress(options.executor);

  const artifact = loadArtifact('TimelockController');
  const abi = artifact.abi;
  const timelock = await deployOne(clients, 'TimelockController', [0n, [deployer], [deployer], deployer]);
  const ownable = loadArtifact('Ownable2Step', 'Ownable2Step.sol').abi;
  const handOver = options.governance !== 'deployer';
  const targets: Address[] = [];
  const payloads: Hex[] = [];
  if (handOver) {
    for (const name of TIMELOCK_OWNED) {
      await send(clients, owned[name].address, ownable, 'transferOwnership', [timelock.address]);
      targets.push(owned[name].address);
      payloads.push(encodeFunctionData({ abi: ownable, functionName: 'acceptOwnership' }));
    }
  }
  targets.push(timelock.address);
  payloads.push(encodeFunctionData({ abi, functionName: 'updateDelay', args: [GOVERNANCE_DELAY] }));
  const values = targets.map(() => 0n);
  const salt = keccak256(toHex('backstop.handover'));
  await send(clients, timelock.address, abi, 'scheduleBatch', [targets, values, payloads, zeroHash, salt, 0n]);
  await send(clients, timelock.address, abi, 'executeBatch', [targets, values, payloads, zeroHash, salt]);

  const role = (name: string) => read<Hex>(publicClient, timelock.address, abi, name);
  const [admin, proposerRole, cancellerRole, executorRole] = await Promise.all(
    ['DEFAULT_ADMIN_ROLE', 'PROPOSER_ROLE', 'CANCELLER_ROLE', 'EXECUTOR_ROLE'].map(role),
  );
  const keep = new Map<Hex, Address>([
    [proposerRole!, proposer],
    [cancellerRole!, proposer],
    [executorRole!, executor],
  ]);
  for (const [r, account] of keep) if (account !== deployer) await send(clients, timelock.address, abi, 'grantRole', [r, account]);
  for (const [r, account] of keep) if (account !== deployer) await send(clients, timelock.address, abi, 'renounceRole', [r, deployer]);
  await send(clients, timelock.address, abi, 'renounceRole', [admin, deployer]);

  // What the handover must have left behind, read back from the chain.
  const minDelay = await read<bigint>(publicClient, timelock.address, abi, 'getMinDelay');
  if (minDelay !== GOVERNANCE_DELAY) throw new Error(`timelock delay is ${minDelay}, expected ${GOVERNANCE_DELAY}`);
  if (await read<boolean>(publicClient, timelock.address, abi, 'hasRole', [admin, deployer])) throw new Error('the deployer kept the timelock admin role');
  for (const [r, account] of keep) {
    if (!(await read<boolean>(publicClient, timelock.address, abi, 'hasRole', [r, account]))) throw new Error(`${account} lacks timelock role ${r}`);
  }
  for (const name of TIMELOCK_OWNED) {
    const owner = getAddress(await read<Address>(publicClient, owned[name].address, ownable, 'owner'));
    const expected = handOver ? timelock.address : deployer;
    if (owner !== expected) throw new Error(`${name} is owned by ${owner}, expected ${expected}`);
  }
  return timelock;
}

export function deploymentPath(chainId: number): string {
  return path.join(ROOT, 'contracts-abi', 'deployments', `${chainId}.json`);
}

export function writeDeployment(deployment: Deployment): void {
  mkdirSync(path.dirname(deploymentPath(deployment.chainId)), { recursive: true });
  writeFileSync(deploymentPath(deployment.chainId), `${JSON.stringify(deployment, null, 2)}\n`);
}
