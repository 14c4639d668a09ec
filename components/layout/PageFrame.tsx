import type { ReactNode } from 'react';
import { Header } from './Header';

/** Header (with the layout's wallet control), an optional banner under it, and the page. */
export function PageFrame({ wallet, banner, children }: { wallet?: ReactNode; banner?: ReactNode; children: ReactNode }) {
  return (
    <>
      <Header wallet={wallet} />
      {banner}
      <main className="mx-auto max-w-5xl px-4 py-8">{children}</main>
    </>
  );
}
