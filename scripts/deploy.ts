// `tsx scripts/deploy.ts` — deploy Backstop to RPC_URL with PRIVATE_KEY (STABLECOIN optional).
// Defaults target the local anvil with its first dev key. Every contract ends up owned by a
// TimelockController (15-day delay): PROPOSER (required off the local chain: the multisig that queues
// changes) and EXECUTOR (default: the proposer; `anyone` lets anybody execute a ready change).
import { zeroAddress, type Address, type Hex } from 'viem';
import { deployProtocol, deploymentPath } from './chain/deploy';
import { ANVIL_KEYS } from './testing/anvil';

const rpcUrl = process.env.RPC_URL ?? 'http://127.0.0.1:8545';
const isLocal = /127\.0\.0\.1|localhost/.test(rpcUrl);
const privateKey = (process.env.PRIVATE_KEY ?? (isLocal ? ANVIL_KEYS[0] : undefined)) as Hex | undefined;
if (!privateKey) {
  console.error('PRIVATE_KEY is required for a non-local RPC_URL');
  process.exit(1);
}
const deployment = await deployProtocol({
  rpcUrl,
  privateKey,
  stablecoin: process.env.STABLECOIN as Address | undefined,
  guardian: process.env.GUARDIAN as Address | undefined,
  treasury: process.env.TREASURY as Address | undefined,
  priceFeed: process.env.PRICE_FEED as Address | undefined,
  sequencerUptimeFeed: process.env.SEQUENCER_UPTIME_FEED as Address | undefined,
  proposer: process.env.PROPOSER as Address | undefined,
  executor: process.env.EXECUTOR === 'anyone' ? zeroAddress : (process.env.EXECUTOR as Address | undefined),
});
console.log(`deployed to chain ${deployment.chainId}; addresses in ${deploymentPath(deployment.chainId)}`);
for (const [name, c] of Object.entries(deployment.contracts)) console.log(`  ${name.padEnd(20)} ${c.address}`);
