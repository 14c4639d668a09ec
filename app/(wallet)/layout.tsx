import type { ReactNode } from 'react';
import { PageFrame } from '@/components/layout/PageFrame';
import { Providers } from '@/components/Providers';
import { ConnectButton } from '@/components/wallet/ConnectButton';
import { savedWalletFromCookie } from '@/components/wallet/walletCookie';
import { WrongNetworkBanner } from '@/components/wallet/WrongNetworkBanner';

/** Pages whose reads are client-side queries (the cover exchange): the wallet and its queries load with the page. */
export default async function WalletLayout({ children }: { children: ReactNode }) {
  const saved = await savedWalletFromCookie();
  return (
    <Providers initialState={saved.state}>
      <PageFrame wallet={<ConnectButton />} banner={<WrongNetworkBanner saved={saved} />}>
        {children}
      </PageFrame>
    </Providers>
  );
}
