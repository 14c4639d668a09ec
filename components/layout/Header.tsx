import Link from 'next/link';
import { ConnectButton } from '../wallet/ConnectButton';

const NAV = [
  { href: '/', label: 'Overview' },
  { href: '/pools/junior', label: 'Junior' },
  { href: '/pools/senior', label: 'Senior' },
  { href: '/cover', label: 'Cover' },
  { href: '/portfolio', label: 'Portfolio' },
];

export function Header() {
  return (
    <header className="border-b border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-950">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <div className="flex items-center gap-6">
          <Link href="/" className="text-lg font-bold tracking-tight text-slate-900 dark:text-white">
            Backstop
          </Link>
          <nav aria-label="Main" className="flex gap-4 text-sm">
            {NAV.map((item) => (
              <Link key={item.href} href={item.href} className="whitespace-nowrap text-slate-600 hover:text-slate-900 dark:text-slate-300 dark:hover:text-white">
                {item.label}
              </Link>
            ))}
          </nav>
        </div>
        <ConnectButton />
      </div>
    </header>
  );
}
