import { useSearch } from 'wouter';
import { AdminShell } from '../../components/admin/admin-shell.tsx';
import { CustomTitleRow } from '../../components/admin/custom-title-row.tsx';
import { ModerationTabs } from '../../components/admin/moderation-tabs.tsx';
import { pageHref } from '../../components/admin/page-href.ts';
import { SearchableList } from '../../components/admin/searchable-list.tsx';
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
    <SearchableList
      search={{
        id: 'title-search',
        label: 'Search custom titles',
        initial: String(q.q ?? ''),
        placeholder: 'Title or owner',
      }}
      noun="custom titles"
      caption="Custom titles"
      columns={[
        { label: 'Title' },
        { label: 'Added by' },
        { label: 'Added' },
        { label: 'Actions', className: 'py-2 text-right' },
      ]}
      page={data}
      row={(t) => <CustomTitleRow key={t.id} title={t} />}
      hrefOf={(page) => pageHref('/admin/moderation/titles', { q: q.q, page })}
    />
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
