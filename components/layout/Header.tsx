import { NavLink } from '@/components/ui/NavLink';
import type { ReactNode } from 'react';

const NAV = [
  { href: '/', label: 'Overview' },
  { href: '/pools/junior', label: 'Junior' },
  { href: '/pools/senior', label: 'Senior' },
  { href: '/cover', label: 'Cover' },
  { href: '/venue', label: 'Venue' },
  { href: '/cover/market', label: 'Market' },
  { href: '/risk', label: 'Risk' },
  { href: '/portfolio', label: 'Portfolio' },
];

/** The brand, the main nav and the wallet control the layout passes in (none on error pages). */
export function Header({ wallet }: { wallet?: ReactNode }) {
  return (
    <header className="border-b border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-950">
      {/* Phone: brand and wallet on one row, the nav on its own row below; wider screens: one row. */}
      <div className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
        <NavLink href="/" className="order-1 text-lg font-bold tracking-tight text-slate-900 dark:text-white">
          Backstop
        </NavLink>
        <nav aria-label="Main" className="order-3 flex w-full gap-4 overflow-x-auto text-sm md:order-2 md:w-auto">
          {NAV.map((item) => (
            <NavLink
              key={item.href}
              href={item.href}
              className="whitespace-nowrap py-1 text-slate-600 hover:text-slate-900 dark:text-slate-300 dark:hover:text-white"
            >
              {item.label}
            </NavLink>
          ))}
        </nav>
        <div className="order-2 ml-auto md:order-3">{wallet}</div>
      </div>
    </header>
  );
}
