// The wallet's code (wagmi, its connectors, the providers) is not in any page's first load: it is fetched
// when the user reaches for the wallet button, or when a form's transaction helper sees a signature is
// near. Whoever asks first starts the one download; the header's button (LazyConnectButton) mounts it, and
// wagmi's own hydration inside it restores the saved connection. `walletSettled` resolves once that
// hydration has settled (connected or not), so a transaction never races the reconnect.
import type WalletIsland from './WalletIsland';

type IslandModule = { default: typeof WalletIsland };

let island: Promise<IslandModule> | undefined;
const waiting = new Set<(module: IslandModule) => void>();

/** Starts (once) the wallet's download; every subscriber hears when it is there. A failed fetch may be retried. */
export function loadWallet(): Promise<IslandModule> {
  island ??= import('./WalletIsland').then(
    (module) => {
      for (const notify of waiting) notify(module);
      return module;
    },
    (error: unknown) => {
      island = undefined;
      throw error;
    },
  );
  return island;
}

/** Calls `notify` when the wallet's code has arrived (at once if it has); returns the unsubscribe. */
export function onWalletLoaded(notify: (module: IslandModule) => void): () => void {
  waiting.add(notify);
  void island?.then(notify, () => undefined);
  return () => waiting.delete(notify);
}

let settle: (() => void) | undefined;
const settled = new Promise<void>((resolve) => {
  settle = resolve;
});

/** Called by the providers once wagmi's hydration has settled (the saved connection restored, or none). */
export function markWalletSettled(): void {
  settle?.();
}

/** Resolves when the wallet's code is loaded and mounted and its saved connection restored. */
export async function walletSettled(): Promise<void> {
  await loadWallet();
  await settled;
}
