import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../tests/helpers/factories.ts';
import { startTestApp, type TestApp } from '../../tests/helpers/test-app.ts';
import type { FaultSpec } from './offline/offline-tmdb.ts';
import { eventually, expectError } from './catalog.test-helpers.ts';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.close();
});

/** TMDB back to normal, and the client's breaker closed again (it opens after repeated failures). */
afterEach(async () => {
  app.offline.faults.clear();
  await eventually(async () => {
    const s = app.server.runtime.catalog.tmdb.state();
    if (s.open || s.paused) throw new Error('TMDB calls still held back');
  }, 8_000);
  app.errorLogs.length = 0;
});

const calls = (path: string) => app.offline.stats.byPath.get(path) ?? 0;

/** Every cache entry expired (as if a day passed) and this instance's memory forgotten. */
async function expireEverything() {
  await app.server.runtime.database.pool.query(`UPDATE tmdb_cache SET expires_at = now() - interval '1 hour'`);
  app.server.runtime.catalog.cache.clearMemory();
}

const API_ROUTES = [
  '/api/movies/trending',
  '/api/movies/popular?page=2&limit=30',
  '/api/movies/discover?genre=18&sort=rating.desc&minVotes=100',
  '/api/movies/680',
  '/api/tv/top-rated',
  '/api/tv/1399',
  '/api/tv/1399/season/1',
  '/api/people/500',
  '/api/search?q=pulp%20fiction',
  '/api/genres?type=tv',
];
const PAGES = ['/', '/movie/680', '/tv/1399', '/person/500', '/search?q=pulp%20fiction'];

describe('single flight', () => {
  it('100 concurrent requests for one uncached title make exactly one upstream call', async () => {
    app.offline.stats.reset();
    // A slow TMDB widens the window in which every request finds the title missing.
    app.offline.faults.set({ latencyMs: 300, times: 1, pathPrefix: '/3/movie/13' });
    const answers = await Promise.all(Array.from({ length: 100 }, () => app.get('/api/movies/13')));
    expect(answers.map((r) => r.status)).toEqual(Array(100).fill(200));
    const titles = new Set(await Promise.all(answers.map(async (r) => ((await r.json()) as { title: string }).title)));
    expect([...titles]).toEqual(['Forrest Gump']);
    expect(calls('/3/movie/13')).toBe(1);
  });

  it('once cached, neither memory nor the table goes back to TMDB', async () => {
    await app.get('/api/movies/105');
    app.offline.stats.reset();
    expect((await app.get('/api/movies/105')).status).toBe(200);
    app.server.runtime.catalog.cache.clearMemory();
    expect((await app.get('/api/movies/105')).status).toBe(200);
    expect(app.offline.stats.calls).toBe(0);
  });
});

describe('TMDB failing', () => {
  beforeAll(async () => {
    for (const path of [...API_ROUTES, ...PAGES]) expect((await app.get(path)).status, path).toBe(200);
  });

  it.each([
    ['500s', { status: 500 }],
    ['503 maintenance', { status: 503 }],
    ['timeouts', { hang: true }],
    ['garbage bodies', { garbage: 'truncated' as const }],
    ['HTML error pages', { garbage: 'html' as const }],
    ['the wrong shape', { garbage: 'wrong-shape' as const }],
  ])(
    'with %s, every route and page visited before still answers 200 from the stale cache',
    async (name, fault: FaultSpec) => {
      const before = new Map<string, unknown>();
      for (const path of API_ROUTES) before.set(path, await (await app.get(path)).json());
      await expireEverything();
      app.offline.faults.set(fault);
      for (const path of API_ROUTES) {
        const res = await app.get(path);
        expect(res.status, path).toBe(200);
        expect(await res.json(), path).toEqual(before.get(path));
      }
      // Pages render afresh (the query string keeps the rendered-page cache out of it).
      for (const path of PAGES) {
        const res = await app.get(`${path}${path.includes('?') ? '&' : '?'}outage=${encodeURIComponent(name)}`);
        expect(res.status, path).toBe(200);
        expect(await res.text()).toMatch(/<\/html>/);
      }
      expect(app.errorLogs).toEqual([]);
    },
  );

  it('with nothing cached it is a 503 UPSTREAM_UNAVAILABLE, never a 500 or an empty list', async () => {
    app.offline.faults.set({ status: 500 });
    for (const path of [
      '/api/movies/now-playing?page=7',
      '/api/movies/27205',
      '/api/tv/discover?genre=35',
      '/api/people/31',
    ]) {
      const body = await expectError(await app.get(path), 503, 'UPSTREAM_UNAVAILABLE');
      expect(JSON.stringify(body)).not.toMatch(/127\.0\.0\.1|status_code|stack/);
    }
    app.offline.faults.set({ hang: true });
    await expectError(await app.get('/api/movies/24428'), 503, 'UPSTREAM_UNAVAILABLE');
    app.offline.faults.set({ garbage: 'wrong-shape' });
    await expectError(await app.get('/api/movies/top-rated?page=9'), 503, 'UPSTREAM_UNAVAILABLE');
  });

  it('after repeated failures the client stops calling TMDB for a while (fast 503s, no pile-up)', async () => {
    app.offline.faults.set({ hang: true });
    for (let i = 0; i < 5; i++) await app.get(`/api/movies/${1000 + i}`);
    app.offline.stats.reset();
    const started = Date.now();
    await expectError(await app.get('/api/movies/1010'), 503, 'UPSTREAM_UNAVAILABLE');
    // A hung TMDB costs a call 4.5 s in tests; a held-back call answers at once.
    expect(Date.now() - started).toBeLessThan(1500);
    expect(app.offline.stats.calls).toBe(0);
  });

  it('a stale entry is refreshed once TMDB is back', async () => {
    await app.get('/api/movies/278');
    await expireEverything();
    app.offline.stats.reset();
    expect((await app.get('/api/movies/278')).status).toBe(200);
    await eventually(async () => {
      const { rows } = await app.server.runtime.database.pool.query<{ fresh: boolean }>(
        `SELECT expires_at > now() AS fresh FROM tmdb_cache WHERE cache_key = 'movie:278'`,
      );
      expect(rows[0]?.fresh).toBe(true);
    });
    expect(calls('/3/movie/278')).toBe(1);
  });

  it('a title TMDB no longer has is dropped on refresh, not served stale for ever', async () => {
    await app.get('/api/movies/240');
    await expireEverything();
    // TMDB now answers 404 for it: the stale copy answers this once, and the refresh drops it.
    app.offline.faults.set({ status: 404, pathPrefix: '/movie/240' });
    expect((await app.get('/api/movies/240')).status).toBe(200);
    await eventually(async () => {
      const { rows } = await app.server.runtime.database.pool.query(
        `SELECT 1 FROM tmdb_cache WHERE cache_key = 'movie:240'`,
      );
      expect(rows).toHaveLength(0);
    });
    app.server.runtime.catalog.cache.clearMemory();
    expect((await app.get('/api/movies/240')).status).toBe(404);
  });
});

