import { useSearch } from 'wouter';
import { AdminShell } from '../../components/admin/admin-shell.tsx';
import { pageHref } from '../../components/admin/page-href.ts';
import { SearchableList } from '../../components/admin/searchable-list.tsx';
import { UserRow } from '../../components/admin/user-row.tsx';
import {
  adminPrefetch,
  adminTitle,
  adminUsersQuery,
  queryFrom,
  useAdminAccess,
  useAdminUsers,
} from '../../hooks/use-admin.ts';
import type { RouteDef } from '../../route-types.ts';

const usersQuery = (search: URLSearchParams) => queryFrom(search, ['q', 'page']);

function Users() {
  const q = usersQuery(new URLSearchParams(useSearch()));
  const access = useAdminAccess();
  const { data } = useAdminUsers(q);
  const me = access.state === 'granted' ? access.userId : null;
  return (
    <SearchableList
      search={{
        id: 'user-search',
        label: 'Search users',
        initial: String(q.q ?? ''),
        placeholder: 'Email, username or name',
      }}
      noun="users"
      caption="Users"
      columns={[
        { label: 'Name' },
        { label: 'Email' },
        { label: 'Role' },
        { label: 'Joined' },
        { label: 'Actions', className: 'py-2 text-right' },
      ]}
      page={data}
      row={(u) => <UserRow key={u.id} user={u} self={u.id === me} />}
      hrefOf={(page) => pageHref('/admin/users', { q: q.q, page })}
    />
  );
}

export function AdminUsersPage() {
  return (
    <AdminShell title="Users">
      <Users />
    </AdminShell>
  );
}

export const route: Omit<RouteDef, 'path'> = {
  page: AdminUsersPage,
  prefetch: adminPrefetch(({ queryClient, api, search }) =>
    queryClient.fetchQuery(adminUsersQuery(api, usersQuery(search))),
  ),
  head: ({ queryClient }) => ({ title: adminTitle(queryClient, 'Users') }),
};
