import type { ReactNode } from 'react';
import { PageFrame } from '@/components/layout/PageFrame';
import { LazyConnectButton } from '@/components/wallet/LazyConnectButton';
import { savedWalletFromCookie } from '@/components/wallet/walletCookie';
import { WrongNetworkBanner } from '@/components/wallet/WrongNetworkBanner';

/**
 * Pages rendered on the server, the visitor's own numbers included (the account comes from the wallet
 * cookie): the wallet code loads only when it is needed — the wallet button reached for, or a form's
 * signature near (components/wallet/walletLoader.ts).
 */
export default async function ServerRenderedLayout({ children }: { children: ReactNode }) {
  const saved = await savedWalletFromCookie();
  return (
    <PageFrame wallet={<LazyConnectButton initialState={saved.state} />} banner={<WrongNetworkBanner saved={saved} />}>
      {children}
    </PageFrame>
  );
}
