import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../tests/helpers/factories.ts';
import { startTestApp, type TestApp } from '../../tests/helpers/test-app.ts';

// The catalog's admin service (listEntries, purge, stats), as the admin feature calls it, on a
// real app: entries come from real requests through the cache.
let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
  for (const path of [
    '/api/movies/popular',
    '/api/movies/popular?page=2',
    '/api/tv/popular',
    '/api/movies/603',
    '/api/movies/604',
    '/api/genres',
  ]) {
    expect((await app.get(path)).status).toBe(200);
  }
});
afterAll(async () => {
  await app?.close();
});

const admin = () => app.server.runtime.catalogAdmin;

describe('catalog admin service', () => {
  it('lists entries by type and category, newest first, paginated', async () => {
    const lists = await admin().listEntries({ type: 'list', page: 1, limit: 100 });
    expect(lists.items.map((e) => e.category).sort()).toEqual(['movie:popular', 'movie:popular', 'tv:popular']);
    const popular = await admin().listEntries({ type: 'list', category: 'movie:popular', page: 1, limit: 1 });
    expect(popular.meta).toEqual({ page: 1, limit: 1, total: 2, totalPages: 2 });
    expect(popular.items[0]).toMatchObject({ type: 'list', category: 'movie:popular', expired: false });
    expect(popular.items[0]!.bytes).toBeGreaterThan(1000);
    expect(Date.parse(popular.items[0]!.expiresAt)).toBeGreaterThan(Date.now());
    const movies = await admin().listEntries({ type: 'movie', page: 1, limit: 10 });
    expect(movies.items.map((e) => e.tmdbId).sort()).toEqual([603, 604]);
    const all = await admin().listEntries({ page: 1, limit: 100 });
    const fetched = all.items.map((e) => Date.parse(e.fetchedAt));
    expect([...fetched].sort((a, b) => b - a)).toEqual(fetched);
  });

  it('stats: entries by type, lookups and hit ratio, upstream calls', async () => {
    // Signed in, so the answer is not replayed by the response micro-cache: a memory lookup.
    await (await createUser(app)).get('/api/movies/603');
    const s = await admin().stats();
    expect(s.entries).toBe(s.byType.reduce((n, r) => n + r.entries, 0));
    expect(s.byType).toEqual(expect.arrayContaining([{ type: 'movie', category: 'detail', entries: 2, expired: 0 }]));
    expect(s.lookups.miss).toBeGreaterThanOrEqual(5);
    expect(s.lookups.memory).toBeGreaterThanOrEqual(1);
    expect(s.hitRatio).toBeGreaterThan(0);
    expect(s.hitRatio).toBeLessThan(1);
    expect(s.upstream.calls).toBeGreaterThanOrEqual(5);
    expect(s.upstream).toMatchObject({ failures: 0, circuitOpen: false, paused: false });
  });

  it('purge by type and category drops table rows and memory copies: the next request refetches', async () => {
    const { deleted } = await admin().purge({ type: 'list', category: 'movie:popular' });
    expect(deleted).toBe(2);
    expect((await admin().listEntries({ type: 'list', page: 1, limit: 10 })).items.map((e) => e.category)).toEqual([
      'tv:popular',
    ]);
    app.offline.stats.reset();
    await app.get('/api/movies/popular');
    await app.get('/api/tv/popular');
    expect([...app.offline.stats.byPath.keys()]).toEqual(['/3/movie/popular']);
    expect((await admin().purge({})).deleted).toBeGreaterThan(3);
    expect((await admin().stats()).entries).toBe(0);
  });
});
