'use client';

import { ErrorState } from './ErrorState';

/** A route's error boundary: what went wrong, and a retry that renders the route again. */
export function RouteError({ error, reset }: { error: Error; reset: () => void }) {
  return <ErrorState title="This page hit an error" message={error.message || 'Something went wrong.'} onRetry={reset} />;
}
