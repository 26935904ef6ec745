import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CatalogItem } from '#shared/contracts/catalog';
import {
  CustomTitleView,
  FavoritePage,
  FavoriteView,
  ReviewPage,
  ReviewView,
  WatchlistDetail,
  WatchlistItemView,
  WatchlistPage,
  WatchlistSummary,
} from '#shared/contracts/library';
import { LibraryExport } from '#shared/contracts/library-transfer';
import { createUser, signUpWithCookie, type TestUser } from '../helpers/factories.ts';
import { expectError, json, pickTitles } from '../helpers/library.ts';
import { startTestApp, type TestApp } from '../helpers/test-app.ts';

// A second user tries every read and write on the first user's library. API.md: reading another
// user's private thing is a 404 (no existence leak); changing someone else's visible thing is a
// 403. Afterwards the owner reads everything back unchanged.

let app: TestApp;
let movies: CatalogItem[];
let alice: TestUser;
let mallory: TestUser;
const a = {} as {
  favorite: FavoriteView;
  privateList: WatchlistSummary;
  privateItem: WatchlistItemView;
  publicList: WatchlistSummary;
  publicItem: WatchlistItemView;
  review: ReviewView;
  custom: CustomTitleView;
};

async function snapshot() {
  const read = async (path: string) => json(await alice.get(path), 200);
  return {
    favorites: FavoritePage.parse(await read('/api/favorites')),
    lists: WatchlistPage.parse(await read('/api/watchlists')),
    privateList: WatchlistDetail.parse(await read(`/api/watchlists/${a.privateList.id}`)),
    publicList: WatchlistDetail.parse(await read(`/api/watchlists/${a.publicList.id}`)),
    reviews: ReviewPage.parse(await read(`/api/reviews?userId=${alice.id}`)),
    custom: CustomTitleView.parse(await read(`/api/custom-titles/${a.custom.id}`)),
  };
}

beforeAll(async () => {
  app = await startTestApp();
  movies = await pickTitles(app, 'movie', 4);
  [alice, mallory] = await Promise.all([createUser(app), createUser(app)]);
  const post = async (path: string, body: unknown) => json(await alice.send('POST', path, body), 201);
  const ref = (m: CatalogItem) => ({ mediaType: 'movie', mediaId: m.id });
  a.favorite = FavoriteView.parse(await post('/api/favorites', ref(movies[0]!)));
  a.privateList = WatchlistSummary.parse(await post('/api/watchlists', { name: 'Private', description: 'mine' }));
  a.privateItem = WatchlistItemView.parse(
    await post(`/api/watchlists/${a.privateList.id}/items`, { ...ref(movies[1]!), notes: 'secret note' }),
  );
  a.publicList = WatchlistSummary.parse(await post('/api/watchlists', { name: 'Public', isPublic: true }));
  a.publicItem = WatchlistItemView.parse(
    await post(`/api/watchlists/${a.publicList.id}/items`, { ...ref(movies[2]!), notes: 'public note' }),
  );
  await post(`/api/watchlists/${a.publicList.id}/items`, ref(movies[3]!));
  a.review = ReviewView.parse(await post('/api/reviews', { ...ref(movies[3]!), rating: 8, content: 'Mine' }));
  a.custom = CustomTitleView.parse(await post('/api/custom-titles', { title: 'Alice film', year: '2010' }));
});
afterAll(async () => {
  await app?.close();
});

