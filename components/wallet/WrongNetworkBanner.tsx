import { chain } from '@/lib/chain/config';
import { SwitchNetworkButton } from './SwitchNetworkButton';
import type { SavedWallet } from './walletCookie';

/**
 * Shown when the saved wallet connection is on another chain (read from the wallet cookie on the
 * server; WalletSync renders the page again when the wallet changes chain): one button to switch.
 */
export function WrongNetworkBanner({ saved: { chainId, wrongNetwork } }: { saved: SavedWallet }) {
  if (!wrongNetwork) return null;
  return (
    <div
      role="alert"
      data-testid="wrong-network"
      className="border-b border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100"
    >
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-3">
        <span>
          Your wallet is on chain {chainId}. Backstop runs on {chain.name} (chain {chain.id}).
        </span>
        <SwitchNetworkButton chainId={chain.id} chainName={chain.name} />
      </div>
    </div>
  );
}
