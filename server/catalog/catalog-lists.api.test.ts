import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GenreList, MovieDetail, TvDetail, type CatalogItem } from '#shared/contracts/catalog';
import { startTestApp, type TestApp } from '../../tests/helpers/test-app.ts';
import { expectError, getJson, getPage } from './catalog.test-helpers.ts';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.close();
});

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
const LISTS = [
  '/api/movies/trending',
  '/api/movies/trending?window=day',
  '/api/movies/popular',
  '/api/movies/top-rated',
  '/api/movies/upcoming',
  '/api/movies/now-playing',
  '/api/tv/trending',
  '/api/tv/popular',
  '/api/tv/top-rated',
  '/api/tv/on-the-air',
];

describe('catalog lists', () => {
  it.each(LISTS)('%s answers a page of catalog items of its media type', async (path) => {
    const page = await getPage(app, path);
    expect(page.items.length).toBe(Math.min(20, page.meta.total));
    expect(page.items.length).toBeGreaterThan(0);
    expect(page.meta).toMatchObject({ page: 1, limit: 20 });
    expect(page.meta.totalPages).toBe(Math.ceil(page.meta.total / 20));
    const kind = path.startsWith('/api/tv') ? 'tv' : 'movie';
    for (const item of page.items) {
      expect(item.mediaType).toBe(kind);
      expect(typeof item.id).toBe('number');
      expect(item.title.length).toBeGreaterThan(0);
      if (item.posterUrl) expect(item.posterUrl).toMatch(/^\/img\/w342\/[\w.-]+$/);
      if (item.backdropUrl) expect(item.backdropUrl).toMatch(/^\/img\/w780\/[\w.-]+$/);
    }
  });

  it('trending by day and by week are different orders', async () => {
    const day = await getPage(app, '/api/movies/trending?window=day');
    const week = await getPage(app, '/api/movies/trending?window=week');
    expect(day.items.map((i) => i.id)).not.toEqual(week.items.map((i) => i.id));
  });

  it('pages are contiguous whatever the limit (limit 45 spans three TMDB pages)', async () => {
    const big = await getPage(app, '/api/movies/popular?limit=45');
    const p1 = await getPage(app, '/api/movies/popular?limit=15&page=1');
    const p2 = await getPage(app, '/api/movies/popular?limit=15&page=2');
    const p3 = await getPage(app, '/api/movies/popular?limit=15&page=3');
    expect(big.items).toHaveLength(45);
    expect([...p1.items, ...p2.items, ...p3.items].map((i) => i.id)).toEqual(big.items.map((i) => i.id));
    expect(p2.meta).toMatchObject({
      page: 2,
      limit: 15,
      total: big.meta.total,
      totalPages: Math.ceil(big.meta.total / 15),
    });
    expect(new Set(big.items.map((i) => i.id)).size).toBe(45);
  });

  it('a page past the end is empty with the real total, not an error', async () => {
    const page = await getPage(app, '/api/tv/top-rated?page=100000&limit=100');
    expect(page.items).toEqual([]);
    expect(page.meta.total).toBeGreaterThan(0);
  });

  it.each([
    ['limit=101', 'limit'],
    ['limit=0', 'limit'],
    ['page=0', 'page'],
    ['page=abc', 'page'],
    ['window=month', 'window'],
  ])('/api/movies/trending?%s is a 400 naming %s', async (query, field) => {
    const body = await expectError(await app.get(`/api/movies/trending?${query}`), 400, 'VALIDATION_ERROR');
    expect(body.error.details?.map((d) => d.field)).toContain(field);
  });

  it('an unknown query parameter is a 400, not silently ignored', async () => {
    await expectError(await app.get('/api/movies/popular?sort=rating'), 400, 'VALIDATION_ERROR');
  });
});

describe('genres', () => {
  it.each(['movie', 'tv'])('lists %s genres', async (type) => {
    const body = GenreList.parse(await getJson(app, `/api/genres?type=${type}`));
    expect(body.items.length).toBeGreaterThan(10);
    expect(body.items.map((g) => g.name)).toContain('Drama');
  });

  it('defaults to movie genres and refuses other types', async () => {
    const body = GenreList.parse(await getJson(app, '/api/genres'));
    expect(body.items.map((g) => g.name)).toContain('Science Fiction');
    await expectError(await app.get('/api/genres?type=person'), 400, 'VALIDATION_ERROR');
  });
});

async function discover(kind: 'movies' | 'tv', query: string) {
  return getPage(app, `/api/${kind}/discover?${query}&limit=100`);
}

