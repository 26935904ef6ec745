import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CatalogItem } from '#shared/contracts/catalog';
import { toPage } from '#shared/contracts/common';
import { startTestApp, type TestApp } from '../../tests/helpers/test-app.ts';
import { startOfflineTmdb, type OfflineTmdb } from './offline/offline-tmdb.ts';
import { search, splitYear } from './catalog-search.service.ts';
import { expectError, getPage } from './catalog.test-helpers.ts';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.close();
});

const ids = (items: CatalogItem[]) => items.map((i) => `${i.mediaType}:${i.id}`);

describe('GET /api/search', () => {
  it('multi search mixes movies, shows and people, each with its mediaType', async () => {
    expect(ids((await getPage(app, '/api/search?q=fight%20club')).items)).toContain('movie:550');
    expect(ids((await getPage(app, '/api/search?q=breaking%20bad')).items)).toContain('tv:1396');
    expect(ids((await getPage(app, '/api/search?q=brad%20pitt')).items)).toContain('person:287');
    for (const i of (await getPage(app, '/api/search?q=star&limit=100')).items) {
      expect(['movie', 'tv', 'person']).toContain(i.mediaType);
    }
  });

  it.each(['movie', 'tv', 'person'])('type=%s answers only that type', async (type) => {
    const page = await getPage(app, `/api/search?q=the&type=${type}&limit=50`);
    expect(page.items.length).toBeGreaterThan(0);
    for (const i of page.items) expect(i.mediaType).toBe(type);
  });

  it('a year at the end of the query filters by year, for every type', async () => {
    const multi = await getPage(app, '/api/search?q=matrix%201999');
    expect(ids(multi.items)).toContain('movie:603');
    for (const i of multi.items) expect(i.year).toBe(1999);
    const movies = await getPage(app, '/api/search?q=matrix%20(2003)&type=movie');
    expect(movies.items.map((i) => i.title)).toEqual(
      expect.arrayContaining(['The Matrix Reloaded', 'The Matrix Revolutions']),
    );
    for (const i of movies.items) expect(i.year).toBe(2003);
    const shows = await getPage(app, '/api/search?q=breaking%20bad%202008&type=tv');
    expect(ids(shows.items)).toContain('tv:1396');
    for (const i of shows.items) expect(i.year).toBe(2008);
    const all = await getPage(app, '/api/search?q=matrix');
    expect(all.meta.total).toBeGreaterThan(multi.meta.total);
  });

  it('a bare year is a query, not a filter', async () => {
    expect(splitYear('1917')).toEqual({ text: '1917' });
    expect(splitYear('the matrix 1999', 2026)).toEqual({ text: 'the matrix', year: 1999 });
    // Past next year it is a number in the title.
    expect(splitYear('blade runner 2049', 2026)).toEqual({ text: 'blade runner 2049' });
    expect(ids((await getPage(app, '/api/search?q=1917&type=movie')).items)).toContain('movie:530915');
  });

  it('finds titles whose names end in a number: not a year, or a year that finds nothing', async () => {
    for (const title of ['Blade Runner 2049', 'Wonder Woman 1984']) {
      const found = await getPage(app, `/api/search?q=${encodeURIComponent(title)}&type=movie`);
      expect(found.items[0]?.title, title).toBe(title);
    }
  });

  it('finds titles through one or two typos and missing accents', async () => {
    expect(ids((await getPage(app, '/api/search?q=godfater')).items)).toContain('movie:238');
    expect(ids((await getPage(app, '/api/search?q=amelie')).items)).toContain('movie:194');
    expect(ids((await getPage(app, '/api/search?q=shawshenk%20redemtion')).items)).toContain('movie:278');
  });

  it.each([
    ['', 'q'],
    ['q=', 'q'],
    ['q=%20%20', 'q'],
    [`q=${'a'.repeat(201)}`, 'q'],
    ['q=matrix&type=album', 'type'],
    ['q=matrix&limit=101', 'limit'],
  ])('?%s is a 400 naming %s', async (query, field) => {
    const body = await expectError(await app.get(`/api/search?${query}`), 400, 'VALIDATION_ERROR');
    expect(body.error.details?.map((d) => d.field)).toContain(field);
  });
});

