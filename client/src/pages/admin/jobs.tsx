import { useSearch } from 'wouter';
import { AdminShell } from '../../components/admin/admin-shell.tsx';
import { FilterTabs } from '../../components/admin/filter-tabs.tsx';
import { JobsTable } from '../../components/admin/jobs-table.tsx';
import { LiveJobProgress } from '../../components/admin/live-job-progress.tsx';
import { pageHref } from '../../components/admin/page-href.ts';
import { Pagination } from '../../components/ui/pagination.tsx';
import { adminJobsQuery, adminPrefetch, adminTitle, queryFrom, useAdminJobs } from '../../hooks/use-admin.ts';
import type { RouteDef } from '../../route-types.ts';

const STATES = ['', 'failed', 'active', 'created', 'retry', 'completed', 'cancelled'];
const jobsQuery = (search: URLSearchParams) => queryFrom(search, ['state', 'kind', 'page']);

function Jobs() {
  const q = jobsQuery(new URLSearchParams(useSearch()));
  const { data } = useAdminJobs(q);
  return (
    <div className="space-y-6">
      <LiveJobProgress />
      <div>
        <FilterTabs
          label="Job state"
          current={String(q.state ?? '')}
          options={STATES.map((s) => ({ value: s, label: s === '' ? 'All' : s[0]!.toUpperCase() + s.slice(1) }))}
          hrefOf={(state) => pageHref('/admin/jobs', { state, kind: q.kind })}
        />
        <JobsTable jobs={data.items} />
        <Pagination
          page={data.meta.page}
          totalPages={data.meta.totalPages}
          hrefOf={(page) => pageHref('/admin/jobs', { state: q.state, kind: q.kind, page })}
        />
      </div>
    </div>
  );
}

export function AdminJobsPage() {
  return (
    <AdminShell title="Jobs">
      <Jobs />
    </AdminShell>
  );
}

export const route: Omit<RouteDef, 'path'> = {
  page: AdminJobsPage,
  prefetch: adminPrefetch(({ queryClient, api, search }) =>
    queryClient.fetchQuery(adminJobsQuery(api, jobsQuery(search))),
  ),
  head: ({ queryClient }) => ({ title: adminTitle(queryClient, 'Jobs') }),
};
