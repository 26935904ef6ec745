import { setTimeout as sleep } from 'node:timers/promises';
import pThrottle from 'p-throttle';
import type { z } from 'zod';
import { UpstreamUnavailableError, ValidationError } from '../http/errors.ts';
import type { Metrics } from '../http/metrics.ts';
import { createUpstreamGuard } from './upstream-guard.ts';
import { TmdbGenreList, TmdbListPage, TmdbMovie, TmdbPerson, TmdbSeason, TmdbTv } from './tmdb-schemas.ts';

export type MediaKind = 'movie' | 'tv';
export type ListCategory = 'popular' | 'top_rated' | 'upcoming' | 'now_playing' | 'on_the_air' | 'airing_today';
export type SearchKind = 'multi' | 'movie' | 'tv' | 'person';

export interface TmdbClientOptions {
  baseUrl: string;
  /** A v4 read token (a JWT) rides in the Authorization header; a v3 key can only go in `api_key`. */
  apiKey?: string;
  /** One attempt's timeout; a whole call (retries included) gets twice this, or this plus 3 s. */
  timeoutMs: number;
  /** This instance's share of TMDB's per-IP budget (config divides it by the instance count). */
  ratePerSecond: number;
  metrics: Metrics;
  /** Longest Retry-After we wait for inside one call; beyond it we fail fast and serve stale. */
  maxRetryAfterMs?: number;
  attempts?: number;
  /** Failed calls in a row before the breaker opens, and how long it stays open. */
  breakerThreshold?: number;
  breakerCooldownMs?: number;
}

const isV4Token = (key: string) => key.split('.').length === 3;

