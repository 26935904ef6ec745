import type { AdminStats } from '#shared/contracts/admin';
import { AdminShell } from '../../components/admin/admin-shell.tsx';
import { LiveJobProgress } from '../../components/admin/live-job-progress.tsx';
import { Sparkline } from '../../components/admin/sparkline.tsx';
import { StatCard } from '../../components/admin/stat-card.tsx';
import { adminPrefetch, adminStatsQuery, adminTitle, useAdminStats } from '../../hooks/use-admin.ts';
import type { RouteDef } from '../../route-types.ts';

const percent = (r: number | null) => (r === null ? '–' : `${Math.round(r * 100)} %`);

function Totals({ stats }: { stats: AdminStats }) {
  return (
    <dl className="grid grid-cols-2 gap-3 md:grid-cols-4">
      <StatCard label="Users" value={stats.users.total}>
        {stats.users.admins} admins · {stats.users.banned} banned
      </StatCard>
      <StatCard label="Reviews" value={stats.reviews.total}>
        {stats.reviews.reported} reported · {stats.reviews.hidden} hidden
      </StatCard>
      <StatCard label="Custom titles" value={stats.customTitles} />
      <StatCard label="Cache entries" value={stats.cache.entries}>
        {stats.cache.expired} expired (served stale until refreshed)
      </StatCard>
      <StatCard label="Cache hit ratio (24 h)" value={percent(stats.cache.hitRatio)}>
        {stats.cache.hits} hits · {stats.cache.misses} misses
      </StatCard>
      <StatCard label="Upstream calls (24 h)" value={stats.upstream.calls} />
      <StatCard label="Images cached" value={stats.images.cached}>
        image jobs: {stats.imageJobs.queued} queued · {stats.imageJobs.active} active · {stats.imageJobs.failed} failed
      </StatCard>
      <StatCard label="Jobs" value={`${stats.jobs.queued} queued`}>
        {stats.jobs.active} active · {stats.jobs.failed} failed · {stats.jobs.completed} done
      </StatCard>
    </dl>
  );
}

function Overview() {
  const { data: stats } = useAdminStats();
  return (
    <div className="space-y-6">
      <Totals stats={stats} />
      <div className="grid gap-3 md:grid-cols-3">
        <Sparkline label="Requests" points={stats.series.requests} />
        <Sparkline label="Cache hits" points={stats.series.cacheHits} />
        <Sparkline label="Upstream calls" points={stats.series.upstreamCalls} />
      </div>
      <LiveJobProgress />
    </div>
  );
}

export function AdminOverviewPage() {
  return (
    <AdminShell title="Overview">
      <Overview />
    </AdminShell>
  );
}

export const route: Omit<RouteDef, 'path'> = {
  page: AdminOverviewPage,
  prefetch: adminPrefetch(({ queryClient, api }) => queryClient.fetchQuery(adminStatsQuery(api))),
  head: ({ queryClient }) => ({ title: adminTitle(queryClient, 'Overview') }),
};
