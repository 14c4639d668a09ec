'use client';

import { type StalenessClock, useVenueStaleness } from './useVenueStaleness';

/** The market card's word on a stale price or σ (opening waits for the oracle; closing and adding margin do not). */
export function StaleNotice({ clock }: { clock: StalenessClock }) {
  const stale = useVenueStaleness(clock);
  return stale ? (
    <p className="mt-4 rounded-md bg-amber-50 p-2 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-200" data-testid="venue-stale">
      {stale}
    </p>
  ) : null;
}
