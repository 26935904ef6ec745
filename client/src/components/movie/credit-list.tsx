import { Link } from 'wouter';
import type { PersonDetail } from '#shared/contracts/catalog';
import { hrefFor } from './media-card.tsx';

export type Credit = PersonDetail['credits']['cast'][number];

export interface MergedCredit {
  credit: Credit;
  roles: string[];
}

/** One line per title: a person credited several times on one title (writer and director) is merged. */
export function mergeCredits(credits: Credit[]): MergedCredit[] {
  const byTitle = new Map<string, MergedCredit>();
  for (const c of credits) {
    const key = `${c.mediaType}-${c.id}`;
    const role = c.character ?? c.job;
    const entry = byTitle.get(key) ?? { credit: c, roles: [] };
    if (role && !entry.roles.includes(role)) entry.roles.push(role);
    byTitle.set(key, entry);
  }
  // Newest first; undated (announced, unreleased) titles on top, as they are the newest.
  return [...byTitle.values()].sort((a, b) =>
    (b.credit.releaseDate ?? '9999').localeCompare(a.credit.releaseDate ?? '9999'),
  );
}

/** A person's credits as a dated list, each title linking to its page. */
export function CreditList({ title, credits }: { title: string; credits: MergedCredit[] }) {
  const id = `credits-${title.toLowerCase().replace(/\W+/g, '-')}`;
  if (credits.length === 0) return null;
  return (
    <section aria-labelledby={id} className="mt-12">
      <h2 id={id} className="text-xl font-semibold tracking-tight sm:text-2xl">
        {title} <span className="text-base font-normal text-slate-400">({credits.length})</span>
      </h2>
      <ol className="mt-4 divide-y divide-white/10 rounded-2xl bg-white/[0.03] ring-1 ring-white/10">
        {credits.map(({ credit, roles }) => (
          <li key={`${credit.mediaType}-${credit.id}`} className="flex items-baseline gap-4 px-4 py-3">
            <span className="w-12 shrink-0 text-sm tabular-nums text-slate-400">{credit.year ?? '—'}</span>
            <div className="min-w-0">
              <Link href={hrefFor(credit)} className="font-medium text-slate-100 hover:text-rose-300">
                {credit.title}
              </Link>
              {credit.mediaType === 'tv' && (
                <span className="ml-2 rounded bg-white/10 px-1.5 py-0.5 text-[0.65rem] font-semibold uppercase tracking-wide text-slate-300">
                  TV
                </span>
              )}
              {roles.length > 0 && <p className="text-sm text-slate-400">{roles.join(', ')}</p>}
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}
