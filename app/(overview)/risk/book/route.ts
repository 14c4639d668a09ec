import { NextResponse } from 'next/server';
import { serverPublicClient } from '@/lib/chain/serverClient';
import type { BookAnswer } from '@/components/risk/StakePreviewPanel';
import { bookToJson } from '@/lib/risk/book';
import { readRiskBook } from '@/lib/risk/loadBook';
import { describeError } from '@/lib/tx/describeError';

export const dynamic = 'force-dynamic';

/**
 * GET /risk/book: the risk book now, 30 days ahead, read on the server (~100 RPC reads), for the stake
 * preview on the server-rendered pool pages, which ship no RPC code. Fetched once someone types an amount.
 */
export async function GET(): Promise<NextResponse<BookAnswer>> {
  try {
    const book = await readRiskBook(serverPublicClient(), { horizonDays: 30 });
    return NextResponse.json({ book: bookToJson(book) }, { headers: { 'cache-control': 'no-store' } });
  } catch (error) {
    return NextResponse.json({ error: describeError(error).message }, { status: 503 });
  }
}
