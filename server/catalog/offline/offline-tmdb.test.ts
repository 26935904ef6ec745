import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startOfflineTmdb, type OfflineTmdb } from './offline-tmdb.ts';

// Shapes as TMDB v3 lists them (strict: no internal fields may leak into responses).
const MovieItem = z
  .object({
    adult: z.boolean(),
    backdrop_path: z.string(),
    genre_ids: z.array(z.number()),
    id: z.number(),
    original_language: z.string().nullable(),
    original_title: z.string().nullable(),
    overview: z.literal(''),
    popularity: z.number(),
    poster_path: z.string(),
    release_date: z.string().nullable(),
    title: z.string(),
    video: z.boolean(),
    vote_average: z.number().nullable(),
    vote_count: z.number().nullable(),
  })
  .strict();
const TvItem = z
  .object({
    adult: z.boolean(),
    backdrop_path: z.string(),
    first_air_date: z.string().nullable(),
    genre_ids: z.array(z.number()),
    id: z.number(),
    name: z.string(),
    origin_country: z.array(z.string()),
    original_language: z.string().nullable(),
    original_name: z.string().nullable(),
    overview: z.literal(''),
    popularity: z.number(),
    poster_path: z.string(),
    vote_average: z.number().nullable(),
    vote_count: z.number().nullable(),
  })
  .strict();
const KnownFor = z.union([
  MovieItem.extend({ media_type: z.literal('movie') }),
  TvItem.extend({ media_type: z.literal('tv') }),
]);
const PersonItem = z
  .object({
    adult: z.boolean(),
    gender: z.number(),
    id: z.number(),
    known_for_department: z.string().nullable(),
    name: z.string(),
    original_name: z.string(),
    popularity: z.number(),
    profile_path: z.string(),
    known_for: z.array(KnownFor),
  })
  .strict();
const MediaItem = z.union([KnownFor, PersonItem.extend({ media_type: z.literal('person') })]);
const paged = <T extends z.ZodType>(item: T) =>
  z.object({ page: z.number(), results: z.array(item), total_pages: z.number(), total_results: z.number() }).strict();

let tmdb: OfflineTmdb;

async function get(path: string, init?: RequestInit): Promise<{ status: number; headers: Headers; body: unknown }> {
  const res = await fetch(`${tmdb.baseUrl}${path}`, init);
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text === '' ? null : JSON.parse(text) };
}

async function ok<T extends z.ZodType>(path: string, schema: T): Promise<z.infer<T>> {
  const res = await get(path);
  expect(res.status, path).toBe(200);
  return schema.parse(res.body);
}

const Loose = z.record(z.string(), z.unknown());

beforeAll(async () => {
  tmdb = await startOfflineTmdb({ port: 0 });
});
afterAll(async () => {
  await tmdb.close();
});

describe('lists', () => {
  it('pages popular movies 20 at a time, most popular first', async () => {
    const first = await ok('/movie/popular', paged(MovieItem));
    const second = await ok('/movie/popular?page=2', paged(MovieItem));
    expect(first.results).toHaveLength(20);
    expect(first.total_pages).toBe(Math.ceil(first.total_results / 20));
    expect(first.total_results).toBeGreaterThan(5000);
    const pops = [...first.results, ...second.results].map((m) => m.popularity);
    expect(pops).toEqual([...pops].sort((a, b) => b - a));
    expect(second.results.map((m) => m.id)).not.toContain(first.results[0]?.id);
  });

  it('answers pages past the end empty and rejects pages outside 1..500 as TMDB does', async () => {
    const past = await ok('/movie/popular?page=400', paged(MovieItem));
    expect(past).toMatchObject({ page: 400, results: [] });
    for (const page of ['0', '501', 'abc']) {
      const res = await get(`/movie/popular?page=${page}`);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ success: false, status_code: 22 });
    }
  });

  it('trends with media_type, day and week in different orders, films and shows mixed in "all"', async () => {
    const day = await ok('/trending/movie/day', paged(MediaItem));
    const week = await ok('/trending/movie/week', paged(MediaItem));
    expect(day.results.every((r) => r.media_type === 'movie')).toBe(true);
    expect(day.results.map((r) => r.id)).not.toEqual(week.results.map((r) => r.id));
    const all = await ok('/trending/all/week?page=1', paged(MediaItem));
    const kinds = new Set(
      (await ok('/trending/all/week?page=2', paged(MediaItem))).results.concat(all.results).map((r) => r.media_type),
    );
    expect(kinds.has('movie') && kinds.has('tv')).toBe(true);
    const people = await ok('/trending/person/day', paged(MediaItem));
    expect(people.results.every((r) => r.media_type === 'person')).toBe(true);
    expect((await get('/trending/movie/month')).status).toBe(404);
  });

  it('derives upcoming and now playing from the reference date, with their date windows', async () => {
    const Dated = paged(MovieItem).extend({ dates: z.object({ minimum: z.string(), maximum: z.string() }) });
    const upcoming = await ok('/movie/upcoming', Dated);
    const playing = await ok('/movie/now_playing', Dated);
    expect(upcoming.results.length).toBeGreaterThan(0);
    expect(playing.results.length).toBeGreaterThan(0);
    for (const [list, min, max] of [
      [upcoming.results, upcoming.dates.minimum, upcoming.dates.maximum],
      [playing.results, playing.dates.minimum, playing.dates.maximum],
    ] as const) {
      for (const m of list) expect(m.release_date! >= min && m.release_date! <= max).toBe(true);
    }
    expect(playing.dates.maximum < upcoming.dates.minimum).toBe(true);
  });

  it('ranks top rated by vote average and keeps titles with few votes out', async () => {
    const top = await ok('/movie/top_rated', paged(MovieItem));
    const averages = top.results.map((m) => m.vote_average ?? 0);
    expect(averages).toEqual([...averages].sort((a, b) => b - a));
    expect(top.results.every((m) => m.vote_count === null || m.vote_count >= 300)).toBe(true);
  });

  it('serves the TV and people lists', async () => {
    for (const name of ['popular', 'top_rated', 'on_the_air', 'airing_today']) {
      expect((await ok(`/tv/${name}`, paged(TvItem))).results.length, name).toBeGreaterThan(0);
    }
    const people = await ok('/person/popular', paged(PersonItem));
    expect(people.results[0]?.known_for.length).toBeGreaterThan(0);
  });
});