describe('rate limiting', () => {
  it('a 429 with Retry-After is honoured: the retry waits that long, then succeeds', async () => {
    app.offline.stats.reset();
    app.offline.faults.set({ status: 429, retryAfterS: 1, times: 1, pathPrefix: '/3/movie/769' });
    const started = Date.now();
    const res = await app.get('/api/movies/769');
    const elapsed = Date.now() - started;
    expect(res.status).toBe(200);
    expect(calls('/3/movie/769')).toBe(2);
    expect(elapsed).toBeGreaterThanOrEqual(1000);
  });

  it('a Retry-After longer than a request can wait fails fast and holds every call back meanwhile', async () => {
    await app.get('/api/movies/807');
    await expireEverything();
    app.offline.faults.set({ status: 429, retryAfterS: 6, times: 1 });
    await expectError(await app.get('/api/movies/857'), 503, 'UPSTREAM_UNAVAILABLE');
    app.offline.stats.reset();
    // Within the pause: stale is served and the miss fails, neither calling TMDB.
    expect((await app.get('/api/movies/807')).status).toBe(200);
    await expectError(await app.get('/api/movies/858'), 503, 'UPSTREAM_UNAVAILABLE');
    expect(app.offline.stats.calls).toBe(0);
  });
});

describe('metrics', () => {
  it('counts cache hits, misses, stale serves, upstream calls and latency in /metrics', async () => {
    const value = (text: string, series: string) => {
      const line = text.split('\n').find((l) => l.startsWith(`${series} `));
      return line ? Number(line.split(' ')[1]) : 0;
    };
    const read = async () => (await app.get('/metrics')).text();
    // Signed in: every request reaches the catalog cache (anonymous ones may be replayed whole).
    const user = await createUser(app);
    const before = await read();
    await user.get('/api/movies/424'); // miss + upstream call
    await user.get('/api/movies/424'); // memory
    app.server.runtime.catalog.cache.clearMemory();
    await user.get('/api/movies/424'); // table hit
    await expireEverything();
    app.offline.faults.set({ status: 500 });
    await user.get('/api/movies/424'); // stale
    const after = await read();
    const delta = (series: string) => value(after, series) - value(before, series);
    expect(delta('cinehub_tmdb_cache_total{result="miss"}')).toBeGreaterThanOrEqual(1);
    expect(delta('cinehub_tmdb_cache_total{result="memory"}')).toBeGreaterThanOrEqual(1);
    expect(delta('cinehub_tmdb_cache_total{result="hit"}')).toBeGreaterThanOrEqual(1);
    expect(delta('cinehub_tmdb_cache_total{result="stale"}')).toBeGreaterThanOrEqual(1);
    expect(delta('cinehub_upstream_requests_total{service="tmdb",outcome="ok"}')).toBeGreaterThanOrEqual(1);
    await eventually(async () => {
      const now = await read();
      expect(value(now, 'cinehub_upstream_requests_total{service="tmdb",outcome="500"}')).toBeGreaterThan(
        value(before, 'cinehub_upstream_requests_total{service="tmdb",outcome="500"}'),
      );
    });
    expect(delta('cinehub_upstream_request_duration_seconds_count{service="tmdb"}')).toBeGreaterThanOrEqual(1);
    expect(after).toMatch(/cinehub_upstream_request_duration_seconds_bucket\{le="0\.05",service="tmdb"\}/);
  });
});
