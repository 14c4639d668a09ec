import type { ReactNode } from 'react';
import { PageFrame } from '@/components/layout/PageFrame';
import { LazyConnectButton } from '@/components/wallet/LazyConnectButton';
import { walletStateFromCookie } from '@/components/wallet/walletCookie';

/** The read-only overview, rendered on the server: the wallet code loads only when it is needed. */
export default async function OverviewLayout({ children }: { children: ReactNode }) {
  return <PageFrame wallet={<LazyConnectButton initialState={await walletStateFromCookie()} />}>{children}</PageFrame>;
}