describe('discover', () => {
  const movies = (query: string) => ok(`/discover/movie?${query}`, paged(MovieItem));

  it('filters by genres: comma means all of them, pipe any of them', async () => {
    const both = await movies('with_genres=878,28');
    const either = await movies('with_genres=878|28');
    const scifi = await movies('with_genres=878');
    expect(both.results.every((m) => m.genre_ids.includes(878) && m.genre_ids.includes(28))).toBe(true);
    expect(either.results.every((m) => m.genre_ids.includes(878) || m.genre_ids.includes(28))).toBe(true);
    expect(both.total_results).toBeLessThan(scifi.total_results);
    expect(either.total_results).toBeGreaterThan(scifi.total_results);
  });

  it('filters by release dates, year, rating, vote count and language', async () => {
    const range = await movies('primary_release_date.gte=2010-01-01&primary_release_date.lte=2012-12-31');
    expect(range.total_results).toBeGreaterThan(100);
    expect(range.results.every((m) => m.release_date! >= '2010-01-01' && m.release_date! <= '2012-12-31')).toBe(true);
    const year = await movies('primary_release_year=1994');
    expect(year.results.every((m) => m.release_date?.startsWith('1994-'))).toBe(true);
    const rated = await movies('vote_average.gte=8&vote_count.gte=1000&vote_average.lte=8.3');
    expect(rated.total_results).toBeGreaterThan(5);
    expect(rated.results.every((m) => m.vote_average! >= 8 && m.vote_average! <= 8.3 && m.vote_count! >= 1000)).toBe(
      true,
    );
    const french = await movies('with_original_language=fr');
    expect(french.total_results).toBeGreaterThan(10);
    expect(french.results.every((m) => m.original_language === 'fr')).toBe(true);
  });

  it('filters by runtime', async () => {
    const long = await movies('with_runtime.gte=170&with_runtime.lte=180');
    expect(long.total_results).toBeGreaterThan(0);
    for (const m of long.results.slice(0, 5)) {
      const details = await ok(`/movie/${m.id}`, Loose);
      expect(details.runtime).toBeGreaterThanOrEqual(170);
      expect(details.runtime).toBeLessThanOrEqual(180);
    }
  });

  it('sorts by each key in both directions', async () => {
    type Item = z.infer<typeof MovieItem>;
    const byNumber = (read: (m: Item) => number | null) => (a: Item, b: Item) => (read(a) ?? 0) - (read(b) ?? 0);
    const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
    const cases: Array<[string, (a: Item, b: Item) => number]> = [
      ['popularity', byNumber((m) => m.popularity)],
      ['vote_average', byNumber((m) => m.vote_average)],
      ['primary_release_date', (a, b) => (a.release_date ?? '').localeCompare(b.release_date ?? '')],
      ['title', (a, b) => collator.compare(a.title, b.title)],
    ];
    for (const [key, compare] of cases) {
      for (const dir of ['asc', 'desc'] as const) {
        const results = (await movies(`sort_by=${key}.${dir}&vote_count.gte=50`)).results;
        for (let i = 1; i < results.length; i += 1) {
          const order = compare(results[i - 1]!, results[i]!);
          expect(dir === 'asc' ? order <= 0 : order >= 0, `${key}.${dir} at ${i}`).toBe(true);
        }
      }
    }
  });

  it('rejects unknown sort keys and malformed values with 422', async () => {
    for (const query of ['sort_by=loudness.desc', 'primary_release_date.gte=yesterday', 'vote_average.gte=high']) {
      const res = await get(`/discover/movie?${query}`);
      expect(res.status, query).toBe(422);
      expect(res.body).toMatchObject({ success: false });
    }
  });

  it('discovers TV by genre and first air date, sorted', async () => {
    const drama = await ok(
      '/discover/tv?with_genres=18&first_air_date.gte=2010-01-01&sort_by=first_air_date.asc',
      paged(TvItem),
    );
    expect(drama.total_results).toBeGreaterThan(0);
    const dates = drama.results.map((s) => s.first_air_date ?? '');
    expect(dates.every((d) => d >= '2010-01-01')).toBe(true);
    expect(dates).toEqual([...dates].sort());
    expect(drama.results.every((s) => s.genre_ids.includes(18))).toBe(true);
  });
});
