import { useSearch } from 'wouter';
import { AdminShell } from '../../components/admin/admin-shell.tsx';
import { FilterTabs } from '../../components/admin/filter-tabs.tsx';
import { pageHref } from '../../components/admin/page-href.ts';
import { When } from '../../components/admin/when.tsx';
import { EmptyState } from '../../components/ui/empty-state.tsx';
import { Pagination } from '../../components/ui/pagination.tsx';
import { adminOutboxQuery, adminPrefetch, adminTitle, queryFrom, useAdminOutbox } from '../../hooks/use-admin.ts';
import type { RouteDef } from '../../route-types.ts';

const outboxQuery = (search: URLSearchParams) => queryFrom(search, ['channel', 'page']);

function Outbox() {
  const q = outboxQuery(new URLSearchParams(useSearch()));
  const { data } = useAdminOutbox(q);
  return (
    <>
      <p className="mb-4 text-sm text-slate-400">
        Emails and text messages kept here instead of sent, while SendGrid or Twilio is not configured.
      </p>
      <FilterTabs
        label="Channel"
        current={String(q.channel ?? '')}
        options={[
          { value: '', label: 'All' },
          { value: 'email', label: 'Email' },
          { value: 'sms', label: 'SMS' },
        ]}
        hrefOf={(channel) => pageHref('/admin/outbox', { channel })}
      />
      {data.items.length === 0 ? (
        <EmptyState title="The outbox is empty" />
      ) : (
        <ul className="space-y-3">
          {data.items.map((m) => (
            <li key={m.id} className="rounded-xl bg-white/5 p-4 ring-1 ring-white/10">
              <div className="flex flex-wrap justify-between gap-2 text-sm">
                <span>
                  <span className="uppercase text-slate-400">{m.channel}</span> to{' '}
                  <span className="font-medium">{m.recipient}</span>
                </span>
                <span className="text-slate-400">
                  <When iso={m.createdAt} /> · {m.status}
                </span>
              </div>
              {m.subject && <h2 className="mt-2 font-semibold">{m.subject}</h2>}
              <pre className="mt-2 whitespace-pre-wrap break-words font-sans text-sm text-slate-200">{m.body}</pre>
            </li>
          ))}
        </ul>
      )}
      <Pagination
        page={data.meta.page}
        totalPages={data.meta.totalPages}
        hrefOf={(page) => pageHref('/admin/outbox', { channel: q.channel, page })}
      />
    </>
  );
}

export function AdminOutboxPage() {
  return (
    <AdminShell title="Outbox">
      <Outbox />
    </AdminShell>
  );
}

export const route: Omit<RouteDef, 'path'> = {
  page: AdminOutboxPage,
  prefetch: adminPrefetch(({ queryClient, api, search }) =>
    queryClient.fetchQuery(adminOutboxQuery(api, outboxQuery(search))),
  ),
  head: ({ queryClient }) => ({ title: adminTitle(queryClient, 'Outbox') }),
};
