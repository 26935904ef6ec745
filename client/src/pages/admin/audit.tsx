import { useSearch } from 'wouter';
import { AdminShell } from '../../components/admin/admin-shell.tsx';
import { pageHref } from '../../components/admin/page-href.ts';
import { SearchableList } from '../../components/admin/searchable-list.tsx';
import { When } from '../../components/admin/when.tsx';
import { adminAuditQuery, adminPrefetch, adminTitle, queryFrom, useAdminAudit } from '../../hooks/use-admin.ts';
import type { RouteDef } from '../../route-types.ts';

const auditQuery = (search: URLSearchParams) => queryFrom(search, ['q', 'page']);

function Audit() {
  const q = auditQuery(new URLSearchParams(useSearch()));
  const { data } = useAdminAudit(q);
  return (
    <SearchableList
      search={{
        id: 'audit-search',
        label: 'Search the audit log',
        initial: String(q.q ?? ''),
        placeholder: 'Action, admin, target or detail',
      }}
      noun="entries"
      caption="Audit log"
      small
      columns={[
        { label: 'When' },
        { label: 'Who' },
        { label: 'What' },
        { label: 'Target' },
        { label: 'Details', className: 'py-2' },
      ]}
      page={data}
      row={(e) => (
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
      )}
      hrefOf={(page) => pageHref('/admin/audit', { q: q.q, page })}
    />
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
