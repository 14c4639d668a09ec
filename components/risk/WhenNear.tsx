'use client';

import { type ComponentType, type ReactNode, startTransition, useEffect, useRef, useState } from 'react';

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

/**
 * A component whose code loads when its place nears the screen: a plain `import()` on approach (not
 * next/dynamic, whose loader modules and bail-out boundary were part of the page's hydration), the
 * placeholder until the code has arrived, and a sentence if it cannot arrive. `load` must be stable (a
 * module-level function), so the import starts once.
 */
export function WhenNearLoad<P extends object>({
  load,
  props,
  placeholder,
  rootMargin,
}: {
  load: () => Promise<ComponentType<P>>;
  props: P;
  placeholder: ReactNode;
  rootMargin?: string;
}) {
  const [ref, near] = useNearScreen<HTMLDivElement>(rootMargin);
  const [loaded, setLoaded] = useState<{ Component: ComponentType<P> } | { error: string } | null>(null);
  useEffect(() => {
    if (!near || loaded) return;
    let live = true;
    load().then(
      (Component) => live && startTransition(() => setLoaded({ Component })),
      (e: unknown) => live && setLoaded({ error: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      live = false;
    };
  }, [near, loaded, load]);
  if (loaded && 'Component' in loaded) return <loaded.Component {...props} />;
  if (loaded)
    return (
      <p role="alert" className="text-sm text-red-700 dark:text-red-400">
        This panel&apos;s code did not load ({loaded.error}). Reload the page to try again.
      </p>
    );
  return <div ref={ref}>{placeholder}</div>;
}
