import { LRUCache } from 'lru-cache';
import type { Logger } from 'pino';
import type { Metrics } from '../http/metrics.ts';
import type { CacheEntrySpec, TmdbCacheRepository } from './tmdb-cache.repository.ts';

interface Entry {
  value: unknown;
  /** Until when memory may answer without looking at the table. */
  until: number;
  /** Served from an expired row while TMDB could not refresh it. */
  stale: boolean;
  type: string;
  category: string;
}
const MISSING = Symbol('missing');

export interface CacheUpdate {
  key: string;
  type: string;
  tmdbId: number | null;
  /**
   * 'new': first fetch of this key; 'refreshed': an entry pages may already show has changed;
   * 'purged': entries were dropped (key '*', type the purged type or '*'): answers built from
   * them must go too.
   */
  reason: 'new' | 'refreshed' | 'purged';
}

export interface TmdbCacheOptions {
  repo: TmdbCacheRepository;
  metrics: Metrics;
  log: Logger;
  memoryEntries?: number;
  /** How long a TMDB 404 is remembered (per instance). */
  notFoundTtlS?: number;
  /** After a failed refresh, how long the stale copy is served before TMDB is tried again. */
  staleRetryMs?: number;
  now?: () => number;
}

/**
 * Two tiers in front of TMDB: an in-process LRU of mapped values, then the tmdb_cache table of raw
 * responses. Fresh: served. Expired: served at once and refreshed behind the response. Missing:
 * one upstream call however many requests wait. TMDB failing: stale if we have it, else 503 —
 * never an empty list.
 *
 * Single flight is per process: N instances sharing a database fetch a missing key at most N
 * times (once each), and only while the first write has not landed. That is cheap enough for
 * TMDB's budget, so no cross-instance lock (which would cost every miss a round trip) is taken.
 */
export function createTmdbCache(deps: TmdbCacheOptions) {
  const now = deps.now ?? Date.now;
  const notFoundMs = (deps.notFoundTtlS ?? 600) * 1000;
  const staleRetryMs = deps.staleRetryMs ?? 30_000;
  const memory = new LRUCache<string, Entry>({ max: deps.memoryEntries ?? 5000 });
  // Loads (table read, then TMDB on a miss) in progress, so concurrent requests share one.
  const loading = new Map<string, Promise<unknown>>();
  const refreshing = new Set<string>();
  const listeners = new Set<(u: CacheUpdate) => void>();
  const count = (result: 'memory' | 'hit' | 'stale' | 'miss') => deps.metrics.cache.inc({ result });
  const notify = (u: CacheUpdate) => {
    for (const listener of listeners) listener(u);
  };

  const remember = (spec: CacheEntrySpec, value: unknown, until: number, stale = false) =>
    memory.set(spec.key, { value, until, stale, type: spec.type, category: spec.category });

  async function fetchAndStore<Raw, Out>(
    spec: CacheEntrySpec,
    ttlS: number,
    fetcher: () => Promise<Raw | null>,
    map: (raw: Raw) => Out,
    reason: CacheUpdate['reason'],
  ): Promise<Out | typeof MISSING> {
    const raw = await fetcher();
    if (raw === null) {
      // TMDB's 404 is an answer: remember it so a flood of bad ids stays off TMDB. A title TMDB
      // no longer has loses its stored copy too, or it would be served stale and asked for again
      // each time the memory forgets.
      remember(spec, MISSING, now() + notFoundMs);
      if (reason === 'refreshed') await deps.repo.remove(spec.key);
      return MISSING;
    }
    const expiresAt = now() + ttlS * 1000;
    await deps.repo.upsert(spec, raw, new Date(expiresAt));
    const value = map(raw);
    remember(spec, value, expiresAt);
    notify({ key: spec.key, type: spec.type, tmdbId: spec.tmdbId ?? null, reason });
    return value;
  }

  function refreshInBackground<Raw, Out>(
    spec: CacheEntrySpec,
    ttlS: number,
    fetcher: () => Promise<Raw | null>,
    map: (raw: Raw) => Out,
  ) {
    if (refreshing.has(spec.key)) return;
    refreshing.add(spec.key);
    fetchAndStore(spec, ttlS, fetcher, map, 'refreshed')
      .catch((err: unknown) => {
        deps.log.warn({ key: spec.key, err: err instanceof Error ? err.message : err }, 'tmdb served stale');
      })
      .finally(() => refreshing.delete(spec.key));
  }

  async function load<Raw, Out>(
    spec: CacheEntrySpec,
    ttlS: number,
    fetcher: () => Promise<Raw | null>,
    map: (raw: Raw) => Out,
  ): Promise<Out | typeof MISSING> {
    const row = await deps.repo.find(spec.key);
    if (row && row.expiresAt.getTime() > now()) {
      count('hit');
      const value = map(row.data as Raw);
      remember(spec, value, row.expiresAt.getTime());
      return value;
    }
    if (row) {
      // Stale: answer now, refresh behind the response. Until the refresh lands (or after it
      // fails, for staleRetryMs) memory answers with the stale copy, so a TMDB outage costs
      // one upstream try per key per interval, not one per request.
      count('stale');
      const value = map(row.data as Raw);
      remember(spec, value, now() + staleRetryMs, true);
      refreshInBackground(spec, ttlS, fetcher, map);
      return value;
    }
    count('miss');
    return fetchAndStore(spec, ttlS, fetcher, map, 'new');
  }

  return {
    /** The mapped value, or null when TMDB says there is no such thing. */
    async get<Raw, Out>(
      spec: CacheEntrySpec,
      ttlS: number,
      fetcher: () => Promise<Raw | null>,
      map: (raw: Raw) => Out,
    ): Promise<Out | null> {
      const hot = memory.get(spec.key);
      if (hot && hot.until > now()) {
        count(hot.stale ? 'stale' : 'memory');
        return hot.value === MISSING ? null : (hot.value as Out);
      }
      let task = loading.get(spec.key) as Promise<Out | typeof MISSING> | undefined;
      if (!task) {
        task = load(spec, ttlS, fetcher, map).finally(() => loading.delete(spec.key));
        loading.set(spec.key, task);
      }
      const value = await task;
      return value === MISSING ? null : value;
    },
    onUpdate(listener: (u: CacheUpdate) => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    clearMemory() {
      memory.clear();
      notify({ key: '*', type: '*', tmdbId: null, reason: 'purged' });
    },
    /** Drops this instance's in-memory copies of the entries an admin purged from the table. */
    purgeMemory(filter: { type?: string; category?: string }) {
      for (const [key, entry] of memory.entries()) {
        if ((!filter.type || entry.type === filter.type) && (!filter.category || entry.category === filter.category)) {
          memory.delete(key);
        }
      }
      notify({ key: '*', type: filter.type ?? '*', tmdbId: null, reason: 'purged' });
    },
    memorySize: () => memory.size,
  };
}
export type TmdbCache = ReturnType<typeof createTmdbCache>;
