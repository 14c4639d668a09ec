import { EARLY_PRESS_RECORD } from '@/lib/hydration/earlyPressScript';

export { EARLY_PRESS_ATTRIBUTE } from '@/lib/hydration/earlyPressScript';

type WithRecord = { [EARLY_PRESS_RECORD]?: string[] };

/**
 * The presses recorded before hydration (lib/hydration/earlyPressScript.ts), in order, and the end of
 * recording: from now on React hears every press itself, so a later mount (a navigation back to the layout)
 * cannot replay a press it already handled. Call once, from the one control that owns the record, after it
 * has hydrated (an effect).
 */
export function takeEarlyPresses(): string[] {
  const host = window as unknown as WithRecord;
  const presses = host[EARLY_PRESS_RECORD] ?? [];
  host[EARLY_PRESS_RECORD] = undefined;
  return presses;
}
