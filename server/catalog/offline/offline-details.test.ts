import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startOfflineTmdb, type OfflineTmdb } from './offline-tmdb.ts';

const NOT_FOUND = { success: false, status_code: 34, status_message: 'The resource you requested could not be found.' };
const SYNTHETIC_PERSON_ID_OFFSET = 900_000_000;

const CastEntry = z.object({
  id: z.number(),
  name: z.string(),
  character: z.string().nullable(),
  order: z.number(),
  profile_path: z.string(),
  known_for_department: z.string().nullable(),
  credit_id: z.string().regex(/^[0-9a-f]{24}$/),
});
const CrewEntry = z.object({ id: z.number(), name: z.string(), job: z.string(), department: z.string() });
const ListItem = z.object({ id: z.number(), title: z.string().optional(), name: z.string().optional() }).loose();
const Page = z.object({
  page: z.number(),
  results: z.array(ListItem),
  total_pages: z.number(),
  total_results: z.number(),
});
const MovieDetails = z
  .object({
    id: z.number(),
    title: z.string(),
    genres: z.array(z.object({ id: z.number(), name: z.string() })),
    runtime: z.number().nullable(),
    release_date: z.string().nullable(),
    imdb_id: z.string().nullable(),
    poster_path: z.string(),
    production_companies: z.array(z.object({ id: z.number(), name: z.string(), logo_path: z.null() })),
    credits: z.object({ cast: z.array(CastEntry), crew: z.array(CrewEntry) }),
    videos: z.object({ results: z.array(z.unknown()) }),
    similar: Page,
    recommendations: Page,
    keywords: z.object({ keywords: z.array(z.object({ id: z.number(), name: z.string() })) }),
    release_dates: z.object({ results: z.array(z.unknown()) }),
    external_ids: z.object({ imdb_id: z.string().nullable() }),
  })
  .loose();
const CombinedCredits = z.object({
  id: z.number(),
  cast: z.array(
    z.object({ id: z.number(), media_type: z.enum(['movie', 'tv']), character: z.string().nullable() }).loose(),
  ),
  crew: z.array(
    z
      .object({
        id: z.number(),
        media_type: z.enum(['movie', 'tv']),
        job: z.string(),
        title: z.string().optional(),
        name: z.string().optional(),
      })
      .loose(),
  ),
});
/** Appended sub-resources leave out the id the standalone path repeats, as on TMDB. */
const AppendedCredits = CombinedCredits.omit({ id: true });

let tmdb: OfflineTmdb;

