'use client';

import { useRouter } from 'next/navigation';
import type { AnchorHTMLAttributes } from 'react';

/**
 * The app's in-app link: a plain `<a href>` (it works before the page's JavaScript runs, and a modified
 * or middle click opens a tab as usual) that navigates with the app router on a plain click, so the
 * page swaps without a reload and the wallet's connection carries over. Used instead of next/link,
 * whose prefetching machinery (~4 kB gzip in every page's first load, and a request per visible link
 * while the page loads) is more than a phone needs for a header of eight links.
 */
export function NavLink({ href, onClick, ...props }: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  const router = useRouter();
  return (
    <a
      href={href}
      {...props}
      onClick={(event) => {
        onClick?.(event);
        if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey || props.target) return;
        event.preventDefault();
        router.push(href);
      }}
    />
  );
}
