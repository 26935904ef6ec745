import { useSearch } from 'wouter';
import { AdminShell } from '../../components/admin/admin-shell.tsx';
import { pageHref } from '../../components/admin/page-href.ts';
import { SearchBox } from '../../components/admin/search-box.tsx';
import { UserRow } from '../../components/admin/user-row.tsx';
import { Pagination } from '../../components/ui/pagination.tsx';
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
    <>
      <SearchBox
        id="user-search"
        label="Search users"
        initial={String(q.q ?? '')}
        placeholder="Email, username or name"
      />
      <p className="mb-2 text-sm text-slate-400">{data.meta.total} users</p>
      <div className="overflow-x-auto">
        <table className="w-full text-left">
          <caption className="sr-only">Users</caption>
          <thead className="text-xs uppercase tracking-wide text-slate-400">
            <tr>
              <th scope="col" className="py-2 pr-3">
                Name
              </th>
              <th scope="col" className="py-2 pr-3">
                Email
              </th>
              <th scope="col" className="py-2 pr-3">
                Role
              </th>
              <th scope="col" className="py-2 pr-3">
                Joined
              </th>
              <th scope="col" className="py-2 text-right">
                Actions
              </th>
            </tr>
          </thead>
          <tbody>
            {data.items.map((u) => (
              <UserRow key={u.id} user={u} self={u.id === me} />
            ))}
          </tbody>
        </table>
      </div>
      <Pagination
        page={data.meta.page}
        totalPages={data.meta.totalPages}
        hrefOf={(page) => pageHref('/admin/users', { q: q.q, page })}
      />
    </>
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
