// `npm run bench -- keeper`: from a scripted crash on a local stack, how many blocks each position stays
// under maintenance before the keeper (scripts/keeper, as `npm start` runs it) liquidates it. Twelve
// longs open at one price with margins from 1.0× to 2.1× the initial margin; the keeper's crash takes
// the price 1.3 initial fractions down in one round; its next pass liquidates every position the venue
// would liquidate. Counted from the crash round's block (a position is under maintenance from then).
import { createPublicClient, createWalletClient, http, maxUint256, type Hex } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { foundry } from 'viem/chains';
import { mockAggregatorAbi, perpVenueAbi, testUSDCAbi } from '../../contracts-abi';
import { deployProtocol } from '../chain/deploy';
import { seedStakes } from '../chain/seed';
import { publishRound, startKeeper } from '../keeper/keeper';
import { ANVIL_KEYS, startAnvil } from '../testing/anvil';
import { emptyReport, type BenchSection } from './types';

const USDC = 10n ** 6n;
const ETH = 10n ** 18n;
const PRICE = 10n ** 8n;

export const keeperSection: BenchSection = {
  id: 'keeper',
  title: 'Keeper: blocks a position stays under maintenance after a crash (local stack, automine)',
  async run() {
    const report = emptyReport();
    const anvil = await startAnvil();
    try {
      const transport = http(anvil.rpcUrl);
      const client = createPublicClient({ chain: foundry, transport });
      const deployment = await deployProtocol({ rpcUrl: anvil.rpcUrl, privateKey: ANVIL_KEYS[0], write: false });
      await seedStakes(anvil.rpcUrl, deployment);
      const venue = deployment.contracts.perpVenue.address;
      const usdc = deployment.contracts.stablecoin.address;
      const send = async (key: Hex, address: `0x${string}`, abi: readonly unknown[], functionName: string, args: readonly unknown[]) => {
        const wallet = createWalletClient({ chain: foundry, transport, account: privateKeyToAccount(key) });
        const hash = await wallet.writeContract({ address, abi, functionName, args } as never);
        await client.waitForTransactionReceipt({ hash });
      };
      await publishRound(anvil.rpcUrl, deployment, 3_000n * PRICE);
      // Twelve traders (one position per account): fixed throwaway keys, given gas by anvil_setBalance.
      const keys = Array.from({ length: 12 }, (_, i) => `0x${(0xbe0000n + BigInt(i) + 1n).toString(16).padStart(64, '0')}` as Hex);
      for (const key of keys)
        await client.request({ method: 'anvil_setBalance' as never, params: [privateKeyToAccount(key).address, '0x56BC75E2D63100000'] as never });
      const [fraction, scale] = await Promise.all([
        client.readContract({ address: venue, abi: perpVenueAbi, functionName: 'marginFractionNow' }),
        client.readContract({ address: venue, abi: perpVenueAbi, functionName: 'priceScale' }),
      ]);
      const size = 2n * ETH;
      const initial = (fraction * size * 3_000n * PRICE + scale * 10n ** 18n - 1n) / (scale * 10n ** 18n);
      for (const [i, key] of keys.entries()) {
        const margin = (initial * BigInt(10 + i)) / 10n + 10n * USDC; // 1.0×, 1.1×, … 2.1× (+ the fee)
        await send(key, usdc, testUSDCAbi, 'faucet', [margin]);
        await send(key, usdc, testUSDCAbi, 'approve', [venue, maxUint256]);
        await send(key, venue, perpVenueAbi, 'open', [true, size, margin, maxUint256]);
      }
      const crashBps = Number((fraction * 13_000n) / 10n ** 18n);
      const keeper = startKeeper({ rpcUrl: anvil.rpcUrl, deployment, intervalMs: 1_000, config: { pushEvery: 10n ** 12n }, log: () => {} });
      const started = Date.now();
      await keeper.crash(crashBps);
      const seconds = (Date.now() - started) / 1000;
      await keeper.stop();
      const [round] = await client
        .getContractEvents({ address: deployment.contracts.priceFeed.address, abi: mockAggregatorAbi, eventName: 'AnswerUpdated', fromBlock: 0n })
        .then((l) => l.slice(-1));
      const crashBlock = round!.blockNumber;
      const liquidations = await client.getContractEvents({ address: venue, abi: perpVenueAbi, eventName: 'PositionLiquidated', fromBlock: crashBlock });
      const rows = liquidations.map((l) => [
        `${l.args.trader!.slice(0, 8)}…`,
        l.args.badDebt! > 0n ? 'full, bad debt' : l.args.size === 0n ? 'full' : 'partial',
        Number(l.blockNumber - crashBlock),
      ]);
      report.tables.push({
        title: `Crash of ${crashBps / 100} % in one round (block ${crashBlock}); ${liquidations.length} of 12 positions liquidatable`,
        columns: [{ header: 'trader' }, { header: 'liquidation' }, { header: 'blocks under maintenance', align: 'right' }],
        rows,
      });
      const blocks = rows.map((r) => r[2] as number);
      report.notes.push(
        `Every liquidatable position was liquidated ${Math.min(...blocks)}–${Math.max(...blocks)} block(s) after the crash round, within ${seconds.toFixed(1)} s of wall time: ` +
          'the keeper publishes the round, snapshots again at once and liquidates in its next pass before poking σ. With automine every transaction is ' +
          'its own block, so the k-th liquidation lands k blocks after the crash; a keeper sending them in parallel (or a multicall) would put them all in the next block.',
      );
    } finally {
      await anvil.stop();
    }
    return report;
  },
};
