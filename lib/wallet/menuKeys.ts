// The wallet menu follows the WAI-ARIA menu-button pattern: the keys move focus among the items, wrapping,
// and Escape or Tab leave the menu. Which item a key lands on is decided here; the component moves focus.

/** What a key does in a menu of `count` items whose item `current` has focus (−1: none). */
export type MenuKeyAction = { focus: number } | { close: 'to-button' | 'onwards' } | undefined;

export function menuKeyAction(key: string, current: number, count: number): MenuKeyAction {
  if (key === 'Escape') return { close: 'to-button' };
  if (key === 'Tab') return { close: 'onwards' };
  if (count === 0) return undefined;
  switch (key) {
    case 'ArrowDown':
      return { focus: current < 0 ? 0 : (current + 1) % count };
    case 'ArrowUp':
      return { focus: current < 0 ? count - 1 : (current - 1 + count) % count };
    case 'Home':
      return { focus: 0 };
    case 'End':
      return { focus: count - 1 };
    default:
      return undefined;
  }
}
