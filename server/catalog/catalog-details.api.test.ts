import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MovieDetail, PersonDetail, Season, TvDetail } from '#shared/contracts/catalog';
import { startTestApp, type TestApp } from '../../tests/helpers/test-app.ts';
import { expectError, getJson } from './catalog.test-helpers.ts';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.close();
});

describe('GET /api/movies/:id', () => {
  it('answers details with credits, videos, similar, recommendations, genres, runtime and release date', async () => {
    const m = MovieDetail.parse(await getJson(app, '/api/movies/603'));
    expect(m).toMatchObject({
      id: 603,
      mediaType: 'movie',
      title: 'The Matrix',
      releaseDate: '1999-03-30',
      year: 1999,
    });
    expect(m.runtime).toBe(136);
    expect(m.genres.map((g) => g.name)).toEqual(expect.arrayContaining(['Action', 'Science Fiction']));
    expect(m.genreIds).toEqual(m.genres.map((g) => g.id));
    expect(m.credits.cast.map((c) => c.name)).toContain('Keanu Reeves');
    expect(m.credits.cast.find((c) => c.name === 'Keanu Reeves')?.character).toBe('Neo');
    expect(m.credits.crew.some((c) => c.job === 'Director')).toBe(true);
    expect(m.similar.length).toBeGreaterThan(0);
    expect(m.recommendations.length).toBeGreaterThan(0);
    for (const s of [...m.similar, ...m.recommendations]) expect(s.mediaType).toBe('movie');
    expect(m.similar.map((s) => s.id)).not.toContain(603);
    expect(Array.isArray(m.videos)).toBe(true);
    for (const v of m.videos) expect(v.site).toBe('YouTube');
    expect(m.posterUrl).toMatch(/^\/img\/w342\//);
  });

  it('never leaks TMDB field names or third-party image URLs', async () => {
    const text = JSON.stringify(await getJson(app, '/api/movies/550'));
    expect(text).not.toMatch(/poster_path|release_date|vote_average|image\.tmdb\.org|127\.0\.0\.1/);
  });

  it('an unknown id is a 404 in the error shape, and a bad id a 400', async () => {
    await expectError(await app.get('/api/movies/999999999'), 404, 'NOT_FOUND');
    // Each says what is wrong in words a person reads.
    for (const [id, message] of [
      ['abc', 'must be a number'],
      ['-4', 'must be more than 0'],
      ['99999999999', 'must be at most 2147483647'],
      ['2.5', 'must be a whole number'],
    ]) {
      const body = await expectError(await app.get(`/api/movies/${id}`), 400, 'VALIDATION_ERROR');
      expect(body.error.details).toEqual([{ field: 'id', message }]);
    }
  });

  it('remembers a 404 for a while: the same unknown id asked again stays off TMDB', async () => {
    await expectError(await app.get('/api/movies/999999998'), 404, 'NOT_FOUND');
    app.offline.stats.reset();
    await expectError(await app.get('/api/movies/999999998'), 404, 'NOT_FOUND');
    expect(app.offline.stats.calls).toBe(0);
  });
});

describe('GET /api/tv/:id and seasons', () => {
  it('answers a show with its seasons', async () => {
    const t = TvDetail.parse(await getJson(app, '/api/tv/1396'));
    expect(t).toMatchObject({ id: 1396, mediaType: 'tv', title: 'Breaking Bad', year: 2008 });
    expect(t.seasons.length).toBeGreaterThanOrEqual(5);
    expect(t.numberOfSeasons).toBeGreaterThanOrEqual(5);
    expect(t.seasons.find((s) => s.seasonNumber === 1)).toMatchObject({ seasonNumber: 1 });
    expect(t.createdBy.map((c) => c.name)).toContain('Vince Gilligan');
    expect(t.genres.map((g) => g.name)).toContain('Drama');
    for (const s of t.similar) expect(s.mediaType).toBe('tv');
  });

  it("answers a season's episodes", async () => {
    const s = Season.parse(await getJson(app, '/api/tv/1396/season/1'));
    expect(s).toMatchObject({ tvId: 1396, seasonNumber: 1 });
    expect(s.episodes.length).toBeGreaterThan(3);
    expect(s.episodes.map((e) => e.episodeNumber)).toEqual(s.episodes.map((_, i) => i + 1));
    for (const e of s.episodes) {
      expect(e.name.length).toBeGreaterThan(0);
      // Episode stills use a size the image route serves.
      if (e.stillUrl) expect(e.stillUrl).toMatch(/^\/img\/(w92|w185|w342|w500|w780|original)\//);
    }
  });

  it('unknown shows and seasons are 404s; bad numbers 400s', async () => {
    await expectError(await app.get('/api/tv/999999999'), 404, 'NOT_FOUND');
    await expectError(await app.get('/api/tv/1396/season/99'), 404, 'NOT_FOUND');
    await expectError(await app.get('/api/tv/1396/season/x'), 400, 'VALIDATION_ERROR');
  });
});

describe('GET /api/people/:id', () => {
  it('answers a person with combined movie and TV credits, newest first', async () => {
    const p = PersonDetail.parse(await getJson(app, '/api/people/287'));
    expect(p).toMatchObject({ id: 287, name: 'Brad Pitt', knownForDepartment: 'Acting' });
    const titles = p.credits.cast.map((c) => c.title);
    expect(titles).toEqual(expect.arrayContaining(['Fight Club', 'Se7en']));
    expect(p.credits.cast.find((c) => c.title === 'Fight Club')?.character).toBe('Tyler Durden');
    const dates = p.credits.cast.map((c) => c.releaseDate).filter((d) => d !== null);
    expect([...dates].sort().reverse()).toEqual(dates);
    for (const c of p.credits.cast) expect(['movie', 'tv']).toContain(c.mediaType);
  });

  it('an unknown person is a 404', async () => {
    await expectError(await app.get('/api/people/999999999'), 404, 'NOT_FOUND');
  });
});
