'use client';

import { type ReactNode, startTransition, useEffect, useRef, useState } from 'react';

/**
 * Whether an element has come on screen (within `rootMargin`) or been scrolled past, once: true stays
 * true. What sits below the first screen of /risk renders when a reader gets to it, not while the page
 * loads — on a phone each of these renders is a long main-thread task. The state changes in a transition,
 * so a large render yields to input instead of blocking a scroll.
 */
export function useNearScreen<T extends Element>(rootMargin = '0px'): [React.RefObject<T | null>, boolean] {
  const ref = useRef<T | null>(null);
  const [near, setNear] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (near || !el) return;
    if (typeof IntersectionObserver === 'undefined') return void setNear(true);
    const observer = new IntersectionObserver(
      (entries) => {
        // Above the screen counts too: a reader who jumped past it (a link, a restored scroll) may come back up.
        if (entries.some((e) => e.isIntersecting || e.boundingClientRect.bottom < 0)) startTransition(() => setNear(true));
      },
      { rootMargin },
    );
    observer.observe(el);
    return () => observer.disconnect();
  }, [near, rootMargin]);
  return [ref, near];
}

/** `children` once the placeholder's place comes on screen (see useNearScreen); the placeholder until then. */
export function WhenNear({ children, placeholder, rootMargin }: { children: ReactNode; placeholder: ReactNode; rootMargin?: string }) {
  const [ref, near] = useNearScreen<HTMLDivElement>(rootMargin);
  return near ? children : <div ref={ref}>{placeholder}</div>;
}
