// The indexer against the real stack: anvil + deploy + scripted actions + real Ponder on PGlite.
// Every indexed row must match its event, every snapshot must equal the contract at that block,
// a rollback must leave the tables equal to the new chain, and bad API input must get a 4xx.
// Over 400 lines on purpose: one stack boot (anvil + deploy + Ponder) shared by every case, which is what
// keeps this suite within the test budget.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPublicClient, createWalletClient, http, keccak256, parseAbiItem, toEventSelector, toHex, type Address, type Hex } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { foundry } from 'viem/chains';
import {
  backstopPoolAbi,
  coverMarketAbi,
  mockAggregatorAbi,
  shortfallWaterfallAbi,
  testUSDCAbi,
  timelockControllerAbi,
  volatilityOracleAbi,
} from '../../contracts-abi';
import { deployments } from '../../contracts-abi/deployments';
import { deployProtocol, GOVERNANCE_DELAY, type Deployment } from '../../scripts/chain/deploy';
import { cancelChange, scheduleChange, type QueuedChange } from '../../scripts/chain/governance';
import { seedStakes } from '../../scripts/chain/seed';
import { ANVIL_KEYS, startAnvil, type AnvilInstance } from '../../scripts/testing/anvil';
import { startPonder, type PonderInstance } from '../../scripts/testing/ponder';
import { fetchApy, fetchEvents, fetchPendingGovernance, fetchPortfolio, fetchSnapshots } from '../../lib/history/indexerApi';
import { describeQueuedChanges } from '../../lib/governance/queuedChanges';

let anvil: AnvilInstance;
let ponder: PonderInstance;
let deployment: Deployment;
let publicClient: ReturnType<typeof createPublicClient>;
let queued: QueuedChange;
let cancelled: QueuedChange;

const USDC = 10n ** 6n;
const ONE_SHARE = 10n ** 18n;

async function act(key: Hex, tx: (wallet: ReturnType<typeof createWalletClient>, account: Address) => Promise<Hex>) {
  const account = privateKeyToAccount(key);
  const wallet = createWalletClient({ chain: foundry, transport: http(anvil.rpcUrl), account });
  const hash = await tx(wallet, account.address);
  const receipt = await publicClient.waitForTransactionReceipt({ hash });
  expect(receipt.status).toBe('success');
  return receipt;
}

async function stake(key: Hex, pool: Address, amount: bigint) {
  const usdc = deployment.contracts.stablecoin.address;
  await act(key, (w, a) =>
    w.writeContract({ chain: foundry, account: w.account!, address: usdc, abi: testUSDCAbi, functionName: 'faucet', args: [amount] }).then((h) => {
      void a;
      return h;
    }),
  );
  await act(key, (w) =>
    w.writeContract({ chain: foundry, account: w.account!, address: usdc, abi: testUSDCAbi, functionName: 'approve', args: [pool, amount] }),
  );
  return act(key, (w, a) =>
    w.writeContract({ chain: foundry, account: w.account!, address: pool, abi: backstopPoolAbi, functionName: 'deposit', args: [amount, a] }),
  );
}

async function warp(seconds: number) {
  await publicClient.request({ method: 'evm_increaseTime' as never, params: [seconds] as never });
  await publicClient.request({ method: 'evm_mine' as never });
}

async function get<T>(path: string): Promise<{ status: number; body: T; text: string }> {
  const res = await fetch(`${ponder.url}${path}`);
  const text = await res.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: res.status, body: body as T, text };
}

type Snapshot = { pool: string; blockNumber: string; totalAssets: string; totalSupply: string; sharePrice: string };
type Event = { kind: string; contract: string; pool: string | null; account: string; assets: string; shares: string; blockNumber: string; txHash: string };

async function syncIndexer() {
  await ponder.waitForBlock(await publicClient.getBlockNumber({ cacheTime: 0 }));
}

