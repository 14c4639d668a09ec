import { PageFrame } from '@/components/layout/PageFrame';
import { NavLink } from '@/components/ui/NavLink';

export default function NotFound() {
  return (
    <PageFrame>
      <div className="space-y-3">
        <h1 className="text-2xl font-bold">Not found</h1>
        <p className="text-slate-600 dark:text-slate-300">There is no such page. The pools are Junior and Senior.</p>
        <NavLink href="/" className="text-indigo-700 underline dark:text-indigo-300">
          Back to the overview
        </NavLink>
      </div>
    </PageFrame>
  );
}
