'use client';

import { useRouter } from 'next/navigation';
import { ErrorState } from '../ui/ErrorState';

/** An error state on a server-rendered page: Retry renders the page again on the server. */
export function RefreshErrorState({ title, message }: { title: string; message: string }) {
  const router = useRouter();
  return <ErrorState title={title} message={message} onRetry={() => router.refresh()} />;
}
