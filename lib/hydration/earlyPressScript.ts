// The server's HTML is on screen before React has hydrated it, and a press in that gap has no listener:
// on a slow phone or a busy machine someone presses "Connect wallet" and nothing happens. An inline script
// in the document's head (the root layout) records, until hydration takes the record
// (components/hydration/earlyPress.ts), which marked controls were pressed; the control replays the press.

/** Marks a control whose press before hydration is kept: the value names the press. */
export const EARLY_PRESS_ATTRIBUTE = 'data-early-press';

/** The window property holding the record; gone once the page has hydrated and taken it. */
export const EARLY_PRESS_RECORD = '__backstopEarlyPresses';

/** The head's inline script: a capturing click listener on the document, active while the record exists. */
export const EARLY_PRESS_SCRIPT = `window.${EARLY_PRESS_RECORD}=[];document.addEventListener('click',function(e){var r=window.${EARLY_PRESS_RECORD},t=e.target;if(!r||!t||!t.closest)return;var c=t.closest('[${EARLY_PRESS_ATTRIBUTE}]');if(c)r.push(c.getAttribute('${EARLY_PRESS_ATTRIBUTE}'))},true);`;