describe('discover filters really filter', () => {
  it('genre: every result has every genre asked for', async () => {
    const one = await discover('movies', 'genre=878');
    expect(one.items.length).toBe(100);
    for (const m of one.items) expect(m.genreIds).toContain(878);
    const both = await discover('movies', 'genre=878,53');
    expect(both.meta.total).toBeLessThan(one.meta.total);
    for (const m of both.items) expect(m.genreIds).toEqual(expect.arrayContaining([878, 53]));
    const shows = await discover('tv', 'genre=18');
    for (const s of shows.items) expect(s.genreIds).toContain(18);
  });

  it('year, yearFrom and yearTo', async () => {
    for (const m of (await discover('movies', 'year=1999')).items) expect(m.year).toBe(1999);
    const range = await discover('movies', 'yearFrom=1990&yearTo=1994');
    expect(range.items.length).toBeGreaterThan(0);
    for (const m of range.items) {
      expect(m.year).toBeGreaterThanOrEqual(1990);
      expect(m.year).toBeLessThanOrEqual(1994);
    }
    for (const m of (await discover('movies', 'yearFrom=2015')).items) expect(m.year).toBeGreaterThanOrEqual(2015);
    const tv = await discover('tv', 'yearFrom=2010&yearTo=2012');
    expect(tv.items.length).toBeGreaterThan(0);
    for (const s of tv.items) {
      expect(s.year).toBeGreaterThanOrEqual(2010);
      expect(s.year).toBeLessThanOrEqual(2012);
    }
    for (const s of (await discover('tv', 'year=2008')).items) expect(s.year).toBe(2008);
  });

  it('minRating and minVotes', async () => {
    const rated = await discover('movies', 'minRating=8');
    expect(rated.items.length).toBeGreaterThan(0);
    for (const m of rated.items) expect(m.voteAverage).toBeGreaterThanOrEqual(8);
    const voted = await discover('movies', 'minVotes=10000');
    expect(voted.items.length).toBeGreaterThan(0);
    for (const m of voted.items) expect(m.voteCount ?? 0).toBeGreaterThanOrEqual(10000);
    for (const s of (await discover('tv', 'minRating=8.5&minVotes=500')).items) {
      expect(s.voteAverage).toBeGreaterThanOrEqual(8.5);
      expect(s.voteCount).toBeGreaterThanOrEqual(500);
    }
  });

  it('runtimeMin and runtimeMax (checked on the details of the results)', async () => {
    const page = await getPage(app, '/api/movies/discover?runtimeMin=150&runtimeMax=160&limit=8');
    expect(page.items.length).toBeGreaterThan(0);
    for (const m of page.items) {
      const d = MovieDetail.parse(await getJson(app, `/api/movies/${m.id}`));
      expect(d.runtime).toBeGreaterThanOrEqual(150);
      expect(d.runtime).toBeLessThanOrEqual(160);
    }
  });

  it('language (checked on the details of the results)', async () => {
    const movies = await getPage(app, '/api/movies/discover?language=fr&limit=6');
    expect(movies.items.length).toBeGreaterThan(0);
    for (const m of movies.items) {
      expect(MovieDetail.parse(await getJson(app, `/api/movies/${m.id}`)).originalLanguage).toBe('fr');
    }
    const shows = await getPage(app, '/api/tv/discover?language=ja&limit=4');
    for (const s of shows.items)
      expect(TvDetail.parse(await getJson(app, `/api/tv/${s.id}`)).originalLanguage).toBe('ja');
    const all = await discover('movies', 'sort=popularity.desc');
    expect(movies.meta.total).toBeLessThan(all.meta.total);
  });

  it('filters combine', async () => {
    const page = await discover('movies', 'genre=18&yearFrom=2000&yearTo=2009&minRating=7.5&minVotes=1000');
    expect(page.items.length).toBeGreaterThan(0);
    for (const m of page.items) {
      expect(m.genreIds).toContain(18);
      expect(m.year).toBeGreaterThanOrEqual(2000);
      expect(m.year).toBeLessThanOrEqual(2009);
      expect(m.voteAverage).toBeGreaterThanOrEqual(7.5);
      expect(m.voteCount).toBeGreaterThanOrEqual(1000);
    }
  });

  it.each([
    ['genre=action', 'genre'],
    ['year=1800', 'year'],
    ['yearFrom=2010&yearTo=2000', 'yearFrom'],
    ['runtimeMin=200&runtimeMax=100', 'runtimeMin'],
    ['minRating=11', 'minRating'],
    ['language=english', 'language'],
    ['sort=votes.desc', 'sort'],
    ['sort=rating.up', 'sort'],
    ['limit=101', 'limit'],
  ])('%s is a 400 naming %s', async (query, field) => {
    const body = await expectError(await app.get(`/api/movies/discover?${query}`), 400, 'VALIDATION_ERROR');
    expect(body.error.details?.map((d) => d.field)).toContain(field);
  });
});

type Read = (i: CatalogItem) => number | string | null;
const SORTS: [string, Read, 'number' | 'string'][] = [
  ['popularity', (i) => i.popularity, 'number'],
  ['rating', (i) => i.voteAverage, 'number'],
  ['release_date', (i) => i.releaseDate, 'string'],
  ['title', (i) => i.title, 'string'],
];

function expectOrdered(
  items: CatalogItem[],
  read: Read,
  kind: 'number' | 'string',
  dir: 'asc' | 'desc',
  field: string,
) {
  const values = items.map(read).filter((v) => v !== null);
  expect(values.length).toBeGreaterThan(10);
  for (let i = 1; i < values.length; i++) {
    const a = values[i - 1]!;
    const b = values[i]!;
    const cmp =
      kind === 'number'
        ? Number(a) - Number(b)
        : field === 'title'
          ? collator.compare(String(a), String(b))
          : String(a).localeCompare(String(b));
    if (dir === 'asc') expect(cmp, `${String(a)} before ${String(b)}`).toBeLessThanOrEqual(0);
    else expect(cmp, `${String(a)} before ${String(b)}`).toBeGreaterThanOrEqual(0);
  }
}

describe('discover sorts', () => {
  for (const kind of ['movies', 'tv'] as const) {
    for (const [field, read, type] of SORTS) {
      for (const dir of ['asc', 'desc'] as const) {
        it(`${kind}: sort=${field}.${dir}`, async () => {
          // Enough votes that rating sorts are not all tens from single votes, and titles are real.
          const page = await discover(kind, `sort=${field}.${dir}&minVotes=50`);
          expectOrdered(page.items, read, type, dir, field);
        });
      }
    }
  }

  it('a sort without a direction is descending', async () => {
    const bare = await discover('movies', 'sort=rating&minVotes=50');
    const desc = await discover('movies', 'sort=rating.desc&minVotes=50');
    expect(bare.items.map((i) => i.id)).toEqual(desc.items.map((i) => i.id));
  });
});
