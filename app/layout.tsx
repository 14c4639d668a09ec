import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { EARLY_PRESS_SCRIPT } from '@/lib/hydration/earlyPressScript';
import './globals.css';

export const metadata: Metadata = {
  title: 'Backstop — insurance for perpetuals venues',
  description: 'Underwrite layered insurance pools and buy parametric liquidation cover.',
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

// The header and the wallet live in the (overview) layout, which loads wagmi only when someone reaches
// for the wallet. The head's script keeps a press on the wallet's button made before hydration.
export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <head>
        {/* biome-ignore lint/security/noDangerouslySetInnerHtml: a constant of ours, no user input; it must run before the page's own code */}
        <script dangerouslySetInnerHTML={{ __html: EARLY_PRESS_SCRIPT }} />
      </head>
      <body className="min-h-screen">{children}</body>
    </html>
  );
}
