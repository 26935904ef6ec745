import { setTimeout as sleep } from 'node:timers/promises';
import pThrottle from 'p-throttle';
import type { z } from 'zod';
import { UpstreamUnavailableError } from '../http/errors.ts';
import type { Metrics } from '../http/metrics.ts';
import {
  TmdbGenreList,
  TmdbListPage,
  TmdbMovie,
  TmdbPerson,
  TmdbSeason,
  TmdbTv,
} from './tmdb-schemas.ts';

export type MediaKind = 'movie' | 'tv';
export type ListCategory = 'popular' | 'top_rated' | 'upcoming' | 'now_playing' | 'on_the_air' | 'airing_today';
export type SearchKind = 'multi' | 'movie' | 'tv' | 'person';

export interface TmdbClientOptions {
  baseUrl: string;
  /** A v4 read token (a JWT) rides in the Authorization header; a v3 key can only go in `api_key`. */
  apiKey?: string;
  timeoutMs: number;
  ratePerSecond: number;
  metrics: Metrics;
  /** Longest Retry-After we wait for inside one request; beyond it we fail fast and serve stale. */
  maxRetryAfterMs?: number;
  attempts?: number;
}

const isV4Token = (key: string) => key.split('.').length === 3;

/** The one client for the real TMDB and the bundled offline TMDB: same paths, same shapes. */
export function createTmdbClient(o: TmdbClientOptions) {
  const attempts = o.attempts ?? 3;
  const maxRetryAfterMs = o.maxRetryAfterMs ?? 5_000;
  // TMDB allows about 40-50 requests/s per IP; stay under it in each instance.
  const throttle = pThrottle({ limit: Math.max(1, Math.round(o.ratePerSecond / 5)), interval: 200 });
  const take = throttle(async () => {});
  const headers: Record<string, string> = { accept: 'application/json' };
  const baseQuery: Record<string, string> = {};
  if (o.apiKey && isV4Token(o.apiKey)) headers.authorization = `Bearer ${o.apiKey}`;
  else if (o.apiKey) baseQuery.api_key = o.apiKey;

  /** null when TMDB says 404; UpstreamUnavailableError after the last failed attempt. */
  async function get<S extends z.ZodTypeAny>(
    path: string,
    schema: S,
    query: Record<string, string | number | undefined> = {},
  ): Promise<z.output<S> | null> {
    const params = new URLSearchParams(baseQuery);
    for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== '') params.set(k, String(v));
    // The URL may carry the key: it is never logged, only the path is.
    const url = `${o.baseUrl}${path}?${params}`;
    let lastCause: unknown;
    for (let attempt = 1; attempt <= attempts; attempt++) {
      await take();
      const end = o.metrics.upstreamDuration.startTimer({ service: 'tmdb' });
      let res: Response | null = null;
      try {
        res = await fetch(url, { headers, signal: AbortSignal.timeout(o.timeoutMs) });
      } catch (err) {
        lastCause = { path, error: err instanceof Error ? err.name : 'network' };
      } finally {
        end();
      }
      if (res?.status === 404) {
        o.metrics.upstream.inc({ service: 'tmdb', outcome: 'not_found' });
        await res.body?.cancel();
        return null;
      }
      if (res?.ok) {
        const body: unknown = await res.json().catch(() => undefined);
        const parsed = schema.safeParse(body);
        if (parsed.success) {
          o.metrics.upstream.inc({ service: 'tmdb', outcome: 'ok' });
          return parsed.data;
        }
        o.metrics.upstream.inc({ service: 'tmdb', outcome: 'garbage' });
        throw new UpstreamUnavailableError('TMDB', { cause: { path, error: 'unexpected response shape' } });
      }
      o.metrics.upstream.inc({ service: 'tmdb', outcome: res ? String(res.status) : 'network' });
      if (res) {
        lastCause = { path, status: res.status };
        await res.body?.cancel();
      }
      const retryable = !res || res.status === 429 || res.status >= 500;
      if (!retryable || attempt === attempts) break;
      const waitMs = backoffMs(attempt, res?.headers.get('retry-after') ?? null);
      if (waitMs > maxRetryAfterMs) break;
      await sleep(waitMs);
    }
    throw new UpstreamUnavailableError('TMDB', { cause: lastCause });
  }

  const append = 'credits,videos,similar,recommendations';
  return {
    trending: (kind: MediaKind, window: 'day' | 'week', page: number) =>
      get(`/trending/${kind}/${window}`, TmdbListPage, { page }),
    list: (kind: MediaKind, category: ListCategory, page: number) =>
      get(`/${kind}/${category}`, TmdbListPage, { page }),
    discover: (kind: MediaKind, query: Record<string, string | number | undefined>) =>
      get(`/discover/${kind}`, TmdbListPage, query),
    movie: (id: number) => get(`/movie/${id}`, TmdbMovie, { append_to_response: append }),
    tv: (id: number) => get(`/tv/${id}`, TmdbTv, { append_to_response: append }),
    season: (tvId: number, season: number) => get(`/tv/${tvId}/season/${season}`, TmdbSeason),
    person: (id: number) => get(`/person/${id}`, TmdbPerson, { append_to_response: 'combined_credits' }),
    search: (kind: SearchKind, query: string, page: number, year?: number) =>
      get(`/search/${kind}`, TmdbListPage, {
        query,
        page,
        include_adult: 'false',
        ...(year && kind === 'movie' ? { primary_release_year: year } : {}),
        ...(year && kind === 'tv' ? { first_air_date_year: year } : {}),
        ...(year && kind === 'multi' ? { year } : {}),
      }),
    genres: (kind: MediaKind) => get(`/genre/${kind}/list`, TmdbGenreList),
  };
}
export type TmdbClient = ReturnType<typeof createTmdbClient>;

/** Exponential backoff with full jitter; TMDB's Retry-After (seconds) wins when it is given. */
export function backoffMs(attempt: number, retryAfter: string | null): number {
  const seconds = retryAfter === null ? NaN : Number(retryAfter);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const cap = 200 * 2 ** (attempt - 1);
  return cap / 2 + Math.random() * (cap / 2);
}
