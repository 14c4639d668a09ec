import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import './globals.css';

export const metadata: Metadata = {
  title: 'Backstop — insurance for perpetuals venues',
  description: 'Underwrite layered insurance pools and buy parametric liquidation cover.',
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

// The header and the wallet live in the two route groups' layouts: (wallet) pages load wagmi up
// front, the read-only overview loads it only when someone reaches for the wallet.
export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen">{children}</body>
    </html>
  );
}
