import type { Metadata, Viewport } from 'next';
import { headers } from 'next/headers';
import type { ReactNode } from 'react';
import { cookieToInitialState } from 'wagmi';
import { Providers } from '@/components/Providers';
import { Header } from '@/components/layout/Header';
import { NetworkBanner } from '@/components/wallet/NetworkBanner';
import { wagmiConfig } from '@/lib/wagmi/config';
import './globals.css';

export const metadata: Metadata = {
  title: 'Backstop — insurance for perpetuals venues',
  description: 'Underwrite layered insurance pools and buy parametric liquidation cover.',
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const initialState = cookieToInitialState(wagmiConfig, (await headers()).get('cookie'));
  return (
    <html lang="en">
      <body className="min-h-screen">
        <Providers initialState={initialState}>
          <Header />
          <NetworkBanner />
          <main className="mx-auto max-w-5xl px-4 py-8">{children}</main>
        </Providers>
      </body>
    </html>
  );
}
