import type { Logger } from 'pino';
import type { Metrics } from '../http/metrics.ts';
import type { MetricSamplesRepository } from './metric-samples.repository.ts';

export const SAMPLE_NAMES = ['requests', 'cache_hits', 'cache_misses', 'upstream_calls'] as const;
export type SampleName = (typeof SAMPLE_NAMES)[number];
type Totals = Record<SampleName, number>;

/** Samples older than this are deleted by the hourly housekeeping (server/housekeeping.ts). */
export const KEEP_SAMPLES_MS = 48 * 3600_000;
// Served from the cache, fresh or stale: the visitor did not wait on TMDB.
const HIT_RESULTS = new Set(['memory', 'hit', 'stale']);

const zero = (): Totals => ({ requests: 0, cache_hits: 0, cache_misses: 0, upstream_calls: 0 });

async function readTotals(metrics: Metrics): Promise<Totals> {
  const t = zero();
  for (const v of (await metrics.httpDuration.get()).values) {
    if ((v as { metricName?: string }).metricName?.endsWith('_count')) t.requests += v.value;
  }
  for (const v of (await metrics.cache.get()).values) {
    if (HIT_RESULTS.has(String(v.labels.result))) t.cache_hits += v.value;
    else if (v.labels.result === 'miss') t.cache_misses += v.value;
  }
  for (const v of (await metrics.upstream.get()).values) t.upstream_calls += v.value;
  return t;
}

/**
 * Turns this process's Prometheus counters into per-minute rows of metric_samples, so the admin
 * charts cover 24 hours across restarts and sum over every instance: each minute it adds the
 * counters' growth since the last flush to the current minute's rows (housekeeping drops rows over 48 hours).
 * A failed write keeps its deltas for the next flush.
 */
export function createMetricSampler(deps: {
  metrics: Metrics;
  repo: MetricSamplesRepository;
  log: Logger;
  intervalMs?: number;
  now?: () => number;
}) {
  const now = deps.now ?? Date.now;
  // The registry is new with the runtime, so its counters start at zero.
  let prev = zero();
  const pending = zero();
  let chain: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | null = null;

  async function flushOnce() {
    const cur = await readTotals(deps.metrics);
    for (const name of SAMPLE_NAMES) {
      const delta = cur[name] - prev[name];
      pending[name] += delta >= 0 ? delta : cur[name];
    }
    prev = cur;
    const snapshot = { ...pending };
    const bucket = new Date(Math.floor(now() / 60_000) * 60_000);
    try {
      await deps.repo.add(bucket, snapshot);
      for (const name of SAMPLE_NAMES) pending[name] -= snapshot[name];
    } catch (err) {
      deps.log.warn(
        { err: err instanceof Error ? err.message : err },
        'could not write metric samples; kept for the next minute',
      );
    }
  }

  /** Serialised: two flushes at once would read the counters out of order and count twice. */
  function flush(): Promise<void> {
    chain = chain.then(flushOnce, flushOnce);
    return chain;
  }

  return {
    flush,
    start() {
      if (timer) return;
      timer = setInterval(() => void flush(), deps.intervalMs ?? 60_000);
      timer.unref();
    },
    /** Stops the timer and writes what is left (best effort: the database may be going too). */
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      await flush();
    },
  };
}
export type MetricSampler = ReturnType<typeof createMetricSampler>;
