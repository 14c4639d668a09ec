import { notFound } from 'next/navigation';
import { CoverMarketDetail } from '@/components/exchange/CoverMarketDetail';

export default async function CoverDetailPage({ params }: { params: Promise<{ tokenId: string }> }) {
  const { tokenId } = await params;
  if (!/^\d{1,24}$/.test(tokenId)) notFound();
  return <CoverMarketDetail tokenId={BigInt(tokenId)} />;
}