async function get(path: string, init?: RequestInit): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${tmdb.baseUrl}${path}`, init);
  return { status: res.status, body: await res.json() };
}

async function ok<T extends z.ZodType>(path: string, schema: T): Promise<z.infer<T>> {
  const res = await get(path);
  expect(res.status, path).toBe(200);
  return schema.parse(res.body);
}

beforeAll(async () => {
  tmdb = await startOfflineTmdb({ port: 0 });
});
afterAll(async () => {
  await tmdb.close();
});

describe('movie details', () => {
  const appends = 'credits,videos,similar,recommendations,keywords,release_dates,external_ids';

  it('returns the facts with every appended sub-resource', async () => {
    const m = await ok(`/movie/157336?append_to_response=${appends}`, MovieDetails);
    expect(m).toMatchObject({
      id: 157336,
      title: 'Interstellar',
      runtime: 169,
      release_date: '2014-11-05',
      imdb_id: 'tt0816692',
    });
    expect(m.genres.map((g) => g.name)).toEqual(['Adventure', 'Drama', 'Science Fiction']);
    expect(m.credits.cast[0]).toMatchObject({ id: 10297, name: 'Matthew McConaughey', character: 'Cooper', order: 0 });
    expect(m.credits.crew).toContainEqual(
      expect.objectContaining({ id: 525, name: 'Christopher Nolan', job: 'Director' }),
    );
    expect(m.videos.results).toEqual([]);
    expect(m.keywords.keywords.map((k) => k.name)).toContain('wormhole');
    expect(m.similar.results.length).toBeGreaterThan(0);
    expect(m.similar.results.map((r) => r.id)).not.toContain(157336);
    expect(m.recommendations.results.length).toBeGreaterThan(0);
    // Appended lists are page 1 of the standalone ones.
    expect(m.similar.page).toBe(1);
  });

  it('serves the sub-resources on their own paths, deterministically', async () => {
    const credits = await ok(
      '/movie/157336/credits',
      z.object({ id: z.literal(157336), cast: z.array(CastEntry), crew: z.array(CrewEntry) }),
    );
    expect(credits.cast.length).toBeGreaterThan(3);
    const similar = await ok('/movie/157336/similar', Page);
    const again = await ok('/movie/157336/similar', Page);
    expect(similar.results.map((r) => r.id)).toEqual(again.results.map((r) => r.id));
    const recommendations = await ok('/movie/238/recommendations', Page);
    // The same director and lead cast make the sequels the strongest recommendations.
    expect(recommendations.results.slice(0, 3).map((r) => r.id)).toEqual(expect.arrayContaining([240]));
    expect(await ok('/movie/157336/videos', z.object({ id: z.number(), results: z.array(z.unknown()) }))).toEqual({
      id: 157336,
      results: [],
    });
  });

  it('exposes people without a TMDB id under synthetic ids that resolve', async () => {
    const { cast } = await ok('/movie/157336/credits', z.object({ cast: z.array(CastEntry) }));
    const synthetic = cast.find((c) => c.id > SYNTHETIC_PERSON_ID_OFFSET);
    expect(synthetic).toBeDefined();
    const person = await ok(
      `/person/${synthetic!.id}?append_to_response=combined_credits`,
      z.object({ name: z.string(), combined_credits: AppendedCredits }).loose(),
    );
    expect(person.name).toBe(synthetic!.name);
    expect(person.combined_credits.cast.map((c) => c.id)).toContain(157336);
  });

  it('answers unknown ids and paths with TMDB 404 body', async () => {
    for (const path of [
      '/movie/1',
      '/movie/abc',
      '/person/999999999',
      '/tv/1399/season/99',
      '/movie/157336/nonsense',
      '/nope',
    ]) {
      const res = await get(path);
      expect(res.status, path).toBe(404);
      expect(res.body).toEqual(NOT_FOUND);
    }
  });

  it('accepts api_key and Bearer credentials and ignores their values', async () => {
    expect((await get('/movie/157336?api_key=anything')).status).toBe(200);
    expect((await get('/movie/157336', { headers: { Authorization: 'Bearer whatever' } })).status).toBe(200);
  });
});

describe('tv and people', () => {
  it('returns a show with seasons, creators as crew and similar shows', async () => {
    const show = await ok(
      '/tv/1399?append_to_response=credits,similar',
      z
        .object({
          name: z.literal('Game of Thrones'),
          seasons: z.array(
            z.object({ season_number: z.number(), episode_count: z.number(), air_date: z.string().nullable() }).loose(),
          ),
          networks: z.array(z.object({ name: z.string() }).loose()),
          created_by: z.array(z.object({ id: z.number(), name: z.string() }).loose()),
          credits: z.object({ cast: z.array(z.unknown()), crew: z.array(CrewEntry) }),
          similar: Page,
        })
        .loose(),
    );
    expect(show.networks.map((n) => n.name)).toContain('HBO');
    expect(show.created_by.map((c) => c.name)).toContain('David Benioff');
    expect(show.credits.crew).toContainEqual(expect.objectContaining({ name: 'David Benioff', job: 'Creator' }));
    expect(show.similar.results.length).toBeGreaterThan(0);
  });

  it('generates a season of "Episode N" rows, weekly from the season air date, with no prose', async () => {
    const season = await ok(
      '/tv/1399/season/1',
      z
        .object({
          air_date: z.string(),
          season_number: z.literal(1),
          episodes: z.array(
            z
              .object({ name: z.string(), episode_number: z.number(), air_date: z.string(), overview: z.string() })
              .loose(),
          ),
        })
        .loose(),
    );
    expect(season.episodes).toHaveLength(10);
    expect(season.episodes.map((e) => e.name)).toEqual(Array.from({ length: 10 }, (_, i) => `Episode ${i + 1}`));
    expect(season.episodes[0]?.air_date).toBe(season.air_date);
    expect(season.episodes[1]?.air_date).toBe('2011-04-24');
    expect(season.episodes.every((e) => e.overview === '')).toBe(true);
  });

  it("lists a person's combined credits with media types and titles", async () => {
    const nolan = await ok('/person/525/combined_credits', CombinedCredits);
    expect(nolan.crew).toContainEqual(
      expect.objectContaining({ id: 157336, media_type: 'movie', job: 'Director', title: 'Interstellar' }),
    );
    const benioff = await ok(
      '/person/9813?append_to_response=combined_credits,movie_credits,tv_credits',
      z
        .object({
          name: z.string(),
          combined_credits: AppendedCredits,
          tv_credits: z.object({ crew: z.array(z.unknown()) }),
        })
        .loose(),
    );
    expect(benioff.combined_credits.crew).toContainEqual(
      expect.objectContaining({ id: 1399, media_type: 'tv', name: 'Game of Thrones', job: 'Creator' }),
    );
    expect(benioff.tv_credits.crew.length).toBeGreaterThan(0);
  });
});

describe('search', () => {
  const titles = async (path: string) => (await ok(path, Page)).results.map((r) => r.title ?? r.name);

  it('finds exact titles first', async () => {
    expect((await titles('/search/movie?query=the%20godfather'))[0]).toBe('The Godfather');
  });

  it('ignores case and accents', async () => {
    expect((await titles('/search/movie?query=AMELIE'))[0]).toBe('Amélie');
    expect((await titles('/search/multi?query=am%C3%A9lie'))[0]).toBe('Amélie');
  });

  it('tolerates typos and matches prefixes', async () => {
    expect((await titles('/search/movie?query=godfater'))[0]).toBe('The Godfather');
    expect(await titles('/search/movie?query=interstel')).toContain('Interstellar');
  });

  it('filters movies by year and shows by first air year', async () => {
    expect(await titles('/search/movie?query=godfather&year=1974')).toEqual(['The Godfather: Part II']);
    expect(await titles('/search/movie?query=godfather&primary_release_year=1990')).toEqual([
      'The Godfather: Part III',
    ]);
    expect(await titles('/search/tv?query=thrones&first_air_date_year=2011')).toEqual(['Game of Thrones']);
  });

  it('searches people and everything at once, with media types', async () => {
    const people = await ok('/search/person?query=tom%20hanks', Page);
    expect(people.results[0]).toMatchObject({ id: 31, name: 'Tom Hanks' });
    const multi = await ok('/search/multi?query=game%20of%20thrones', Page);
    expect(multi.results[0]).toMatchObject({ id: 1399, media_type: 'tv' });
  });

  it('answers a missing query with an empty page', async () => {
    expect(await ok('/search/movie', Page)).toEqual({ page: 1, results: [], total_pages: 1, total_results: 0 });
  });
});

describe('configuration, genres and images', () => {
  it('points the image base at this service', async () => {
    const config = await ok(
      '/configuration',
      z.object({ images: z.object({ base_url: z.string(), poster_sizes: z.array(z.string()) }).loose() }).loose(),
    );
    expect(config.images.base_url).toBe(`${tmdb.imageBaseUrl}/`);
    expect(config.images.poster_sizes).toContain('w500');
    const genres = await ok(
      '/genre/movie/list',
      z.object({ genres: z.array(z.object({ id: z.number(), name: z.string() })) }),
    );
    expect(genres.genres).toHaveLength(19);
  });

  it('draws an SVG poster for every title on a page, cacheable for good', async () => {
    const popular = await ok('/movie/popular', Page);
    for (const movie of popular.results) {
      const res = await fetch(`${tmdb.imageBaseUrl}/w342${String(movie.poster_path)}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
      expect(res.headers.get('cache-control')).toContain('max-age=31536000');
      const svg = await res.text();
      expect(svg).toMatch(/^<svg [^>]*width="342" height="513" viewBox="0 0 600 900"/);
    }
  });

  it('draws backdrops at 16:9 and profiles at 2:3', async () => {
    const backdrop = await (await fetch(`${tmdb.imageBaseUrl}/w1280/cinehub-mb211672.svg`)).text();
    expect(backdrop).toContain('viewBox="0 0 1280 720"');
    expect(backdrop).toContain('Minions');
    const profile = await (await fetch(`${tmdb.imageBaseUrl}/h632/xuAIuYSmsUzKlUMBFGVZaWsY3DZ.jpg`)).text();
    expect(profile).toMatch(/width="421" height="632" viewBox="0 0 600 900"/);
    expect(profile).toContain('Nolan');
  });

  it('escapes every text it draws', async () => {
    const { poster_path: poster } = await ok('/movie/13448', z.object({ poster_path: z.string() }).loose());
    const angels = await (await fetch(`${tmdb.imageBaseUrl}/w500${poster}`)).text();
    expect(angels).toContain('Angels &#38; Demons');
    expect(angels).not.toMatch(/&(?!#\d+;)/);
    const macho = await (await fetch(`${tmdb.imageBaseUrl}/w185/cinehub-p900000001.svg`)).text();
    expect(macho).toContain('&#34;Macho');
    expect(macho).not.toContain('"Macho');
  });

  it('answers unknown image paths and sizes with 404', async () => {
    expect((await fetch(`${tmdb.imageBaseUrl}/w500/not-a-poster.jpg`)).status).toBe(404);
    expect((await fetch(`${tmdb.imageBaseUrl}/w999/cinehub-mb211672.svg`)).status).toBe(404);
  });
});
