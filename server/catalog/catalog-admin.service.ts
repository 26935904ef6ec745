import { toPage, type Page, type PageQuery } from '#shared/contracts/common';
import type { Metrics } from '../http/metrics.ts';
import type { TmdbCache } from './tmdb-cache.ts';
import type { EntryFilter, TmdbCacheRepository } from './tmdb-cache.repository.ts';
import type { TmdbClient } from './tmdb-client.ts';

export interface CacheEntryView {
  key: string;
  type: string;
  category: string;
  tmdbId: number | null;
  page: number | null;
  fetchedAt: string;
  expiresAt: string;
  /** Past its expiry: served stale until TMDB refreshes it. */
  expired: boolean;
  bytes: number;
}

export interface CatalogCacheStats {
  entries: number;
  byType: { type: string; category: string; entries: number; expired: number }[];
  memoryEntries: number;
  /** Lookups since this instance started, by where they were answered. */
  lookups: { memory: number; hit: number; stale: number; miss: number };
  /** (memory + hit + stale) / all lookups; null before the first lookup. */
  hitRatio: number | null;
  upstream: { calls: number; failures: number; circuitOpen: boolean; paused: boolean };
}

export interface CatalogAdminDeps {
  cacheRepo: TmdbCacheRepository;
  cache: TmdbCache;
  tmdb: TmdbClient;
  metrics: Metrics;
}

/** A counter's values summed by one label, over the series whose labels include `where`. */
async function counterValues(
  counter: Metrics['cache'] | Metrics['upstream'],
  label: string,
  where: Record<string, string> = {},
) {
  const out = new Map<string, number>();
  for (const v of (await counter.get()).values) {
    const labels = v.labels as Record<string, string | number | undefined>;
    if (Object.entries(where).some(([k, want]) => labels[k] !== want)) continue;
    const key = String(labels[label] ?? '');
    out.set(key, (out.get(key) ?? 0) + v.value);
  }
  return out;
}

/**
 * What the admin feature needs of the TMDB cache: entries by type and category, purge, stats.
 * Types: list (category "movie:popular", "tv:trending-week"…), discover and search (category the
 * media kind), movie / tv / season / person (category "detail"), genre. Lookup and upstream
 * counts are this instance's since start (as /metrics reports them).
 */
export function createCatalogAdmin(deps: CatalogAdminDeps) {
  return {
    async listEntries(q: EntryFilter & PageQuery): Promise<Page<CacheEntryView>> {
      const now = Date.now();
      const { rows, total } = await deps.cacheRepo.listEntries(q, { offset: (q.page - 1) * q.limit, limit: q.limit });
      const items = rows.map((r) => ({
        ...r,
        fetchedAt: r.fetchedAt.toISOString(),
        expiresAt: r.expiresAt.toISOString(),
        expired: r.expiresAt.getTime() <= now,
      }));
      return toPage(items, q, total);
    },

    /**
     * Deletes matching entries (all of them without a filter) and this instance's memory copies;
     * the next request fetches afresh. Other instances' memory copies live out their TTL.
     */
    async purge(filter: EntryFilter): Promise<{ deleted: number }> {
      const deleted = await deps.cacheRepo.purge(filter);
      deps.cache.purgeMemory(filter);
      return { deleted };
    },

    async stats(): Promise<CatalogCacheStats> {
      const [byType, lookups, upstream] = await Promise.all([
        deps.cacheRepo.countByType(),
        counterValues(deps.metrics.cache, 'result'),
        counterValues(deps.metrics.upstream, 'outcome', { service: 'tmdb' }),
      ]);
      const l = {
        memory: lookups.get('memory') ?? 0,
        hit: lookups.get('hit') ?? 0,
        stale: lookups.get('stale') ?? 0,
        miss: lookups.get('miss') ?? 0,
      };
      const all = l.memory + l.hit + l.stale + l.miss;
      let calls = 0;
      let failures = 0;
      // Every outcome but a short circuit reached TMDB; ok and not_found are answers, the rest failures.
      for (const [outcome, n] of upstream) {
        if (outcome === 'short_circuit') continue;
        calls += n;
        if (outcome !== 'ok' && outcome !== 'not_found') failures += n;
      }
      const state = deps.tmdb.state();
      return {
        entries: byType.reduce((n, r) => n + r.entries, 0),
        byType,
        memoryEntries: deps.cache.memorySize(),
        lookups: l,
        hitRatio: all === 0 ? null : (l.memory + l.hit + l.stale) / all,
        upstream: { calls, failures, circuitOpen: state.open, paused: state.paused },
      };
    },
  };
}
export type CatalogAdmin = ReturnType<typeof createCatalogAdmin>;
