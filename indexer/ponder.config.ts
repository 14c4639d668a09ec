// Ponder indexes Backstop's events into tables for the app's history views. ABIs and addresses come
// from contracts-abi/ (generated), never copied. Locally: embedded PGlite; in production set
// DATABASE_URL and the same code writes to Postgres.
import { createConfig } from 'ponder';
import {
  backstopPoolAbi,
  coverExchangeAbi,
  coverMarketAbi,
  perpVenueAbi,
  recapitalizerAbi,
  shortfallWaterfallAbi,
  timelockControllerAbi,
  volatilityOracleAbi,
} from '../contracts-abi';
import { deployments } from '../contracts-abi/deployments';

const chainId = Number(process.env.PONDER_CHAIN_ID ?? 31337);
// PONDER_RPC_URL may list several providers, comma-separated: Ponder spreads requests over them and
// rate-limits each on its own (about 20 requests/s at first, raised slowly while it keeps up) — a
// budget sized for public providers. A local anvil has no limit of its own, so locally the node is
// listed LOCAL_RPC_LANES times: the same node, more of Ponder's budget (measured by npm run bench).
const LOCAL_RPC_LANES = 3;
const rpcUrls = (process.env.PONDER_RPC_URL ?? 'http://127.0.0.1:8545')
  .split(',')
  .map((url) => url.trim())
  .filter(Boolean);
const rpc = chainId === 31337 && rpcUrls.length === 1 ? Array<string>(LOCAL_RPC_LANES).fill(rpcUrls[0]!) : rpcUrls;
const deployment = deployments[chainId];
if (!deployment) throw new Error(`No deployment for chain ${chainId} in contracts-abi/deployments`);
const { juniorPool, seniorPool, shortfallWaterfall, recapitalizer, coverMarket, coverExchange, volatilityOracle, timelock, perpVenue } = deployment.contracts;
if (!juniorPool || !seniorPool || !shortfallWaterfall || !recapitalizer || !coverMarket || !coverExchange || !volatilityOracle || !timelock || !perpVenue) {
  throw new Error(`The chain ${chainId} deployment lacks the underwriting contracts: redeploy with scripts/deploy.ts`);
}

export default createConfig({
  database: process.env.DATABASE_URL
    ? { kind: 'postgres', connectionString: process.env.DATABASE_URL }
    : { kind: 'pglite', directory: process.env.PONDER_PGLITE_DIR ?? '.ponder/pglite' },
  chains: {
    backstop: { id: chainId, rpc, pollingInterval: chainId === 31337 ? 250 : 2_000, disableCache: chainId === 31337 },
  },
  contracts: {
    BackstopPool: {
      abi: backstopPoolAbi,
      chain: 'backstop',
      address: [juniorPool.address, seniorPool.address],
      startBlock: Math.min(juniorPool.blockNumber, seniorPool.blockNumber),
    },
    ShortfallWaterfall: { abi: shortfallWaterfallAbi, chain: 'backstop', address: shortfallWaterfall.address, startBlock: shortfallWaterfall.blockNumber },
    Recapitalizer: { abi: recapitalizerAbi, chain: 'backstop', address: recapitalizer.address, startBlock: recapitalizer.blockNumber },
    CoverMarket: { abi: coverMarketAbi, chain: 'backstop', address: coverMarket.address, startBlock: coverMarket.blockNumber },
    CoverExchange: { abi: coverExchangeAbi, chain: 'backstop', address: coverExchange.address, startBlock: coverExchange.blockNumber },
    VolatilityOracle: { abi: volatilityOracleAbi, chain: 'backstop', address: volatilityOracle.address, startBlock: volatilityOracle.blockNumber },
    TimelockController: { abi: timelockControllerAbi, chain: 'backstop', address: timelock.address, startBlock: timelock.blockNumber },
    PerpVenue: { abi: perpVenueAbi, chain: 'backstop', address: perpVenue.address, startBlock: perpVenue.blockNumber },
  },
});