describe('custom titles in search (the library feature plugs searchCustom in)', () => {
  const custom = (n: number): CatalogItem => ({
    id: `00000000-0000-4000-8000-00000000000${n}`,
    mediaType: 'custom',
    title: `Matrix fan cut ${n}`,
    releaseDate: null,
    year: 1999,
    posterUrl: null,
    backdropUrl: null,
    voteAverage: null,
    voteCount: null,
    genreIds: [],
    popularity: null,
  });
  const asked: { text: string; year?: number; page: number; limit: number }[] = [];
  const searchCustom = async (s: { text: string; year?: number }, q: { page: number; limit: number }) => {
    asked.push({ ...s, ...q });
    const all = [custom(1), custom(2)];
    return toPage(all.slice((q.page - 1) * q.limit, q.page * q.limit), q, all.length);
  };

  it('multi search leads with custom matches, then TMDB, paged as one list', async () => {
    const deps = { ...app.server.runtime.catalog, searchCustom };
    const p1 = await search(deps, { q: 'matrix 1999', type: 'multi', page: 1, limit: 2 });
    expect(asked.at(-1)).toMatchObject({ text: 'matrix', year: 1999 });
    expect(p1.items.map((i) => i.mediaType)).toEqual(['custom', 'custom']);
    const p2 = await search(deps, { q: 'matrix 1999', type: 'multi', page: 2, limit: 2 });
    expect(ids(p2.items)).toContain('movie:603');
    expect(p2.meta.total).toBe(p1.meta.total);
    expect(p1.meta.total).toBeGreaterThanOrEqual(3);
  });

  it('type=custom pages through the custom search alone; without a provider it is empty', async () => {
    const deps = { ...app.server.runtime.catalog, searchCustom };
    const page = await search(deps, { q: 'fan cut', type: 'custom', page: 1, limit: 1 });
    expect(page).toMatchObject({ meta: { page: 1, limit: 1, total: 2, totalPages: 2 } });
    expect(page.items[0]?.mediaType).toBe('custom');
    const none = await search(
      { ...app.server.runtime.catalog, searchCustom: undefined },
      { q: 'x', type: 'custom', page: 1, limit: 20 },
    );
    expect(none).toEqual({ items: [], meta: { page: 1, limit: 20, total: 0, totalPages: 0 } });
  });
});

/**
 * The real TMDB's search matches spelling more strictly than the offline one: this stand-in
 * answers every search with no results (as TMDB does for a typo it cannot place) and passes
 * everything else to an offline TMDB.
 */
async function startStrictTmdb(upstream: OfflineTmdb): Promise<{ baseUrl: string; server: Server }> {
  const server = createServer((req, res) => {
    if (req.url?.startsWith('/3/search/')) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ page: 1, results: [], total_pages: 1, total_results: 0 }));
      return;
    }
    fetch(`${upstream.baseUrl.replace(/\/3$/, '')}${req.url}`)
      .then(async (r) => {
        res.writeHead(r.status, { 'content-type': r.headers.get('content-type') ?? 'application/json' });
        res.end(Buffer.from(await r.arrayBuffer()));
      })
      .catch(() => res.destroy());
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/3`, server };
}

describe('with the real TMDB: typos fall back to titles already seen (pg_trgm)', () => {
  let remote: TestApp;
  let offline: OfflineTmdb;
  let strict: { baseUrl: string; server: Server };
  beforeAll(async () => {
    offline = await startOfflineTmdb({ port: 0 });
    strict = await startStrictTmdb(offline);
    remote = await startTestApp({
      env: { TMDB_API_KEY: 'test-v3-key', TMDB_BASE_URL: strict.baseUrl, TMDB_IMAGE_BASE_URL: offline.imageBaseUrl },
    });
  });
  afterAll(async () => {
    await remote?.close();
    await new Promise((r) => strict?.server.close(r));
    await offline?.close();
  });

  it('a title seen in a list is found again by a misspelt search', async () => {
    // (Another URL than the searches below: anonymous answers are replayed for a few seconds.)
    expect((await getPage(remote, '/api/search?q=godfater&page=1')).items).toEqual([]);
    const list = await getPage(remote, '/api/movies/top-rated?limit=100');
    expect(ids(list.items)).toContain('movie:238');
    const found = await getPage(remote, '/api/search?q=godfater');
    expect(ids(found.items)[0]).toBe('movie:238');
    expect(ids((await getPage(remote, '/api/search?q=the%20godfater&type=movie')).items)).toContain('movie:238');
    // The fallback keeps the type and the year.
    expect((await getPage(remote, '/api/search?q=godfater&type=tv')).items).toEqual([]);
    expect(ids((await getPage(remote, '/api/search?q=godfater%201972')).items)).toEqual(['movie:238']);
    expect((await getPage(remote, '/api/search?q=godfater%201980')).items).toEqual([]);
  });

  it('accents and case do not matter to the fallback', async () => {
    expect((await remote.get('/api/movies/194')).status).toBe(200);
    expect(ids((await getPage(remote, '/api/search?q=AMELIE')).items)).toContain('movie:194');
  });

  it('with TMDB down and nothing cached, look-alikes are served; with none, a 503', async () => {
    offline.faults.set({ status: 503, pathPrefix: '/3/movie/popular' });
    try {
      // The strict stand-in answers searches itself, so take TMDB down by closing the route to it.
      strict.server.removeAllListeners('request');
      strict.server.on('request', (_req, res) => {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end('{"status_code":11}');
      });
      const found = await getPage(remote, '/api/search?q=godfathr');
      expect(ids(found.items)).toContain('movie:238');
      await expectError(await remote.get('/api/search?q=zzqqxx%20nothing%20like%20it'), 503, 'UPSTREAM_UNAVAILABLE');
    } finally {
      offline.faults.clear();
    }
  });
});
