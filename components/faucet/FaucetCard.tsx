import type { Address } from 'viem';
import { testUSDCAbi } from '@/contracts-abi';
import { abiFunctions } from '@/lib/chain/abiItems';
import { IS_LOCAL_CHAIN } from '@/lib/chain/config';
import { serverPublicClient } from '@/lib/chain/serverClient';
import { ASSET_SYMBOL } from '@/lib/chain/tokens';
import { formatAssets } from '@/lib/format/tokenAmount';
import { Card } from '../ui/Card';
import { FaucetButton } from './FaucetButton';

// Picked here on the server: the button carries this one item, not the token's whole ABI.
const FAUCET_ABI = abiFunctions(testUSDCAbi, ['faucet']);

type Props = { stablecoin: Address; account: Address | undefined; disabled: boolean };

/**
 * Test funds wherever a user needs them (pool, cover and venue pages); hidden where the stablecoin is
 * real. One click draws the contract's own per-request cap (TestUSDC.FAUCET_CAP, read on the server), so
 * the words say exactly what the click gives.
 */
export async function FaucetCard({ stablecoin, account, disabled }: Props) {
  if (!(IS_LOCAL_CHAIN || process.env.NEXT_PUBLIC_FAUCET === 'on')) return null;
  const draw = await serverPublicClient()
    .readContract({ address: stablecoin, abi: testUSDCAbi, functionName: 'FAUCET_CAP' })
    .catch(() => undefined);
  return (
    <Card title="Test funds">
      <p className="mb-3 text-sm text-slate-600 dark:text-slate-300" data-testid="faucet-terms">
        {draw === undefined
          ? `This chain's ${ASSET_SYMBOL} is a test token with a faucet.`
          : `This chain's ${ASSET_SYMBOL} is a test token: each click mints ${formatAssets(draw)} to your account, the most the faucet gives in one request.`}
      </p>
      <FaucetButton stablecoin={stablecoin} account={account} disabled={disabled} draw={draw} faucetAbi={FAUCET_ABI} />
    </Card>
  );
}