beforeAll(async () => {
  anvil = await startAnvil();
  publicClient = createPublicClient({ chain: foundry, transport: http(anvil.rpcUrl) });
  deployment = await deployProtocol({ rpcUrl: anvil.rpcUrl, privateKey: ANVIL_KEYS[0], write: false });
  for (const [name, c] of Object.entries(deployment.contracts)) expect(c.address).toBe(deployments[31337]!.contracts[name]!.address);
  await seedStakes(anvil.rpcUrl, deployment);
  const junior = deployment.contracts.juniorPool.address;
  // A scripted history: an ignored donation, a venue paying fees and drawing a shortfall beyond
  // Junior's daily cap (half its free capital) so Senior pays too, a stake,
  // a redeem request claimed in two parts after the cooldown, another left to lapse, a share transfer.
  const usdc = deployment.contracts.stablecoin.address;
  const waterfall = deployment.contracts.shortfallWaterfall.address;
  const write = (key: Hex, address: Address, abi: readonly unknown[], functionName: string, args: readonly unknown[]) =>
    act(key, (w) => w.writeContract({ chain: foundry, account: w.account!, address, abi, functionName, args } as never));
  await write(ANVIL_KEYS[1], usdc, testUSDCAbi, 'faucet', [777n * USDC]);
  await write(ANVIL_KEYS[1], usdc, testUSDCAbi, 'transfer', [junior, 777n * USDC]);
  // The venue is the real PerpVenue, registered by the deploy. Its own fee share and a 60,000 USDC bad debt
  // would take hours of scripted trading, so the test speaks as the venue (anvil impersonation): the
  // waterfall sees exactly the calls the venue makes.
  const venue = deployment.contracts.perpVenue.address;
  await publicClient.request({ method: 'anvil_impersonateAccount' as never, params: [venue] as never });
  await publicClient.request({ method: 'anvil_setBalance' as never, params: [venue, '0x56BC75E2D63100000'] as never });
  const asVenue = async (address: Address, abi: readonly unknown[], functionName: string, args: readonly unknown[]) => {
    const wallet = createWalletClient({ chain: foundry, transport: http(anvil.rpcUrl), account: venue });
    const hash = await wallet.writeContract({ chain: foundry, account: venue, address, abi, functionName, args } as never);
    expect((await publicClient.waitForTransactionReceipt({ hash })).status).toBe('success');
  };
  await asVenue(usdc, testUSDCAbi, 'faucet', [900n * USDC]);
  await asVenue(usdc, testUSDCAbi, 'approve', [waterfall, 900n * USDC]);
  await asVenue(waterfall, shortfallWaterfallAbi, 'distributeFees', [900n * USDC]);
  await asVenue(waterfall, shortfallWaterfallAbi, 'absorbShortfall', [60_000n * USDC]);
  await publicClient.request({ method: 'anvil_stopImpersonatingAccount' as never, params: [venue] as never });
  await stake(ANVIL_KEYS[5], junior, 1_234n * USDC);
  await write(ANVIL_KEYS[5], junior, backstopPoolAbi, 'requestRedeem', [
    300n * ONE_SHARE,
    privateKeyToAccount(ANVIL_KEYS[5]).address,
    privateKeyToAccount(ANVIL_KEYS[5]).address,
  ]);
  await write(ANVIL_KEYS[2], junior, backstopPoolAbi, 'requestRedeem', [
    50n * ONE_SHARE,
    privateKeyToAccount(ANVIL_KEYS[2]).address,
    privateKeyToAccount(ANVIL_KEYS[2]).address,
  ]);
  // Two Senior requests mined in one block (each request's terms come from its own RedeemRequestTerms event).
  await publicClient.request({ method: 'evm_setAutomine' as never, params: [false] as never });
  const sameBlock: Hex[] = [];
  for (const key of [ANVIL_KEYS[3], ANVIL_KEYS[4]]) {
    const account = privateKeyToAccount(key);
    const wallet = createWalletClient({ chain: foundry, transport: http(anvil.rpcUrl), account });
    sameBlock.push(
      await wallet.writeContract({
        chain: foundry,
        account,
        address: deployment.contracts.seniorPool.address,
        abi: backstopPoolAbi,
        functionName: 'requestRedeem',
        args: [10n * ONE_SHARE, account.address, account.address],
        gas: 300_000n,
      }),
    );
  }
  await publicClient.request({ method: 'evm_mine' as never });
  await publicClient.request({ method: 'evm_setAutomine' as never, params: [true] as never });
  const sameBlockReceipts = await Promise.all(sameBlock.map((hash) => publicClient.waitForTransactionReceipt({ hash })));
  expect(sameBlockReceipts.map((r) => r.status)).toEqual(['success', 'success']);
  expect(sameBlockReceipts[0]!.blockNumber).toBe(sameBlockReceipts[1]!.blockNumber);
  await warp(7 * 86_400 + 60);
  const holder = privateKeyToAccount(ANVIL_KEYS[5]).address;
  await write(ANVIL_KEYS[5], junior, backstopPoolAbi, 'redeem', [100n * ONE_SHARE, holder, holder]);
  await write(ANVIL_KEYS[5], junior, backstopPoolAbi, 'redeem', [200n * ONE_SHARE, holder, holder]);
  await warp(4 * 86_400);
  await write(ANVIL_KEYS[3], junior, backstopPoolAbi, 'reclaimLapsedRequest', [privateKeyToAccount(ANVIL_KEYS[2]).address]);
  await write(ANVIL_KEYS[5], junior, backstopPoolAbi, 'transfer', [privateKeyToAccount(ANVIL_KEYS[6]).address, 100n * ONE_SHARE]);

  // Covers: two bought on a fresh price and σ; one changes hands and is claimed after a crash, the
  // other runs out and is released.
  const { priceFeed, volatilityOracle, coverMarket } = deployment.contracts;
  const push = (answer: bigint) => write(ANVIL_KEYS[0], priceFeed.address, mockAggregatorAbi, 'pushAnswer', [answer]);
  await push(3_000n * 10n ** 8n);
  await warp(600);
  await push(3_010n * 10n ** 8n);
  await write(ANVIL_KEYS[0], volatilityOracle.address, volatilityOracleAbi, 'poke', []);
  const buyer = ANVIL_KEYS[8];
  await write(buyer, usdc, testUSDCAbi, 'faucet', [1_000n * USDC]);
  await write(buyer, usdc, testUSDCAbi, 'approve', [coverMarket.address, 1_000n * USDC]);
  for (const [strike, payout, duration] of [
    [2_700n, 500n, 3n * 86_400n],
    [2_000n, 200n, 86_400n],
  ] as const) {
    const premium = await publicClient.readContract({
      address: coverMarket.address,
      abi: coverMarketAbi,
      functionName: 'quote',
      args: [1n, strike * 10n ** 8n, payout * USDC, duration],
    });
    await write(buyer, coverMarket.address, coverMarketAbi, 'buyCover', [1n, strike * 10n ** 8n, payout * USDC, duration, premium]);
  }
  await write(buyer, coverMarket.address, coverMarketAbi, 'transferFrom', [privateKeyToAccount(buyer).address, privateKeyToAccount(ANVIL_KEYS[6]).address, 1n]);
  await warp(400);
  await push(2_650n * 10n ** 8n);
  const crashRound = await publicClient.readContract({ address: priceFeed.address, abi: mockAggregatorAbi, functionName: 'latestRoundId' });
  await push(2_640n * 10n ** 8n);
  await write(ANVIL_KEYS[3], coverMarket.address, coverMarketAbi, 'claim', [1n, crashRound]);
  await warp(2 * 86_400 + 60);
  await push(2_900n * 10n ** 8n);
  await write(ANVIL_KEYS[3], coverMarket.address, coverMarketAbi, 'release', [2n]);
  await write(ANVIL_KEYS[0], volatilityOracle.address, volatilityOracleAbi, 'poke', []);
  // Two governance changes left queued (a batch of two calls), and one queued then cancelled.
  queued = await scheduleChange(
    anvil.rpcUrl,
    deployment,
    ANVIL_KEYS[0],
    [
      { target: waterfall, abi: shortfallWaterfallAbi, functionName: 'setLayerCapBps', args: [0, 4_000n] },
      { target: junior, abi: backstopPoolAbi, functionName: 'setCooldown', args: [8n * 86_400n] },
    ],
    'test: two queued changes',
  );
  cancelled = await scheduleChange(
    anvil.rpcUrl,
    deployment,
    ANVIL_KEYS[0],
    [{ target: waterfall, abi: shortfallWaterfallAbi, functionName: 'setVenue', args: [privateKeyToAccount(ANVIL_KEYS[9]).address, 1n] }],
    'test: cancelled',
  );
  await cancelChange(anvil.rpcUrl, deployment, ANVIL_KEYS[0], cancelled);
  ponder = await startPonder({ rpcUrl: anvil.rpcUrl });
  await syncIndexer();
});

