import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { menuKeyAction } from './menuKeys';

describe('menuKeyAction', () => {
  it('moves down and up with wrapping, and Home/End to the ends', () => {
    expect(menuKeyAction('ArrowDown', 0, 3)).toEqual({ focus: 1 });
    expect(menuKeyAction('ArrowDown', 2, 3)).toEqual({ focus: 0 });
    expect(menuKeyAction('ArrowUp', 0, 3)).toEqual({ focus: 2 });
    expect(menuKeyAction('ArrowUp', 2, 3)).toEqual({ focus: 1 });
    expect(menuKeyAction('Home', 2, 3)).toEqual({ focus: 0 });
    expect(menuKeyAction('End', 0, 3)).toEqual({ focus: 2 });
  });

  it('from no focused item, down goes to the first and up to the last', () => {
    expect(menuKeyAction('ArrowDown', -1, 4)).toEqual({ focus: 0 });
    expect(menuKeyAction('ArrowUp', -1, 4)).toEqual({ focus: 3 });
  });

  it('Escape closes back to the button, Tab closes and moves on, other keys do nothing', () => {
    expect(menuKeyAction('Escape', 1, 3)).toEqual({ close: 'to-button' });
    expect(menuKeyAction('Tab', 1, 3)).toEqual({ close: 'onwards' });
    expect(menuKeyAction('a', 1, 3)).toBeUndefined();
    expect(menuKeyAction('Enter', 1, 3)).toBeUndefined(); // the focused item's own click
  });

  it('an empty menu can only be left', () => {
    expect(menuKeyAction('ArrowDown', -1, 0)).toBeUndefined();
    expect(menuKeyAction('Escape', -1, 0)).toEqual({ close: 'to-button' });
  });

  it('always lands on an item, and n presses of ArrowDown (or ArrowUp) come back to the start', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20 }), fc.nat(), fc.constantFrom('ArrowDown', 'ArrowUp', 'Home', 'End'), (count, seed, key) => {
        const start = seed % count;
        const action = menuKeyAction(key, start, count);
        expect(action && 'focus' in action).toBe(true);
        const landed = (action as { focus: number }).focus;
        expect(landed).toBeGreaterThanOrEqual(0);
        expect(landed).toBeLessThan(count);
        if (key === 'ArrowDown' || key === 'ArrowUp') {
          let at = start;
          for (let i = 0; i < count; i++) at = (menuKeyAction(key, at, count) as { focus: number }).focus;
          expect(at).toBe(start);
        }
      }),
    );
  });
});
