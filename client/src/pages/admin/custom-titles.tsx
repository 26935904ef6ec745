import { useSearch } from 'wouter';
import { AdminShell } from '../../components/admin/admin-shell.tsx';
import { CustomTitleRow } from '../../components/admin/custom-title-row.tsx';
import { ModerationTabs } from '../../components/admin/moderation-tabs.tsx';
import { pageHref } from '../../components/admin/page-href.ts';
import { SearchBox } from '../../components/admin/search-box.tsx';
import { Pagination } from '../../components/ui/pagination.tsx';
import {
  adminCustomTitlesQuery,
  adminPrefetch,
  adminTitle,
  queryFrom,
  useAdminCustomTitles,
} from '../../hooks/use-admin.ts';
import type { RouteDef } from '../../route-types.ts';

const titlesQuery = (search: URLSearchParams) => queryFrom(search, ['q', 'page']);

function Titles() {
  const q = titlesQuery(new URLSearchParams(useSearch()));
  const { data } = useAdminCustomTitles(q);
  return (
    <>
      <SearchBox
        id="title-search"
        label="Search custom titles"
        initial={String(q.q ?? '')}
        placeholder="Title or owner"
      />
      <p className="mb-2 text-sm text-slate-400">{data.meta.total} custom titles</p>
      <div className="overflow-x-auto">
        <table className="w-full text-left">
          <caption className="sr-only">Custom titles</caption>
          <thead className="text-xs uppercase tracking-wide text-slate-400">
            <tr>
              <th scope="col" className="py-2 pr-3">
                Title
              </th>
              <th scope="col" className="py-2 pr-3">
                Added by
              </th>
              <th scope="col" className="py-2 pr-3">
                Added
              </th>
              <th scope="col" className="py-2 text-right">
                Actions
              </th>
            </tr>
          </thead>
          <tbody>
            {data.items.map((t) => (
              <CustomTitleRow key={t.id} title={t} />
            ))}
          </tbody>
        </table>
      </div>
      <Pagination
        page={data.meta.page}
        totalPages={data.meta.totalPages}
        hrefOf={(page) => pageHref('/admin/moderation/titles', { q: q.q, page })}
      />
    </>
  );
}

export function AdminCustomTitlesPage() {
  return (
    <AdminShell title="Moderation">
      <ModerationTabs current="titles" />
      <Titles />
    </AdminShell>
  );
}

export const route: Omit<RouteDef, 'path'> = {
  page: AdminCustomTitlesPage,
  prefetch: adminPrefetch(({ queryClient, api, search }) =>
    queryClient.fetchQuery(adminCustomTitlesQuery(api, titlesQuery(search))),
  ),
  head: ({ queryClient }) => ({ title: adminTitle(queryClient, 'Custom titles') }),
};
