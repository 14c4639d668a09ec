// Below 640 px a stake row is a card: each cell a line with its own label (the table's header is hidden there).
export const ROW = 'block rounded-lg border border-slate-200 p-3 sm:table-row sm:rounded-none sm:border-0 sm:border-t sm:p-0 dark:border-slate-800';
export const CELL = 'flex justify-between gap-3 py-1 text-right sm:table-cell sm:py-3 sm:pr-3 sm:text-left';
export const Label = ({ children }: { children: string }) => <span className="font-sans text-xs text-slate-500 sm:hidden">{children}</span>;
