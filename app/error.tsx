'use client';

import { ErrorState } from '@/components/ui/ErrorState';

export default function RouteError({ error, reset }: { error: Error; reset: () => void }) {
  return <ErrorState title="This page hit an error" message={error.message || 'Something went wrong.'} onRetry={reset} />;
}
