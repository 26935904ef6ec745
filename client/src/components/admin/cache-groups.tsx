import { Link } from 'wouter';
import type { CacheGroup } from '#shared/contracts/admin';
import { usePurgeCache } from '../../hooks/use-admin-mutations.ts';
import { buttonClass } from '../library/form-field.tsx';
import { pageHref } from './page-href.ts';
import { When } from './when.tsx';

/** Entries per type and category, each a link to its entries and a purge button. */
export function CacheGroups({ groups }: { groups: CacheGroup[] }) {
  return (
    <section aria-labelledby="cache-groups-heading" className="mb-8">
      <h2 id="cache-groups-heading" className="mb-2 text-lg font-semibold">
        By type and category
      </h2>
      {groups.length === 0 ? (
        <p className="text-slate-400">The cache is empty.</p>
      ) : (
        <CacheGroupTable groups={groups} />
      )}
    </section>
  );
}

function CacheGroupTable({ groups }: { groups: CacheGroup[] }) {
  const purge = usePurgeCache();
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Cache entries by type and category</caption>
        <thead className="text-xs uppercase tracking-wide text-slate-400">
          <tr>
            <th scope="col" className="py-2 pr-3">
              Type
            </th>
            <th scope="col" className="py-2 pr-3">
              Category
            </th>
            <th scope="col" className="py-2 pr-3 text-right">
              Entries
            </th>
            <th scope="col" className="py-2 pr-3 text-right">
              Expired
            </th>
            <th scope="col" className="py-2 pr-3">
              Next expiry
            </th>
            <th scope="col" className="py-2 text-right">
              Actions
            </th>
          </tr>
        </thead>
        <tbody>
          {groups.map((g) => (
            <tr key={`${g.type}/${g.category}`} className="border-t border-white/10">
              <td className="py-2 pr-3">{g.type}</td>
              <td className="py-2 pr-3">
                <Link
                  href={pageHref('/admin/cache', { type: g.type, category: g.category })}
                  className="text-rose-300 underline"
                >
                  {g.category}
                </Link>
              </td>
              <td className="py-2 pr-3 text-right tabular-nums">{g.entries}</td>
              <td className="py-2 pr-3 text-right tabular-nums">{g.expired}</td>
              <td className="py-2 pr-3">
                <When iso={g.nextExpiry} />
              </td>
              <td className="py-2 text-right">
                <button
                  type="button"
                  className={buttonClass.danger}
                  disabled={purge.isPending}
                  aria-label={`Purge ${g.type} ${g.category}`}
                  onClick={() => purge.mutate({ type: g.type, category: g.category })}
                >
                  Purge
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
