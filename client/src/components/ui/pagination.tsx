import { Link } from 'wouter';
import { cn } from '../../lib/cn.ts';

/** 1 … 4 5 [6] 7 8 … 20: the first, the last and the current page's neighbours. */
export function pageWindow(page: number, total: number): (number | 'gap')[] {
  const wanted = new Set([1, total, page - 2, page - 1, page, page + 1, page + 2].filter((p) => p >= 1 && p <= total));
  const sorted = [...wanted].sort((a, b) => a - b);
  const out: (number | 'gap')[] = [];
  sorted.forEach((p, i) => {
    const prev = sorted[i - 1];
    if (prev !== undefined && p - prev > 1) out.push('gap');
    out.push(p);
  });
  return out;
}

const item = 'inline-flex h-9 min-w-9 items-center justify-center rounded-md px-3 text-sm font-medium';

/** Page links (?page=N), rendered on the server like everything else: each page has its own URL. */
export function Pagination({
  page,
  totalPages,
  hrefOf,
}: {
  page: number;
  totalPages: number;
  hrefOf: (page: number) => string;
}) {
  if (totalPages <= 1) return null;
  const linkClass = cn(item, 'bg-white/5 text-slate-200 ring-1 ring-white/10 hover:bg-white/15');
  return (
    <nav aria-label="Pagination" className="mt-12 flex justify-center px-4">
      <ul className="flex flex-wrap items-center justify-center gap-1.5">
        <li>
          {page > 1 ? (
            <Link href={hrefOf(page - 1)} rel="prev" className={linkClass}>
              Previous
            </Link>
          ) : (
            <span className={cn(item, 'text-slate-400')}>Previous</span>
          )}
        </li>
        {pageWindow(page, totalPages).map((p, i) =>
          p === 'gap' ? (
            <li key={`gap-${i}`} aria-hidden="true" className="px-1 text-slate-400">
              …
            </li>
          ) : (
            <li key={p}>
              <Link
                href={hrefOf(p)}
                aria-current={p === page ? 'page' : undefined}
                aria-label={`Page ${p}`}
                className={cn(linkClass, p === page && 'bg-rose-600 text-white ring-rose-500 hover:bg-rose-600')}
              >
                {p}
              </Link>
            </li>
          ),
        )}
        <li>
          {page < totalPages ? (
            <Link href={hrefOf(page + 1)} rel="next" className={linkClass}>
              Next
            </Link>
          ) : (
            <span className={cn(item, 'text-slate-400')}>Next</span>
          )}
        </li>
      </ul>
    </nav>
  );
}
