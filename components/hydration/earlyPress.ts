// The server's HTML is on screen before React has hydrated it, and a press in that gap has no listener:
// on a slow phone or a busy machine someone presses "Connect wallet" and nothing happens. An inline script
// in the document's head (the root layout) records, until hydration takes the record, which marked
// controls were pressed; the control replays the press when it mounts.

/** Marks a control whose press before hydration is kept: the value names the press. */
export const EARLY_PRESS_ATTRIBUTE = 'data-early-press';

const RECORD = '__backstopEarlyPresses';

/** The head's inline script: a capturing click listener on the document, active while the record exists. */
export const EARLY_PRESS_SCRIPT = `window.${RECORD}=[];document.addEventListener('click',function(e){var r=window.${RECORD},t=e.target;if(!r||!t||!t.closest)return;var c=t.closest('[${EARLY_PRESS_ATTRIBUTE}]');if(c)r.push(c.getAttribute('${EARLY_PRESS_ATTRIBUTE}'))},true);`;

type WithRecord = { [RECORD]?: string[] };

/**
 * The presses recorded before hydration, in order, and the end of recording: from now on React hears every
 * press itself, so a later mount (a navigation back to the layout) cannot replay a press it already handled.
 * Call once, from the one control that owns the record, after it has hydrated (an effect).
 */
export function takeEarlyPresses(): string[] {
  const host = window as unknown as WithRecord;
  const presses = host[RECORD] ?? [];
  host[RECORD] = undefined;
  return presses;
}
