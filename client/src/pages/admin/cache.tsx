import { Link, useSearch } from 'wouter';
import { AdminShell } from '../../components/admin/admin-shell.tsx';
import { CacheActions } from '../../components/admin/cache-actions.tsx';
import { CacheEntries } from '../../components/admin/cache-entries.tsx';
import { CacheGroups } from '../../components/admin/cache-groups.tsx';
import { pageHref } from '../../components/admin/page-href.ts';
import { Pagination } from '../../components/ui/pagination.tsx';
import {
  adminCacheGroupsQuery,
  adminCacheQuery,
  adminPrefetch,
  adminTitle,
  queryFrom,
  useAdminCache,
  useAdminCacheGroups,
} from '../../hooks/use-admin.ts';
import type { RouteDef } from '../../route-types.ts';

const cacheQuery = (search: URLSearchParams) => queryFrom(search, ['type', 'category', 'page']);

function Cache() {
  const q = cacheQuery(new URLSearchParams(useSearch()));
  const { data: groups } = useAdminCacheGroups();
  const { data } = useAdminCache(q);
  const filtered = q.type || q.category;
  return (
    <>
      <CacheActions />
      <CacheGroups groups={groups.items} />
      {filtered && (
        <p className="mb-2 text-sm">
          <Link href="/admin/cache" className="text-rose-300 underline">
            Show every entry
          </Link>
        </p>
      )}
      <CacheEntries
        entries={data.items}
        caption={
          filtered
            ? `Entries: ${[q.type, q.category].filter(Boolean).join(' / ')} (${data.meta.total})`
            : `Entries (${data.meta.total})`
        }
      />
      <Pagination
        page={data.meta.page}
        totalPages={data.meta.totalPages}
        hrefOf={(page) => pageHref('/admin/cache', { type: q.type, category: q.category, page })}
      />
    </>
  );
}

export function AdminCachePage() {
  return (
    <AdminShell title="Cache">
      <Cache />
    </AdminShell>
  );
}

export const route: Omit<RouteDef, 'path'> = {
  page: AdminCachePage,
  prefetch: adminPrefetch(({ queryClient, api, search }) =>
    Promise.all([
      queryClient.fetchQuery(adminCacheGroupsQuery(api)),
      queryClient.fetchQuery(adminCacheQuery(api, cacheQuery(search))),
    ]),
  ),
  head: ({ queryClient }) => ({ title: adminTitle(queryClient, 'Cache') }),
};
