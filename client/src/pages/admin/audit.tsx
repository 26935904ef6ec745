import { useSearch } from 'wouter';
import { AdminShell } from '../../components/admin/admin-shell.tsx';
import { pageHref } from '../../components/admin/page-href.ts';
import { SearchBox } from '../../components/admin/search-box.tsx';
import { When } from '../../components/admin/when.tsx';
import { Pagination } from '../../components/ui/pagination.tsx';
import { adminAuditQuery, adminPrefetch, adminTitle, queryFrom, useAdminAudit } from '../../hooks/use-admin.ts';
import type { RouteDef } from '../../route-types.ts';

const auditQuery = (search: URLSearchParams) => queryFrom(search, ['q', 'page']);

function Audit() {
  const q = auditQuery(new URLSearchParams(useSearch()));
  const { data } = useAdminAudit(q);
  return (
    <>
      <SearchBox
        id="audit-search"
        label="Search the audit log"
        initial={String(q.q ?? '')}
        placeholder="Action, admin, target or detail"
      />
      <p className="mb-2 text-sm text-slate-400">{data.meta.total} entries</p>
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Audit log</caption>
          <thead className="text-xs uppercase tracking-wide text-slate-400">
            <tr>
              <th scope="col" className="py-2 pr-3">
                When
              </th>
              <th scope="col" className="py-2 pr-3">
                Who
              </th>
              <th scope="col" className="py-2 pr-3">
                What
              </th>
              <th scope="col" className="py-2 pr-3">
                Target
              </th>
              <th scope="col" className="py-2">
                Details
              </th>
            </tr>
          </thead>
          <tbody>
            {data.items.map((e) => (
              <tr key={e.id} className="border-t border-white/10 align-top">
                <td className="whitespace-nowrap py-2 pr-3">
                  <When iso={e.createdAt} />
                </td>
                <td className="py-2 pr-3">{e.actorUsername ? `@${e.actorUsername}` : 'deleted user'}</td>
                <td className="py-2 pr-3 font-medium">{e.action}</td>
                <td className="break-all py-2 pr-3 font-mono text-xs">
                  {[e.targetType, e.targetId].filter(Boolean).join(' ')}
                </td>
                <td className="break-all py-2 font-mono text-xs text-slate-300">
                  {e.details ? JSON.stringify(e.details) : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pagination
        page={data.meta.page}
        totalPages={data.meta.totalPages}
        hrefOf={(page) => pageHref('/admin/audit', { q: q.q, page })}
      />
    </>
  );
}

export function AdminAuditPage() {
  return (
    <AdminShell title="Audit log">
      <Audit />
    </AdminShell>
  );
}

export const route: Omit<RouteDef, 'path'> = {
  page: AdminAuditPage,
  prefetch: adminPrefetch(({ queryClient, api, search }) =>
    queryClient.fetchQuery(adminAuditQuery(api, auditQuery(search))),
  ),
  head: ({ queryClient }) => ({ title: adminTitle(queryClient, 'Audit log') }),
};