afterAll(async () => {
  await ponder?.stop();
  await anvil?.stop();
});

describe('Ponder history of the pools', () => {
  it('indexes every Deposit and Withdraw exactly as emitted', async () => {
    const pools = [deployment.contracts.juniorPool.address, deployment.contracts.seniorPool.address];
    const logs = await publicClient.getLogs({
      address: pools,
      events: [
        parseAbiItem('event Deposit(address indexed sender, address indexed owner, uint256 assets, uint256 shares)'),
        parseAbiItem('event Withdraw(address indexed sender, address indexed receiver, address indexed owner, uint256 assets, uint256 shares)'),
      ],
      fromBlock: 0n,
    });
    const { body: all } = await get<Event[]>('/events?limit=500');
    const events = all.filter((e) => e.kind === 'deposit' || e.kind === 'withdraw');
    expect(events).toHaveLength(logs.length);
    // Every other feed row is one of the protocol's other events; a cover claim is one row (the market's
    // CoverClaimed, naming the paying pool), not a second "claim paid" row from the pool.
    expect(new Set(all.map((e) => e.kind))).toEqual(
      new Set(['deposit', 'withdraw', 'redeem-request', 'redeem-lapsed', 'fees', 'shortfall', 'cover-bought', 'cover-claimed']),
    );
    for (const claimed of all.filter((e) => e.kind === 'cover-claimed' || e.kind === 'cover-bought'))
      expect(pools.map((p) => p.toLowerCase())).toContain(claimed.pool);
    for (const log of logs) {
      const row = events.find((e) => e.txHash === log.transactionHash && e.kind === (log.eventName === 'Deposit' ? 'deposit' : 'withdraw'));
      expect(row, `row for ${log.transactionHash}`).toBeDefined();
      expect(row!.contract).toBe(log.address.toLowerCase());
      expect(row!.pool).toBe(log.address.toLowerCase());
      expect(row!.account).toBe(log.args.owner!.toLowerCase());
      expect(BigInt(row!.assets)).toBe(log.args.assets);
      expect(BigInt(row!.shares)).toBe(log.args.shares);
      expect(BigInt(row!.blockNumber)).toBe(log.blockNumber);
    }
  });

  it('each snapshot equals the contract at that block, share price included', async () => {
    let checked = 0;
    for (const layer of ['junior', 'senior'] as const) {
      const pool = deployment.contracts[`${layer}Pool`].address;
      const { body: snapshots } = await get<Snapshot[]>(`/pools/${layer}/snapshots?limit=500`);
      expect(snapshots.length).toBeGreaterThan(0);
      for (const s of snapshots) {
        const blockNumber = BigInt(s.blockNumber);
        const [price, assets, supply, unearned] = await Promise.all([
          publicClient.readContract({ address: pool, abi: backstopPoolAbi, functionName: 'convertToAssets', args: [ONE_SHARE], blockNumber }),
          publicClient.readContract({ address: pool, abi: backstopPoolAbi, functionName: 'totalAssets', blockNumber }),
          publicClient.readContract({ address: pool, abi: backstopPoolAbi, functionName: 'totalSupply', blockNumber }),
          publicClient.readContract({ address: pool, abi: backstopPoolAbi, functionName: 'unearnedPremium', blockNumber }),
        ]);
        expect(BigInt((s as Snapshot & { unearnedPremium: string }).unearnedPremium)).toBe(unearned);
        expect(BigInt(s.sharePrice)).toBe(price);
        expect(BigInt(s.totalAssets)).toBe(assets);
        expect(BigInt(s.totalSupply)).toBe(supply);
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(6);
  });

  it('positions follow balanceOf through deposits, escrow, redeems, lapses and transfers', async () => {
    const junior = deployment.contracts.juniorPool.address;
    for (const key of [ANVIL_KEYS[1], ANVIL_KEYS[2], ANVIL_KEYS[5], ANVIL_KEYS[6]]) {
      const account = privateKeyToAccount(key).address;
      const { body } = await get<{ positions: { pool: string; shares: string }[] }>(`/accounts/${account}/portfolio`);
      const row = body.positions.find((p) => p.pool === junior.toLowerCase());
      const balance = await publicClient.readContract({ address: junior, abi: backstopPoolAbi, functionName: 'balanceOf', args: [account] });
      expect(BigInt(row?.shares ?? '0')).toBe(balance);
    }
  });

  it('tracks redeem requests through partial claims and a lapse, matching the chain', async () => {
    const junior = deployment.contracts.juniorPool.address;
    type Request = {
      pool: string;
      requestId: string;
      shares: string;
      assetsAtRequest: string;
      remainingShares: string;
      claimedAssets: string;
      claimableAt: string;
      expiresAt: string;
      status: string;
    };
    const claimed = privateKeyToAccount(ANVIL_KEYS[5]).address;
    const lapsed = privateKeyToAccount(ANVIL_KEYS[2]).address;
    const withdraws = await publicClient.getLogs({
      address: junior,
      event: parseAbiItem('event Withdraw(address indexed sender, address indexed receiver, address indexed owner, uint256 assets, uint256 shares)'),
      args: { owner: claimed },
      fromBlock: 0n,
    });
    const { body: a } = await get<{ requests: Request[]; positions: { pool: string; escrowedShares: string }[] }>(`/accounts/${claimed}/portfolio`);
    expect(a.requests).toHaveLength(1);
    expect(a.requests[0]!.status).toBe('claimed');
    expect(BigInt(a.requests[0]!.shares)).toBe(300n * ONE_SHARE);
    expect(BigInt(a.requests[0]!.remainingShares)).toBe(0n);
    expect(BigInt(a.requests[0]!.claimedAssets)).toBe(withdraws.reduce((sum, l) => sum + l.args.assets!, 0n));
    // The value at request is the event's, and the claims together never paid more.
    const [terms] = await publicClient.getLogs({
      address: junior,
      event: parseAbiItem(
        'event RedeemRequestTerms(address indexed controller, uint256 indexed requestId, uint256 assetsAtRequest, uint256 claimableAt, uint256 expiresAt)',
      ),
      args: { controller: claimed },
      fromBlock: 0n,
    });
    expect(BigInt(a.requests[0]!.assetsAtRequest)).toBe(terms!.args.assetsAtRequest);
    expect(BigInt(a.requests[0]!.claimedAssets)).toBeLessThanOrEqual(terms!.args.assetsAtRequest!);
    expect(BigInt(a.positions.find((p) => p.pool === junior.toLowerCase())!.escrowedShares)).toBe(0n);
    const { body: b } = await get<{ requests: Request[] }>(`/accounts/${lapsed}/portfolio`);
    expect(b.requests[0]!.status).toBe('lapsed');
    const requestLog = (
      await publicClient.getLogs({
        address: junior,
        event: parseAbiItem(
          'event RedeemRequest(address indexed controller, address indexed owner, uint256 indexed requestId, address sender, uint256 shares)',
        ),
        args: { controller: lapsed },
        fromBlock: 0n,
      })
    )[0]!;
    const block = await publicClient.getBlock({ blockNumber: requestLog.blockNumber });
    expect(BigInt(b.requests[0]!.claimableAt)).toBe(block.timestamp + 7n * 86_400n);
    expect(BigInt(b.requests[0]!.expiresAt)).toBe(block.timestamp + 10n * 86_400n);
  });

  it('indexes two requests mined in one block, each with its own terms from the chain', async () => {
    const senior = deployment.contracts.seniorPool.address;
    for (const key of [ANVIL_KEYS[3], ANVIL_KEYS[4]]) {
      const account = privateKeyToAccount(key).address;
      const { body } = await get<{
        requests: { pool: string; requestId: string; shares: string; claimableAt: string; expiresAt: string; assetsAtRequest: string }[];
      }>(`/accounts/${account}/portfolio`);
      const row = body.requests.find((r) => r.pool === senior.toLowerCase())!;
      const [requestId, shares, claimableAt, expiresAt, , assetsAtRequest] = await publicClient.readContract({
        address: senior,
        abi: backstopPoolAbi,
        functionName: 'redeemRequest',
        args: [account],
      });
      expect([BigInt(row.requestId), BigInt(row.shares), BigInt(row.claimableAt), BigInt(row.expiresAt), BigInt(row.assetsAtRequest)]).toEqual([
        requestId,
        shares,
        claimableAt,
        expiresAt,
        assetsAtRequest,
      ]);
    }
  });

  it('records the shortfall split and the fee split exactly as emitted', async () => {
    const waterfall = deployment.contracts.shortfallWaterfall.address;
    const [absorbed] = await publicClient.getLogs({
      address: waterfall,
      event: parseAbiItem(
        'event ShortfallAbsorbed(address indexed venue, uint256 amount, uint256 junior, uint256 senior, uint256 recapitalization, uint256 remainder, uint256 indexed auctionId)',
      ),
      fromBlock: 0n,
    });
    const [fees] = await publicClient.getLogs({
      address: waterfall,
      event: parseAbiItem('event FeesDistributed(address indexed venue, uint256 amount, uint256 junior, uint256 senior)'),
      fromBlock: 0n,
    });
    const { body: shortfalls } = await get<Record<string, string>[]>('/shortfalls');
    expect(shortfalls).toHaveLength(1);
    for (const field of ['amount', 'junior', 'senior', 'recapitalization', 'remainder', 'auctionId'] as const) {
      expect(BigInt(shortfalls[0]![field]!), field).toBe(absorbed!.args[field]);
    }
    // The scripted 6,000 USDC exceeds Junior's 24 h cap, so Senior pays too and the sum is exact.
    expect(absorbed!.args.senior!).toBeGreaterThan(0n);
    const { body: feeRows } = await get<Record<string, string>[]>('/fees');
    expect(BigInt(feeRows[0]!.junior!)).toBe(fees!.args.junior);
    expect(BigInt(feeRows[0]!.senior!)).toBe(fees!.args.senior);
    const { body: apy } = await get<{ windows: { days: number; incomeApy: number | null }[] }>('/pools/senior/apy');
    expect(apy.windows.map((w) => w.days)).toEqual([7, 30]);
    // The fees landed ~13 days before the newest block: inside the 30-day window, not the 7-day one.
    expect(apy.windows[0]!.incomeApy, JSON.stringify(apy)).toBe(0);
    expect(apy.windows[1]!.incomeApy!).toBeGreaterThan(0);
  });

  it('follows each cover from purchase through transfer to claim or release, and σ updates', async () => {
    const market = deployment.contracts.coverMarket.address;
    const bought = await publicClient.getLogs({
      address: market,
      event: parseAbiItem(
        'event CoverBought(uint256 indexed tokenId, uint256 indexed productId, address indexed buyer, uint256 strike, uint256 payout, uint256 premium, uint256 start, uint256 end, uint256 releaseDay, uint256 spot, uint256 sigma)',
      ),
      fromBlock: 0n,
    });
    const { body: covers } = await get<Record<string, string>[]>('/covers');
    expect(covers).toHaveLength(2);
    for (const log of bought) {
      const row = covers.find((c) => BigInt(c.tokenId!) === log.args.tokenId)!;
      for (const field of ['strike', 'payout', 'premium', 'start', 'end', 'releaseDay', 'spot', 'sigma'] as const)
        expect(BigInt(row[field]!), field).toBe(log.args[field]);
    }
    const newHolder = privateKeyToAccount(ANVIL_KEYS[6]).address.toLowerCase();
    expect(covers.find((c) => c.tokenId === '1')).toMatchObject({ status: 'claimed', holder: newHolder });
    expect(covers.find((c) => c.tokenId === '2')).toMatchObject({ status: 'released' });
    // Both were burned (claim, release): the burn's Transfer to address(0) does not erase the last holder.
    for (const c of covers) expect(c.holder, `cover ${c.tokenId}`).not.toBe('0x0000000000000000000000000000000000000000');
    const { body: portfolio } = await get<{ covers: { tokenId: string }[] }>(`/accounts/${newHolder}/portfolio`);
    expect(portfolio.covers.map((c) => c.tokenId)).toEqual(['1']);
    const updates = await publicClient.getLogs({
      address: deployment.contracts.volatilityOracle.address,
      event: parseAbiItem('event VolatilityOracleUpdated(uint80 indexed roundId, uint256 updatedAt, uint256 variance, uint256 sigma, uint256 rounds)'),
      fromBlock: 0n,
    });
    const { body: sigma } = await get<{ sigma: string; roundId: string }[]>('/sigma');
    expect(sigma.map((r) => [BigInt(r.roundId), BigInt(r.sigma)])).toEqual(updates.map((l) => [BigInt(l.args.roundId!), l.args.sigma!]));
    expect(updates.length).toBeGreaterThan(0);
  });

  it('the app reads the same rows over /sql with @ponder/client as the REST routes serve, bigints exact', async () => {
    for (const layer of ['junior', 'senior'] as const) {
      const viaClient = await fetchSnapshots(layer, 500, ponder.url);
      const { body: viaRest } = await get<Snapshot[]>(`/pools/${layer}/snapshots?limit=500`);
      expect(viaClient.length).toBeGreaterThan(0);
      expect(viaClient.map((s) => [s.blockNumber, s.totalAssets, s.totalSupply, s.sharePrice])).toEqual(
        viaRest.map((s) => [BigInt(s.blockNumber), BigInt(s.totalAssets), BigInt(s.totalSupply), BigInt(s.sharePrice)]),
      );
      const { body: apy } = await get<{ windows: unknown[] }>(`/pools/${layer}/apy`);
      expect(await fetchApy(layer, ponder.url)).toEqual(apy.windows);
    }
    const events = await fetchEvents(500, ponder.url);
    const { body: restEvents } = await get<Event[]>('/events?limit=500');
    expect(events.map((e) => [e.txHash, e.kind, e.assets])).toEqual(restEvents.map((e) => [e.txHash, e.kind, e.assets === null ? null : BigInt(e.assets)]));
    for (const key of [ANVIL_KEYS[1], ANVIL_KEYS[2], ANVIL_KEYS[5], ANVIL_KEYS[6]]) {
      const account = privateKeyToAccount(key).address;
      const mine = await fetchPortfolio(account, 100, ponder.url);
      const { body } = await get<{
        positions: { pool: string; shares: string }[];
        requests: { requestId: string }[];
        covers: { tokenId: string }[];
        events: Event[];
      }>(`/accounts/${account}/portfolio`);
      expect(mine.positions.map((p) => [p.pool, p.shares])).toEqual(body.positions.map((p) => [p.pool, BigInt(p.shares)]));
      expect(mine.requests.map((r) => r.requestId)).toEqual(body.requests.map((r) => BigInt(r.requestId)));
      expect(mine.covers.map((c) => c.tokenId)).toEqual(body.covers.map((c) => BigInt(c.tokenId)));
      expect(mine.events.map((e) => e.txHash)).toEqual(body.events.map((e) => e.txHash));
    }
  });

  it('skips a malformed pool event and an unknown one, and keeps indexing', async () => {
    const junior = deployment.contracts.juniorPool.address;
    const code = await publicClient.getCode({ address: junior });
    // For one transaction the pool's address runs a stub that emits a Deposit topic with no indexed
    // arguments and no data (undecodable), then an event no ABI knows; the pool's storage is untouched.
    const log1 = (topic: Hex) => `7f${topic.slice(2)}60006000a1`;
    const stub = `0x${log1(toEventSelector('Deposit(address,address,uint256,uint256)'))}${log1(keccak256(toHex('NoSuchEvent(uint256)')))}00` as Hex;
    await publicClient.request({ method: 'anvil_setCode' as never, params: [junior, stub] as never });
    const odd = await act(ANVIL_KEYS[9], (w) => w.sendTransaction({ chain: foundry, account: w.account!, to: junior, data: '0x' }));
    expect(odd.logs).toHaveLength(2);
    await publicClient.request({ method: 'anvil_setCode' as never, params: [junior, code] as never });
    const after = await stake(ANVIL_KEYS[9], junior, 7n * USDC);
    await syncIndexer();
    const { body: events } = await get<Event[]>('/events?limit=500');
    expect(events.some((e) => e.txHash === odd.transactionHash)).toBe(false);
    expect(events.some((e) => e.txHash === after.transactionHash && e.kind === 'deposit')).toBe(true);
  });

  it('a rollback (anvil snapshot/revert) leaves the tables equal to the new chain', async () => {
    const junior = deployment.contracts.juniorPool.address;
    const snapshotId = (await publicClient.request({ method: 'evm_snapshot' as never })) as Hex;
    const doomed = await stake(ANVIL_KEYS[8], junior, 4_321n * USDC);
    await syncIndexer();
    expect((await get<Event[]>('/events?limit=500')).body.some((e) => e.txHash === doomed.transactionHash)).toBe(true);

    await publicClient.request({ method: 'evm_revert' as never, params: [snapshotId] as never });
    const replacement = await stake(ANVIL_KEYS[8], junior, 11n * USDC);
    // Make the new chain longer than the old one, so the indexer must follow it past the fork.
    await publicClient.request({ method: 'anvil_mine' as never, params: ['0x2'] as never });
    await syncIndexer();
    const { body: events } = await get<Event[]>('/events?limit=500');
    if (events.some((e) => e.txHash === doomed.transactionHash)) console.log(ponder.logs().slice(-4000));
    expect(events.some((e) => e.txHash === doomed.transactionHash)).toBe(false);
    expect(events.some((e) => e.txHash === replacement.transactionHash)).toBe(true);
    const { body: snapshots } = await get<Snapshot[]>('/pools/junior/snapshots?limit=500');
    // The newest snapshot is the replacement stake's block on the new chain, equal to the chain there
    // (read at that block: premiums keep streaming, so later blocks differ).
    const last = snapshots[snapshots.length - 1]!;
    expect(BigInt(last.blockNumber)).toBe(replacement.blockNumber);
    expect(BigInt(last.totalAssets)).toBe(
      await publicClient.readContract({ address: junior, abi: backstopPoolAbi, functionName: 'totalAssets', blockNumber: replacement.blockNumber }),
    );
    const account = privateKeyToAccount(ANVIL_KEYS[8]).address;
    const { body } = await get<{ positions: { pool: string; shares: string; deposited: string }[] }>(`/accounts/${account}/portfolio`);
    expect(body.positions.find((p) => p.pool === junior.toLowerCase())?.deposited).toBe((11n * USDC).toString());
  });

  it('indexes every timelock operation and call exactly as emitted, and the pending ones in words', async () => {
    const timelock = deployment.contracts.timelock.address;
    const events = { address: timelock, abi: timelockControllerAbi, fromBlock: 0n } as const;
    const [scheduledLogs, executedLogs, cancelledLogs, delayLogs] = await Promise.all([
      publicClient.getContractEvents({ ...events, eventName: 'CallScheduled' }),
      publicClient.getContractEvents({ ...events, eventName: 'CallExecuted' }),
      publicClient.getContractEvents({ ...events, eventName: 'Cancelled' }),
      publicClient.getContractEvents({ ...events, eventName: 'MinDelayChange' }),
    ]);
    type Call = { opId: string; index: string; target: string; value: string; data: string; executedBlock: string | null };
    type Operation = { id: string; status: string; calls: number; delay: string; scheduledAt: string; readyAt: string; salt: string; callList: Call[] };
    const { body: operations } = await get<Operation[]>('/governance?limit=100');
    // The deploy's handover batch (8 acceptOwnership — the venue's and the cover exchange's included — + updateDelay),
    // the queued pair, the cancelled one. (The deploy registers both venues before the handover: no registration goes
    // through the timelock.)
    expect(operations).toHaveLength(3);
    expect(scheduledLogs).toHaveLength(9 + 2 + 1);
    for (const log of scheduledLogs) {
      const op = operations.find((o) => o.id === log.args.id)!;
      const call = op.callList.find((c) => BigInt(c.index) === log.args.index)!;
      expect([call.target, BigInt(call.value), call.data]).toEqual([log.args.target!.toLowerCase(), log.args.value, log.args.data]);
      const block = await publicClient.getBlock({ blockNumber: log.blockNumber });
      expect(BigInt(op.scheduledAt)).toBe(block.timestamp);
      expect(BigInt(op.readyAt)).toBe(block.timestamp + log.args.delay!);
    }
    for (const op of operations) expect(op.callList).toHaveLength(op.calls);
    const executed = new Set(executedLogs.map((l) => l.args.id));
    expect(
      operations
        .filter((o) => o.status === 'executed')
        .map((o) => o.id)
        .sort(),
    ).toEqual([...executed].sort());
    for (const log of executedLogs) {
      const call = operations.find((o) => o.id === log.args.id)!.callList.find((c) => BigInt(c.index) === log.args.index)!;
      expect(BigInt(call.executedBlock!)).toBe(log.blockNumber);
    }
    expect(cancelledLogs.map((l) => l.args.id)).toEqual([cancelled.id]);
    expect(operations.find((o) => o.id === cancelled.id)!.status).toBe('cancelled');
    const pending = operations.find((o) => o.id === queued.id)!;
    expect(pending).toMatchObject({ status: 'pending', calls: 2, salt: queued.salt, delay: String(GOVERNANCE_DELAY), readyAt: String(queued.readyAt) });
    expect(queued.readyAt).toBe(
      await publicClient.readContract({ address: timelock, abi: timelockControllerAbi, functionName: 'getTimestamp', args: [queued.id] }),
    );
    // The handover raised the delay from 0 to 15 days; the queued ones are still waiting for it.
    expect(delayLogs.map((l) => [l.args.oldDuration, l.args.newDuration])).toEqual([
      [0n, 0n],
      [0n, GOVERNANCE_DELAY],
    ]);

    // The app's question (over /sql) and the REST route agree: only the queued pair is pending.
    const viaClient = await fetchPendingGovernance(20, ponder.url);
    const { body: viaRest } = await get<Operation[]>('/governance/pending');
    expect(viaClient.map((o) => [o.id, o.readyAt, o.callList.map((c) => c.data)])).toEqual(
      viaRest.map((o) => [o.id, BigInt(o.readyAt), o.callList.map((c) => c.data)]),
    );
    expect(viaClient.map((o) => o.id)).toEqual([queued.id]);
    // In words, with the values they replace read from the chain.
    const head = await publicClient.getBlock();
    const [change] = await describeQueuedChanges(
      publicClient as never,
      viaClient,
      head.number,
      head.timestamp,
      Object.fromEntries(Object.entries(deployment.contracts).map(([k, c]) => [k, c.address])),
    );
    expect(change!.lines).toEqual(['Waterfall: Junior layer’s cap per 24 h 50% → 40% of its free capital', 'Junior pool: cooldown 7 days → 8 days']);
    expect(change!.when).toMatch(/^can execute from \d{4}-\d\d-\d\d \d\d:\d\d UTC \(chain time\)$/);
  });

  it('answers bad input with a clear 4xx, never a 500', async () => {
    const cases: [string, number][] = [
      ['/accounts/0x123/portfolio', 400],
      ['/accounts/not-an-address/portfolio', 400],
      ['/pools/mezzanine/snapshots', 400],
      ['/pools/0x0000000000000000000000000000000000000001/snapshots', 404],
      ['/events?limit=100000', 400],
      ['/events?limit=-1', 400],
      ['/events?limit=abc', 400],
    ];
    for (const [path, status] of cases) {
      const res = await get<{ error: string }>(path);
      expect(res.status, path).toBe(status);
      expect(res.body.error.length, path).toBeGreaterThan(5);
    }
    expect((await get('/no/such/route')).status).toBe(404);
  });
});
