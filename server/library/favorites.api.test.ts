import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CatalogItem } from '#shared/contracts/catalog';
import { CustomTitleView, FavoritePage, FavoriteView, LibraryState } from '#shared/contracts/library';
import { createUser, type TestUser } from '../../tests/helpers/factories.ts';
import { countQueries, expectError, json, pickTitles } from '../../tests/helpers/library.ts';
import { startTestApp, type TestApp } from '../../tests/helpers/test-app.ts';

let app: TestApp;
let movies: CatalogItem[];
let shows: CatalogItem[];
beforeAll(async () => {
  app = await startTestApp();
  [movies, shows] = await Promise.all([pickTitles(app, 'movie', 55), pickTitles(app, 'tv', 2)]);
});
afterAll(async () => {
  await app?.close();
});

const favorite = async (user: TestUser, mediaType: string, mediaId: unknown, status = 201) =>
  FavoriteView.parse(await json(await user.send('POST', '/api/favorites', { mediaType, mediaId }), status));
const list = async (user: TestUser, query = '') =>
  FavoritePage.parse(await json(await user.get(`/api/favorites${query}`), 200));

describe('favorites', () => {
  it('adds a movie with its catalog summary; adding it again returns the first one with 200', async () => {
    const alice = await createUser(app);
    const movie = movies[0]!;
    const first = await favorite(alice, 'movie', movie.id, 201);
    expect(first).toMatchObject({ mediaType: 'movie', mediaId: movie.id });
    expect(first.media).toMatchObject({ title: movie.title, year: movie.year, posterUrl: movie.posterUrl });
    const again = await favorite(alice, 'movie', movie.id, 200);
    expect(again.id).toBe(first.id);
    expect((await list(alice)).meta.total).toBe(1);
  });

  it('lists newest first, paginated, filtered by ?mediaType, each with title, year and poster', async () => {
    const bob = await createUser(app);
    await favorite(bob, 'movie', movies[1]!.id);
    await favorite(bob, 'tv', shows[0]!.id);
    await favorite(bob, 'movie', movies[2]!.id);
    const all = await list(bob, '?limit=2');
    expect(all.meta).toEqual({ page: 1, limit: 2, total: 3, totalPages: 2 });
    expect(all.items.map((f) => f.mediaId)).toEqual([movies[2]!.id, shows[0]!.id]);
    expect(all.items[1]!.media).toMatchObject({ mediaType: 'tv', title: shows[0]!.title });
    const page2 = await list(bob, '?limit=2&page=2');
    expect(page2.items.map((f) => f.mediaId)).toEqual([movies[1]!.id]);
    const tv = await list(bob, '?mediaType=tv');
    expect(tv.items.map((f) => f.mediaType)).toEqual(['tv']);
    await expectError(await bob.get('/api/favorites?limit=101'), 400, 'VALIDATION_ERROR');
    await expectError(await bob.get('/api/favorites?mediaType=person'), 400, 'VALIDATION_ERROR');
  });

  it('refuses unknown titles (404) and malformed references (400 with the field)', async () => {
    const carol = await createUser(app);
    await expectError(
      await carol.send('POST', '/api/favorites', { mediaType: 'movie', mediaId: 999_999_999 }),
      404,
      'NOT_FOUND',
    );
    await expectError(
      await carol.send('POST', '/api/favorites', {
        mediaType: 'custom',
        mediaId: '5d2c3b1a-0000-4000-8000-000000000000',
      }),
      404,
      'NOT_FOUND',
    );
    expect(
      await expectError(
        await carol.send('POST', '/api/favorites', { mediaType: 'movie', mediaId: 'abc' }),
        400,
        'VALIDATION_ERROR',
      ),
    ).toContain('mediaId');
    expect(
      await expectError(
        await carol.send('POST', '/api/favorites', { mediaType: 'custom', mediaId: 603 }),
        400,
        'VALIDATION_ERROR',
      ),
    ).toContain('mediaId');
    expect(
      await expectError(
        await carol.send('POST', '/api/favorites', { mediaType: 'person', mediaId: 1 }),
        400,
        'VALIDATION_ERROR',
      ),
    ).toContain('mediaType');
    await expectError(
      await carol.send('POST', '/api/favorites', { mediaType: 'movie', mediaId: movies[0]!.id, userId: carol.id }),
      400,
      'VALIDATION_ERROR',
    );
    expect((await list(carol)).meta.total).toBe(0);
  });

  it('favorites a custom title (UUID id) with its summary', async () => {
    const dan = await createUser(app);
    const ct = CustomTitleView.parse(
      await json(await dan.send('POST', '/api/custom-titles', { title: 'Backyard Epic', year: '2019' }), 201),
    );
    const fav = await favorite(dan, 'custom', ct.id);
    expect(fav).toMatchObject({
      mediaType: 'custom',
      mediaId: ct.id,
      media: { mediaType: 'custom', id: ct.id, title: 'Backyard Epic', year: 2019 },
    });
  });

  it("deletes your own favorite (204); someone else's is a 404 and stays", async () => {
    const erin = await createUser(app);
    const frank = await createUser(app);
    const fav = await favorite(erin, 'movie', movies[3]!.id);
    await expectError(await frank.send('DELETE', `/api/favorites/${fav.id}`), 404, 'NOT_FOUND');
    expect((await list(erin)).items.map((f) => f.id)).toEqual([fav.id]);
    expect((await erin.send('DELETE', `/api/favorites/${fav.id}`)).status).toBe(204);
    expect((await list(erin)).meta.total).toBe(0);
    await expectError(await erin.send('DELETE', `/api/favorites/${fav.id}`), 404, 'NOT_FOUND');
    await expectError(await erin.send('DELETE', '/api/favorites/not-a-uuid'), 400, 'VALIDATION_ERROR');
  });

  it('needs sign-in; the library state answers anonymous visitors with an empty state', async () => {
    await expectError(await app.get('/api/favorites'), 401, 'UNAUTHORIZED');
    await expectError(
      await app.send('POST', '/api/favorites', { mediaType: 'movie', mediaId: movies[0]!.id }),
      401,
      'UNAUTHORIZED',
    );
    expect(LibraryState.parse(await json(await app.get('/api/library/state'), 200))).toEqual({
      viewer: null,
      favorites: [],
    });
    const gina = await createUser(app);
    const fav = await favorite(gina, 'movie', movies[4]!.id);
    const state = LibraryState.parse(await json(await gina.get('/api/library/state'), 200));
    expect(state.viewer).toMatchObject({ id: gina.id, username: gina.username, isAdmin: false });
    expect(state.favorites).toEqual([{ id: fav.id, mediaType: 'movie', mediaId: movies[4]!.id }]);
    expect(JSON.stringify(state)).not.toContain(gina.email);
  });

  it('runs the same number of queries for a page of 5 and a page of 50 (no N+1)', async () => {
    const hal = await createUser(app);
    for (const m of movies.slice(0, 50)) await favorite(hal, 'movie', m.id);
    const small = await countQueries(app, async () => {
      expect((await list(hal, '?limit=5')).items.every((f) => f.media !== null)).toBe(true);
    });
    const large = await countQueries(app, async () => {
      const page = await list(hal, '?limit=50');
      expect(page.items).toHaveLength(50);
      expect(page.items.every((f) => f.media?.title)).toBe(true);
    });
    expect(large).toBe(small);
    expect(large).toBeLessThanOrEqual(5);
  });
});
