import { LRUCache } from 'lru-cache';
import type { Logger } from 'pino';
import type { Metrics } from '../http/metrics.ts';
import type { CacheEntrySpec, TmdbCacheRepository } from './tmdb-cache.repository.ts';

interface Entry {
  value: unknown;
  expiresAt: number;
}
const MISSING = Symbol('missing');

export interface CacheUpdate {
  key: string;
  type: string;
  tmdbId: number | null;
}

/**
 * Two tiers in front of TMDB: an in-process LRU of mapped values, then the tmdb_cache table of raw
 * responses. Fresh: served. Expired: served at once and refreshed in the background. Missing: one
 * upstream call however many requests wait (single flight). TMDB failing: stale if we have it,
 * else 503 — never an empty list.
 */
export function createTmdbCache(deps: {
  repo: TmdbCacheRepository;
  metrics: Metrics;
  log: Logger;
  memoryEntries?: number;
  now?: () => number;
}) {
  const now = deps.now ?? Date.now;
  const memory = new LRUCache<string, Entry>({ max: deps.memoryEntries ?? 5000 });
  const inflight = new Map<string, Promise<unknown>>();
  const listeners = new Set<(u: CacheUpdate) => void>();

  async function fetchAndStore<Raw, Out>(
    spec: CacheEntrySpec,
    ttlS: number,
    fetcher: () => Promise<Raw | null>,
    map: (raw: Raw) => Out,
  ): Promise<Out | typeof MISSING> {
    const running = inflight.get(spec.key);
    if (running) return running as Promise<Out | typeof MISSING>;
    const task = (async () => {
      const raw = await fetcher();
      if (raw === null) {
        // TMDB's 404 is an answer: remember it briefly so a flood of bad ids stays off TMDB.
        memory.set(spec.key, { value: MISSING, expiresAt: now() + 60_000 });
        return MISSING;
      }
      const expiresAt = now() + ttlS * 1000;
      await deps.repo.upsert(spec, raw, new Date(expiresAt));
      const value = map(raw);
      memory.set(spec.key, { value, expiresAt });
      for (const listener of listeners) listener({ key: spec.key, type: spec.type, tmdbId: spec.tmdbId ?? null });
      return value;
    })();
    inflight.set(spec.key, task);
    try {
      return await task;
    } finally {
      inflight.delete(spec.key);
    }
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
      if (hot && hot.expiresAt > now()) {
        deps.metrics.cache.inc({ result: 'memory' });
        return hot.value === MISSING ? null : (hot.value as Out);
      }
      const row = await deps.repo.find(spec.key);
      if (row && row.expiresAt.getTime() > now()) {
        deps.metrics.cache.inc({ result: 'hit' });
        const value = map(row.data as Raw);
        memory.set(spec.key, { value, expiresAt: row.expiresAt.getTime() });
        return value;
      }
      if (row) {
        // Stale: answer now, refresh behind the response. A failed refresh keeps the stale copy.
        deps.metrics.cache.inc({ result: 'stale' });
        const value = map(row.data as Raw);
        if (!inflight.has(spec.key)) {
          fetchAndStore(spec, ttlS, fetcher, map).catch((err: unknown) => {
            deps.log.warn({ key: spec.key, err: err instanceof Error ? err.message : err }, 'tmdb served stale');
          });
        }
        return value;
      }
      deps.metrics.cache.inc({ result: 'miss' });
      const value = await fetchAndStore(spec, ttlS, fetcher, map);
      return value === MISSING ? null : value;
    },
    onUpdate(listener: (u: CacheUpdate) => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    clearMemory() {
      memory.clear();
    },
  };
}
export type TmdbCache = ReturnType<typeof createTmdbCache>;