describe("another user against the first user's library", () => {
  it('gets 404 for private things and 403 for visible ones, on every read and write, and changes nothing', async () => {
    const before = await snapshot();
    const mine = WatchlistSummary.parse(
      await json(await mallory.send('POST', '/api/watchlists', { name: 'Mallory' }), 201),
    );
    const attempts: [string, string, unknown, number][] = [
      // favorites: always private
      ['DELETE', `/api/favorites/${a.favorite.id}`, undefined, 404],
      // a private list and its items: invisible
      ['GET', `/api/watchlists/${a.privateList.id}`, undefined, 404],
      ['PUT', `/api/watchlists/${a.privateList.id}`, { name: 'pwned', isPublic: true }, 404],
      ['DELETE', `/api/watchlists/${a.privateList.id}`, undefined, 404],
      ['POST', `/api/watchlists/${a.privateList.id}/items`, { mediaType: 'movie', mediaId: movies[0]!.id }, 404],
      ['PATCH', `/api/watchlists/${a.privateList.id}/items/${a.privateItem.id}`, { notes: 'pwned', position: 1 }, 404],
      ['DELETE', `/api/watchlists/${a.privateList.id}/items/${a.privateItem.id}`, undefined, 404],
      [
        'POST',
        `/api/watchlists/${a.privateList.id}/import`,
        { csv: `Name,Year\n${movies[0]!.title},${movies[0]!.year}` },
        404,
      ],
      // a public list: visible, not theirs to change
      ['PUT', `/api/watchlists/${a.publicList.id}`, { name: 'pwned' }, 403],
      ['DELETE', `/api/watchlists/${a.publicList.id}`, undefined, 403],
      ['POST', `/api/watchlists/${a.publicList.id}/items`, { mediaType: 'movie', mediaId: movies[0]!.id }, 403],
      ['PATCH', `/api/watchlists/${a.publicList.id}/items/${a.publicItem.id}`, { notes: 'pwned' }, 403],
      ['PATCH', `/api/watchlists/${a.publicList.id}/items/${a.publicItem.id}`, { position: 2 }, 403],
      ['DELETE', `/api/watchlists/${a.publicList.id}/items/${a.publicItem.id}`, undefined, 403],
      [
        'POST',
        `/api/watchlists/${a.publicList.id}/import`,
        { csv: `Name,Year\n${movies[0]!.title},${movies[0]!.year}` },
        403,
      ],
      // someone else's item through one's own list: the item is not on that list
      ['PATCH', `/api/watchlists/${mine.id}/items/${a.privateItem.id}`, { notes: 'pwned' }, 404],
      ['PATCH', `/api/watchlists/${mine.id}/items/${a.publicItem.id}`, { position: 1 }, 404],
      ['DELETE', `/api/watchlists/${mine.id}/items/${a.privateItem.id}`, undefined, 404],
      ['DELETE', `/api/watchlists/${mine.id}/items/${a.publicItem.id}`, undefined, 404],
      // reviews and custom titles are public: changing them is a 403
      ['PUT', `/api/reviews/${a.review.id}`, { content: 'pwned', rating: 0 }, 403],
      ['DELETE', `/api/reviews/${a.review.id}`, undefined, 403],
      ['PUT', `/api/custom-titles/${a.custom.id}`, { title: 'pwned' }, 403],
      ['DELETE', `/api/custom-titles/${a.custom.id}`, undefined, 403],
    ];
    for (const [method, path, body, status] of attempts) {
      const res = method === 'GET' ? await mallory.get(path) : await mallory.send(method, path, body);
      const text = await res.text();
      expect(`${method} ${path} → ${res.status}`, text).toBe(`${method} ${path} → ${status}`);
      expect(text).not.toContain('secret note');
      expect(text).not.toContain(alice.email);
    }

    // Mallory's own reads show none of Alice's things.
    expect(FavoritePage.parse(await json(await mallory.get('/api/favorites'), 200)).items).toEqual([]);
    expect(WatchlistPage.parse(await json(await mallory.get('/api/watchlists'), 200)).items.map((l) => l.id)).toEqual([
      mine.id,
    ]);
    const exported = LibraryExport.parse(await json(await mallory.get('/api/library/export'), 200));
    expect(JSON.stringify(exported)).not.toMatch(/Alice film|secret note|Private|Mine/);
    const shared = WatchlistDetail.parse(await json(await mallory.get(`/api/watchlists/${a.publicList.id}`), 200));
    expect(shared.canEdit).toBe(false);

    // Nothing changed.
    expect(await snapshot()).toEqual(before);
  });

  it('anonymous visitors may read only public things and write nothing', async () => {
    const before = await snapshot();
    for (const [method, path] of [
      ['GET', '/api/favorites'],
      ['GET', '/api/watchlists'],
      ['DELETE', `/api/favorites/${a.favorite.id}`],
      ['PUT', `/api/watchlists/${a.publicList.id}`],
      ['DELETE', `/api/watchlists/${a.publicList.id}`],
      ['POST', `/api/watchlists/${a.publicList.id}/items`],
      ['PATCH', `/api/watchlists/${a.publicList.id}/items/${a.publicItem.id}`],
      ['DELETE', `/api/watchlists/${a.publicList.id}/items/${a.publicItem.id}`],
      ['PUT', `/api/reviews/${a.review.id}`],
      ['DELETE', `/api/reviews/${a.review.id}`],
      ['POST', `/api/reviews/${a.review.id}/report`],
      ['PUT', `/api/custom-titles/${a.custom.id}`],
      ['DELETE', `/api/custom-titles/${a.custom.id}`],
      ['GET', '/api/library/export'],
    ] as const) {
      const res =
        method === 'GET' ? await app.get(path) : await app.send(method, path, { name: 'x', content: 'x', title: 'x' });
      await expectError(res, 401, 'UNAUTHORIZED');
    }
    await expectError(await app.get(`/api/watchlists/${a.privateList.id}`), 404, 'NOT_FOUND');
    expect(
      WatchlistDetail.parse(await json(await app.get(`/api/watchlists/${a.publicList.id}`), 200)).items,
    ).toHaveLength(2);
    expect(await snapshot()).toEqual(before);
  });

  it('a bad or tampered token is a 401, never anonymous access', async () => {
    const res = await app.get(`/api/watchlists/${a.publicList.id}`, {
      headers: { authorization: `Bearer ${alice.token}x` },
    });
    await expectError(res, 401, 'UNAUTHORIZED');
  });

  it('cookie-authenticated writes need the CSRF header (403 without it), and then work', async () => {
    const carol = await signUpWithCookie(app);
    const ref = { mediaType: 'movie', mediaId: movies[0]!.id };
    await expectError(await carol.send('POST', '/api/favorites', ref, { csrf: false }), 403, 'FORBIDDEN');
    await expectError(await carol.send('POST', '/api/watchlists', { name: 'x' }, { csrf: false }), 403, 'FORBIDDEN');
    expect(FavoritePage.parse(await json(await carol.get('/api/favorites'), 200)).items).toEqual([]);
    await json(await carol.send('POST', '/api/favorites', ref), 201);
    expect(FavoritePage.parse(await json(await carol.get('/api/favorites'), 200)).items).toHaveLength(1);
  });
});
