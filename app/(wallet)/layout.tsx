import type { ReactNode } from 'react';
import { PageFrame } from '@/components/layout/PageFrame';
import { Providers } from '@/components/Providers';
import { ConnectButton } from '@/components/wallet/ConnectButton';
import { NetworkBanner } from '@/components/wallet/NetworkBanner';
import { walletStateFromCookie } from '@/components/wallet/walletCookie';

/** Pages that sign: the wallet and its queries load with the page. */
export default async function WalletLayout({ children }: { children: ReactNode }) {
  return (
    <Providers initialState={await walletStateFromCookie()}>
      <PageFrame wallet={<ConnectButton />} banner={<NetworkBanner />}>
        {children}
      </PageFrame>
    </Providers>
  );
}
