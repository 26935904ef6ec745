import type { AdminStats, SeriesPoint } from '#shared/contracts/admin';
import type { Viewer } from '../http/viewer.ts';
import type { JobQueue } from '../jobs/job-queue.ts';
import { assertAdmin } from './admin-guard.ts';
import type { AdminStore } from './admin.repository.ts';
import type { MetricSampler, SampleName } from './metric-sampler.ts';

type Deps = { store: AdminStore; sampler: MetricSampler; jobs: Pick<JobQueue, 'stats'>; now?: () => number };

const BIN_MIN = 15;

type Counts = { queued: number; active: number; failed: number; completed: number };
const counts = (parts: Counts[]): Counts =>
  parts.reduce(
    (a, c) => ({
      queued: a.queued + c.queued,
      active: a.active + c.active,
      failed: a.failed + c.failed,
      completed: a.completed + c.completed,
    }),
    {
      queued: 0,
      active: 0,
      failed: 0,
      completed: 0,
    },
  );
const BIN_MS = BIN_MIN * 60_000;
const BINS = (24 * 60) / BIN_MIN;

/**
 * The admin overview: totals from the tables, and the last 24 hours from metric_samples (every
 * instance's counters) — flushed first, so this instance's current minute is included.
 */
export async function adminStats(deps: Deps, viewer: Viewer | null): Promise<AdminStats> {
  assertAdmin(viewer);
  const now = (deps.now ?? Date.now)();
  await deps.sampler.flush();
  const lastBin = Math.floor(now / BIN_MS) * BIN_MS;
  const since = new Date(lastBin - (BINS - 1) * BIN_MS);
  const names: SampleName[] = ['requests', 'cache_hits', 'cache_misses', 'upstream_calls'];
  const { users, content, ops, samples } = deps.store;
  const [userCounts, reviewCounts, customTitles, cache, images, jobs, rows] = await Promise.all([
    users.counts(),
    content.reviewCounts(),
    content.customTitleCount(),
    ops.cacheCounts(),
    ops.imageCount(),
    deps.jobs.stats(),
    samples.series(since, names, BIN_MIN),
  ]);

  const byName = new Map<string, Map<number, number>>();
  for (const r of rows) {
    const m = byName.get(r.name) ?? new Map<number, number>();
    m.set(r.at.getTime(), r.value);
    byName.set(r.name, m);
  }
  const series = (name: SampleName): SeriesPoint[] =>
    Array.from({ length: BINS }, (_, i) => {
      const at = since.getTime() + i * BIN_MS;
      return { at: new Date(at).toISOString(), value: byName.get(name)?.get(at) ?? 0 };
    });
  const sum = (points: SeriesPoint[]) => points.reduce((n, p) => n + p.value, 0);
  const hitsSeries = series('cache_hits');
  const hits = sum(hitsSeries);
  const misses = sum(series('cache_misses'));
  const upstreamSeries = series('upstream_calls');

  return {
    users: userCounts,
    reviews: reviewCounts,
    customTitles,
    cache: { ...cache, hits, misses, hitRatio: hits + misses === 0 ? null : hits / (hits + misses) },
    upstream: { calls: sum(upstreamSeries) },
    images: { cached: images },
    jobs: counts([jobs]),
    imageJobs: counts(
      Object.entries(jobs.byKind)
        .filter(([kind]) => kind.startsWith('image-'))
        .map(([, c]) => c),
    ),
    series: { requests: series('requests'), cacheHits: hitsSeries, upstreamCalls: upstreamSeries },
    generatedAt: new Date(now).toISOString(),
  };
}
