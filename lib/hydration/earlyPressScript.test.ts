import { describe, expect, it } from 'vitest';
import { EARLY_PRESS_ATTRIBUTE, EARLY_PRESS_RECORD, EARLY_PRESS_SCRIPT } from './earlyPressScript';

type Listener = (event: { target: unknown }) => void;

/** Runs the head script against a window and document of its own; returns what it registered. */
function runScript() {
  const window: Record<string, unknown> = {};
  const listeners: { type: string; listener: Listener; capture: unknown }[] = [];
  const document = { addEventListener: (type: string, listener: Listener, capture: unknown) => listeners.push({ type, listener, capture }) };
  new Function('window', 'document', EARLY_PRESS_SCRIPT)(window, document);
  const click = (target: unknown) => {
    for (const l of listeners) if (l.type === 'click') l.listener({ target });
  };
  return { window, listeners, click };
}

/** An element whose closest marked ancestor carries `press` (or none). */
function elementUnder(press: string | null) {
  return {
    closest: (selector: string) => {
      expect(selector).toBe(`[${EARLY_PRESS_ATTRIBUTE}]`);
      return press === null ? null : { getAttribute: (name: string) => (name === EARLY_PRESS_ATTRIBUTE ? press : null) };
    },
  };
}

describe('the early-press head script', () => {
  it('listens to clicks in the capture phase and starts an empty record', () => {
    const { window, listeners } = runScript();
    expect(listeners.map((l) => [l.type, l.capture])).toEqual([['click', true]]);
    expect(window[EARLY_PRESS_RECORD]).toEqual([]);
  });

  it('records the marked control a press landed in, in order, and nothing for unmarked places', () => {
    const { window, click } = runScript();
    click(elementUnder('connect-wallet'));
    click(elementUnder(null));
    click({}); // a target without closest (a document, say)
    click(null);
    click(elementUnder('disconnect'));
    expect(window[EARLY_PRESS_RECORD]).toEqual(['connect-wallet', 'disconnect']);
  });

  it('records nothing once the record has been taken', () => {
    const { window, click } = runScript();
    window[EARLY_PRESS_RECORD] = undefined;
    click(elementUnder('connect-wallet'));
    expect(window[EARLY_PRESS_RECORD]).toBeUndefined();
  });
});
