// No site header here: the header's next/link would make every route load the link code a second
// time (the root's not-found is part of every route's first load; the route groups' layouts carry
// their own copy). A plain link home is all a missing page needs.
export default function NotFound() {
  return (
    <main className="mx-auto max-w-5xl space-y-3 px-4 py-8">
      <p className="text-lg font-bold tracking-tight">Backstop</p>
      <h1 className="text-2xl font-bold">Not found</h1>
      <p className="text-slate-600 dark:text-slate-300">There is no such page. The pools are Junior and Senior.</p>
      <a href="/" className="text-indigo-700 underline dark:text-indigo-300">
        Back to the overview
      </a>
    </main>
  );
}
