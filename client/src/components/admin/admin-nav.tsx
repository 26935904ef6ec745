import { Link, useLocation } from 'wouter';
import { cn } from '../../lib/cn.ts';
import { useLiveStatus } from '../../hooks/use-live-events.ts';

const SECTIONS = [
  { href: '/admin', label: 'Overview' },
  { href: '/admin/users', label: 'Users' },
  { href: '/admin/moderation', label: 'Moderation' },
  { href: '/admin/cache', label: 'Cache' },
  { href: '/admin/jobs', label: 'Jobs' },
  { href: '/admin/outbox', label: 'Outbox' },
  { href: '/admin/audit', label: 'Audit log' },
];

const isCurrent = (href: string, location: string) =>
  href === '/admin' ? location === '/admin' : location.startsWith(href);

/** The admin sections, with the live-updates indicator (the page's WebSocket). */
export function AdminNav() {
  const [location] = useLocation();
  const live = useLiveStatus();
  return (
    <div className="flex flex-wrap items-center gap-3 border-b border-white/10 pb-3">
      <nav aria-label="Admin sections">
        <ul className="flex flex-wrap gap-1">
          {SECTIONS.map((s) => (
            <li key={s.href}>
              <Link
                href={s.href}
                aria-current={isCurrent(s.href, location) ? 'page' : undefined}
                className={cn(
                  'inline-block rounded-md px-3 py-1.5 text-sm font-medium text-slate-300 hover:bg-white/10 hover:text-white',
                  isCurrent(s.href, location) && 'bg-white/10 text-white',
                )}
              >
                {s.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <p role="status" className="ml-auto flex items-center gap-2 text-xs text-slate-400">
        <span
          aria-hidden="true"
          className={cn('inline-block h-2 w-2 rounded-full', live === 'open' ? 'bg-emerald-400' : 'bg-slate-500')}
        />
        {live === 'open' ? 'Live updates on' : 'Live updates off'}
      </p>
    </div>
  );
}
