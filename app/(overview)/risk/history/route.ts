import { NextResponse } from 'next/server';
import type { HistoryJson } from '@/components/risk/SolvencyHistory';
import { serverPublicClient } from '@/lib/chain/serverClient';
import { bookToJson } from '@/lib/risk/book';
import { readBookHistory } from '@/lib/risk/history';
import { readRiskBook } from '@/lib/risk/loadBook';
import { describeError } from '@/lib/tx/describeError';

export const dynamic = 'force-dynamic';

/**
 * GET /risk/history[?block=N]: the book at the end of each of the last 14 days, for the solvency history the
 * page recomputes. Fetched by the page after its first simulation, so reading two weeks of past state
 * never competes with the simulation for the machine.
 */
export async function GET(request: Request): Promise<NextResponse<HistoryJson>> {
  try {
    const client = serverPublicClient();
    // ?block=N: the history leading up to the block the page read its book at.
    const block = new URL(request.url).searchParams.get('block');
    const now = await readRiskBook(client, { horizonDays: 30, blockNumber: block && /^\d+$/.test(block) ? BigInt(block) : undefined });
    const points = await readBookHistory(client, now, { days: 14 });
    return NextResponse.json({ points: points.map((p) => ({ day: p.day, blockNumber: p.blockNumber.toString(), book: bookToJson(p.book) })) });
  } catch (error) {
    return NextResponse.json({ error: `Solvency history is unavailable: this RPC does not serve past state (${describeError(error).message})` });
  }
}
