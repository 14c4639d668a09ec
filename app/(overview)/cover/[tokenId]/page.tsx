import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { Suspense } from 'react';
import { CoverDetail, CoverDetailLoading } from '@/components/exchange/CoverDetail';
import { savedWalletFromCookie } from '@/components/wallet/walletCookie';

type Params = { params: Promise<{ tokenId: string }> };

const tokenIdOf = (text: string) => (/^\d{1,24}$/.test(text) ? BigInt(text) : undefined);

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const tokenId = tokenIdOf((await params).tokenId);
  return { title: tokenId === undefined ? 'Cover — Backstop' : `Cover #${tokenId} — Backstop` };
}

/**
 * One cover's page, rendered on the server (the account from the wallet cookie): the heading is sent at
 * once, the cover's terms and model value stream in behind it, its trades behind those. Rendered again
 * every 4 s while visible; the wallet's code loads only when a signature is near.
 */
export default async function CoverDetailPage({ params }: Params) {
  const tokenId = tokenIdOf((await params).tokenId);
  if (tokenId === undefined) notFound();
  const saved = await savedWalletFromCookie();
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold tracking-tight">Cover #{tokenId.toString()}</h1>
        <p className="mt-1 max-w-2xl text-sm text-slate-600 dark:text-slate-300">
          Its terms and its model value now, an offer to its holder, and its trades against the model value over time.
        </p>
      </div>
      <Suspense fallback={<CoverDetailLoading />}>
        <CoverDetail tokenId={tokenId} account={saved.account} wrongNetwork={saved.wrongNetwork} />
      </Suspense>
    </div>
  );
}
