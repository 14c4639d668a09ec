// Starts anvil, deploys and seeds exactly as `npm start` does, and checks the addresses match the
// ones the app was built with (contracts-abi/deployments/31337.json). Returns the teardown.
import { readFileSync } from 'node:fs';
import { createPublicClient, http } from 'viem';
import { deployProtocol, deploymentPath } from '../../scripts/chain/deploy';
import { seedDemo } from '../../scripts/chain/seed';
import { ANVIL_KEYS, startAnvil } from '../../scripts/testing/anvil';
import { startPonder } from '../../scripts/testing/ponder';
import { E2E_CHAIN_PORT, E2E_INDEXER_PORT } from '../../scripts/testing/e2eEnv';

export default async function globalSetup() {
  const anvil = await startAnvil({ port: E2E_CHAIN_PORT });
  let ponder: Awaited<ReturnType<typeof startPonder>> | undefined;
  try {
    const deployment = await deployProtocol({ rpcUrl: anvil.rpcUrl, privateKey: ANVIL_KEYS[0], write: false });
    const built = JSON.parse(readFileSync(deploymentPath(31337), 'utf8'));
    for (const [name, contract] of Object.entries(deployment.contracts)) {
      if (built.contracts[name]?.address !== contract.address) {
        throw new Error(
          `${name} deployed at ${contract.address}, but the app was built for ${built.contracts[name]?.address}: run \`npm start\` once or the deploy, then rebuild`,
        );
      }
    }
    await seedDemo(anvil.rpcUrl, deployment);
    // The real indexer on its embedded database, so history on the pages is the real thing.
    ponder = await startPonder({ rpcUrl: anvil.rpcUrl, port: E2E_INDEXER_PORT });
    await ponder.waitForBlock(await createPublicClient({ transport: http(anvil.rpcUrl) }).getBlockNumber(), 120_000);
    // Specs run in workers started after this: they find the indexer's process group and the chain's process here.
    process.env.E2E_PONDER_PID = String(ponder.process.pid);
    process.env.E2E_ANVIL_PID = String(anvil.process.pid);
  } catch (error) {
    // A failed setup must not leave its chain on the port: the next run would deploy onto it.
    await ponder?.stop();
    await anvil.stop();
    throw error;
  }
  return async () => {
    await ponder?.stop();
    await anvil.stop();
  };
}
