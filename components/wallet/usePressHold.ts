'use client';

import { type KeyboardEvent, type PointerEvent, useState } from 'react';

/**
 * Whether a press on the server-drawn wallet control is in progress. The wallet's code is often fetched by
 * the hover before a press and arrives mid-press: putting the real control in then would move the press's
 * release onto a new element, and the browser sends no click at all — the press is lost. The swap waits for
 * the press to end (pointer released or cancelled; Space released), which comes just after its click.
 */
export function usePressHold(): { pressing: boolean; holdPress: { onPointerDown: (e: PointerEvent) => void; onKeyDown: (e: KeyboardEvent) => void } } {
  const [pressing, setPressing] = useState(false);
  const holdUntil = (...endings: string[]) => {
    setPressing(true);
    const listening = new AbortController();
    // The click follows the release within the same task: releasing the hold a task later lets it land first.
    const end = () => {
      listening.abort();
      setTimeout(() => setPressing(false), 0);
    };
    for (const ending of endings) window.addEventListener(ending, end, { capture: true, signal: listening.signal });
  };
  return {
    pressing,
    holdPress: {
      onPointerDown: (e) => {
        if (e.isPrimary) holdUntil('pointerup', 'pointercancel');
      },
      // Enter clicks on its key-down; Space clicks on its key-up.
      onKeyDown: (e) => {
        if (e.key === ' ' && !e.repeat) holdUntil('keyup', 'blur');
      },
    },
  };
}
