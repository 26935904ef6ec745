import type { ReactNode } from 'react';
import { FilmIcon } from './icons.tsx';

/** "Nothing here": what happened and what to do next. */
export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="mx-4 flex flex-col items-center rounded-2xl border border-dashed border-white/15 px-6 py-16 text-center sm:mx-6">
      <FilmIcon width={40} height={40} className="text-slate-500" />
      <h2 className="mt-4 text-lg font-semibold">{title}</h2>
      {children && <div className="mt-2 max-w-md text-slate-400">{children}</div>}
    </div>
  );
}
