import { Link } from 'wouter';
import { cn } from '../../lib/cn.ts';

/** Links that set one search param (status, state, channel…); each choice has its own URL. */
export function FilterTabs({
  label,
  options,
  current,
  hrefOf,
}: {
  label: string;
  options: { value: string; label: string }[];
  current: string;
  hrefOf: (value: string) => string;
}) {
  return (
    <nav aria-label={label} className="mb-4">
      <ul className="flex flex-wrap gap-1">
        {options.map((o) => (
          <li key={o.value}>
            <Link
              href={hrefOf(o.value)}
              aria-current={o.value === current ? 'page' : undefined}
              className={cn(
                'inline-block rounded-full px-3 py-1 text-sm ring-1 ring-white/15 hover:bg-white/10',
                o.value === current && 'bg-rose-600 text-white ring-rose-500 hover:bg-rose-600',
              )}
            >
              {o.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