/** The one client for the real TMDB and the bundled offline TMDB: same paths, same shapes. */
export function createTmdbClient(o: TmdbClientOptions) {
  const attempts = o.attempts ?? 3;
  const maxRetryAfterMs = o.maxRetryAfterMs ?? 5_000;
  // A whole call's budget: room for one full retry of a slow answer, never the attempts times the timeout.
  const deadlineMs = Math.max(o.timeoutMs * 2, o.timeoutMs + 3_000);
  // Spread over 200 ms slices so a burst cannot spend a whole second's budget at once.
  const throttle = pThrottle({ limit: Math.max(1, Math.floor(o.ratePerSecond / 5)), interval: 200 });
  const take = throttle(async () => {});
  const guard = createUpstreamGuard({
    threshold: o.breakerThreshold ?? 5,
    cooldownMs: o.breakerCooldownMs ?? 5_000,
  });
  const headers: Record<string, string> = { accept: 'application/json' };
  const baseQuery: Record<string, string> = {};
  if (o.apiKey && isV4Token(o.apiKey)) headers.authorization = `Bearer ${o.apiKey}`;
  else if (o.apiKey) baseQuery.api_key = o.apiKey;

  const count = (outcome: string) => o.metrics.upstream.inc({ service: 'tmdb', outcome });

  /** null when TMDB says 404; UpstreamUnavailableError once the attempts or the time budget run out. */
  async function get<S extends z.ZodTypeAny>(
    path: string,
    schema: S,
    query: Record<string, string | number | undefined> = {},
  ): Promise<z.output<S> | null> {
    const params = new URLSearchParams(baseQuery);
    for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== '') params.set(k, String(v));
    // The URL may carry the key: it is never logged, only the path is.
    const url = `${o.baseUrl}${path}?${params}`;
    const started = Date.now();
    let lastCause: unknown;
    for (let attempt = 1; attempt <= attempts; attempt++) {
      const blocked = guard.blockedFor();
      if (blocked > 0) {
        // TMDB asked us to wait (429) or keeps failing: wait if that still leaves an attempt half a
        // timeout inside the budget, else fail fast (stale or 503 now beats both later).
        if (blocked > maxRetryAfterMs || Date.now() - started + blocked + o.timeoutMs / 2 > deadlineMs) {
          count('short_circuit');
          throw new UpstreamUnavailableError('TMDB', { cause: { path, error: 'circuit open' } });
        }
        await sleep(blocked);
      }
      await take();
      const remaining = deadlineMs - (Date.now() - started);
      if (remaining <= 0) {
        // After a failed try, TMDB's failure stands. Otherwise the time went waiting in our own
        // throttle queue, not on TMDB: not a TMDB failure, so the breaker does not count it.
        if (lastCause) break;
        count('queue_timeout');
        throw new UpstreamUnavailableError('TMDB', { cause: { path, error: 'throttle queue' } });
      }
      const end = o.metrics.upstreamDuration.startTimer({ service: 'tmdb' });
      let res: Response | null = null;
      let body: unknown;
      try {
        res = await fetch(url, { headers, signal: AbortSignal.timeout(Math.min(o.timeoutMs, remaining)) });
        // The body is read inside the timeout too: a server may send headers and then stall.
        if (res.ok) body = await res.json().catch(() => undefined);
      } catch (err) {
        lastCause = { path, error: err instanceof Error ? err.name : 'network' };
        res = null;
      } finally {
        end();
      }
      if (res?.status === 404) {
        count('not_found');
        guard.success();
        await res.body?.cancel();
        return null;
      }
      if (res?.ok) {
        const parsed = schema.safeParse(body);
        if (parsed.success) {
          count('ok');
          guard.success();
          return parsed.data;
        }
        // A 200 whose body is not what TMDB promises is a failure like a 5xx (and may be a glitch).
        count('garbage');
        lastCause = { path, error: 'unexpected response shape' };
      } else {
        count(res ? String(res.status) : 'network');
        if (res) {
          lastCause = { path, status: res.status };
          await res.body?.cancel();
        }
        if (res?.status === 400 || res?.status === 422) {
          // TMDB is up and refused what was asked (parameters it does not take): the caller's
          // request, not TMDB's health. Not retried, not counted against TMDB by the breaker.
          guard.success();
          throw new ValidationError([{ field: 'query', message: 'has parameters the catalog does not accept' }]);
        }
        const retryable = !res || res.status === 429 || res.status >= 500;
        if (!retryable) break;
        const retryAfterMs = parseRetryAfter(res?.headers.get('retry-after') ?? null);
        if (res?.status === 429 && retryAfterMs !== null) guard.pauseFor(retryAfterMs);
      }
      if (attempt === attempts) break;
      if (guard.blockedFor() === 0) {
        const waitMs = backoffMs(attempt, null);
        if (Date.now() - started + waitMs >= deadlineMs) break;
        await sleep(waitMs);
      }
    }
    guard.failure();
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
    /** TMDB's /search/multi has no year filter: callers search movie and tv separately for one. */
    search: (kind: SearchKind, query: string, page: number, year?: number) =>
      get(`/search/${kind}`, TmdbListPage, {
        query,
        page,
        include_adult: 'false',
        ...(year && kind === 'movie' ? { primary_release_year: year } : {}),
        ...(year && kind === 'tv' ? { first_air_date_year: year } : {}),
      }),
    genres: (kind: MediaKind) => get(`/genre/${kind}/list`, TmdbGenreList),
    /** Whether calls are being refused right now (breaker open or a 429 pause), for /admin. */
    state: () => guard.state(),
  };
}
export type TmdbClient = ReturnType<typeof createTmdbClient>;

/** Retry-After in seconds (TMDB's form) or an HTTP date, as milliseconds from now. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | null {
  if (value === null || value.trim() === '') return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return seconds >= 0 ? seconds * 1000 : null;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

/** Exponential backoff with full jitter; TMDB's Retry-After wins when it is given. */
export function backoffMs(attempt: number, retryAfter: string | null): number {
  const given = parseRetryAfter(retryAfter);
  if (given !== null) return given;
  const cap = 200 * 2 ** (attempt - 1);
  return cap / 2 + Math.random() * (cap / 2);
}
