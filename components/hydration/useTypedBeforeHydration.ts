'use client';

import { type RefObject, useEffect, useRef } from 'react';

/**
 * For a server-rendered controlled text box: what was typed into it before the page hydrated. React keeps
 * the typed text on screen but never tells the form, so the box would show an amount the form's state (its
 * validation, preview and transaction) does not have. At hydration the box's text is handed to `onChange`
 * as if typed then. Returns the ref to put on the input.
 */
export function useTypedBeforeHydration(value: string, onChange: (value: string) => void): RefObject<HTMLInputElement | null> {
  const input = useRef<HTMLInputElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: only the first commit (hydration) can find text React did not see
  useEffect(() => {
    const typed = input.current?.value;
    if (typed !== undefined && typed !== value) onChange(typed);
  }, []);
  return input;
}
