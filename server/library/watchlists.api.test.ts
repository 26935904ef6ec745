import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CatalogItem } from '#shared/contracts/catalog';
import { WatchlistDetail, WatchlistItemView, WatchlistPage, WatchlistSummary } from '#shared/contracts/library';
import { createUser, type TestUser } from '../../tests/helpers/factories.ts';
import { countQueries, expectError, json, pickTitles } from '../../tests/helpers/library.ts';
import { startTestApp, type TestApp } from '../../tests/helpers/test-app.ts';

let app: TestApp;
let movies: CatalogItem[];
beforeAll(async () => {
  app = await startTestApp();
  movies = await pickTitles(app, 'movie', 50);
});
afterAll(async () => {
  await app?.close();
});

const createList = async (user: TestUser, body: Record<string, unknown> = { name: 'To watch' }) =>
  WatchlistSummary.parse(await json(await user.send('POST', '/api/watchlists', body), 201));
const addItem = async (user: TestUser, listId: string, movie: CatalogItem, notes?: string) =>
  WatchlistItemView.parse(
    await json(
      await user.send('POST', `/api/watchlists/${listId}/items`, { mediaType: 'movie', mediaId: movie.id, notes }),
      201,
    ),
  );
const detail = async (user: TestUser | TestApp, listId: string) =>
  WatchlistDetail.parse(await json(await user.get(`/api/watchlists/${listId}`), 200));
const order = (list: WatchlistDetail) => list.items.map((i) => [i.position, i.mediaId]);

describe('watchlists', () => {
  it('creates, lists with item counts, reads, renames and deletes a watchlist', async () => {
    const alice = await createUser(app);
    const list = await createList(alice, { name: '  Weekend  ', description: 'Films for rainy days', isPublic: false });
    expect(list).toMatchObject({
      name: 'Weekend',
      description: 'Films for rainy days',
      isPublic: false,
      itemCount: 0,
      ownerId: alice.id,
    });
    await addItem(alice, list.id, movies[0]!);
    await addItem(alice, list.id, movies[1]!);
    const mine = WatchlistPage.parse(await json(await alice.get('/api/watchlists'), 200));
    expect(mine.items).toEqual([expect.objectContaining({ id: list.id, itemCount: 2 })]);
    const updated = WatchlistSummary.parse(
      await json(await alice.send('PUT', `/api/watchlists/${list.id}`, { name: 'Weekend films', isPublic: true }), 200),
    );
    expect(updated).toMatchObject({
      name: 'Weekend films',
      description: 'Films for rainy days',
      isPublic: true,
      itemCount: 2,
    });
    expect((await alice.send('DELETE', `/api/watchlists/${list.id}`)).status).toBe(204);
    await expectError(await alice.get(`/api/watchlists/${list.id}`), 404, 'NOT_FOUND');
    // The items went with it, in the same transaction.
    const { rows } = await app.server.runtime.database.pool.query(
      'select count(*)::int as n from watchlist_items where watchlist_id = $1',
      [list.id],
    );
    expect(rows[0].n).toBe(0);
  });

  it('keeps items in order with notes and summaries; the same title twice is a 409', async () => {
    const bob = await createUser(app);
    const list = await createList(bob);
    await addItem(bob, list.id, movies[0]!, 'Watch with Sam');
    await addItem(bob, list.id, movies[1]!);
    await expectError(
      await bob.send('POST', `/api/watchlists/${list.id}/items`, { mediaType: 'movie', mediaId: movies[0]!.id }),
      409,
      'CONFLICT',
    );
    await expectError(
      await bob.send('POST', `/api/watchlists/${list.id}/items`, { mediaType: 'movie', mediaId: 999_999_999 }),
      404,
      'NOT_FOUND',
    );
    const read = await detail(bob, list.id);
    expect(read.canEdit).toBe(true);
    expect(read.items.map((i) => [i.position, i.mediaId, i.notes])).toEqual([
      [1, movies[0]!.id, 'Watch with Sam'],
      [2, movies[1]!.id, null],
    ]);
    expect(read.items[0]!.media).toMatchObject({ title: movies[0]!.title, year: movies[0]!.year });
    expect(read.owner).toEqual({ id: bob.id, username: bob.username, displayName: expect.any(String) });
  });

  it('moves an item and renumbers the others; removing one closes the gap', async () => {
    const carol = await createUser(app);
    const list = await createList(carol);
    const items = [];
    for (const m of movies.slice(0, 5)) items.push(await addItem(carol, list.id, m));
    const ids = movies.slice(0, 5).map((m) => m.id);
    // Move the last to the top.
    const moved = WatchlistItemView.parse(
      await json(await carol.send('PATCH', `/api/watchlists/${list.id}/items/${items[4]!.id}`, { position: 1 }), 200),
    );
    expect(moved.position).toBe(1);
    expect(order(await detail(carol, list.id))).toEqual([
      [1, ids[4]],
      [2, ids[0]],
      [3, ids[1]],
      [4, ids[2]],
      [5, ids[3]],
    ]);
    // Move the (now) second one down to fourth; a position past the end means last.
    await json(await carol.send('PATCH', `/api/watchlists/${list.id}/items/${items[0]!.id}`, { position: 4 }), 200);
    expect(order(await detail(carol, list.id))).toEqual([
      [1, ids[4]],
      [2, ids[1]],
      [3, ids[2]],
      [4, ids[0]],
      [5, ids[3]],
    ]);
    await json(await carol.send('PATCH', `/api/watchlists/${list.id}/items/${items[4]!.id}`, { position: 99 }), 200);
    expect(order(await detail(carol, list.id))).toEqual([
      [1, ids[1]],
      [2, ids[2]],
      [3, ids[0]],
      [4, ids[3]],
      [5, ids[4]],
    ]);
    // Notes alone leave the order be.
    const noted = WatchlistItemView.parse(
      await json(
        await carol.send('PATCH', `/api/watchlists/${list.id}/items/${items[2]!.id}`, { notes: 'Director’s cut' }),
        200,
      ),
    );
    expect(noted).toMatchObject({ notes: 'Director’s cut', position: 2 });
    expect((await carol.send('DELETE', `/api/watchlists/${list.id}/items/${items[1]!.id}`)).status).toBe(204);
    expect(order(await detail(carol, list.id))).toEqual([
      [1, ids[2]],
      [2, ids[0]],
      [3, ids[3]],
      [4, ids[4]],
    ]);
    await expectError(await carol.send('DELETE', `/api/watchlists/${list.id}/items/${items[1]!.id}`), 404, 'NOT_FOUND');
  });

  it('keeps positions dense when many moves arrive at once', async () => {
    const dan = await createUser(app);
    const list = await createList(dan);
    const items = [];
    for (const m of movies.slice(0, 8)) items.push(await addItem(dan, list.id, m));
    const moves = items.map((item, i) =>
      dan.send('PATCH', `/api/watchlists/${list.id}/items/${item.id}`, { position: ((i * 3) % 8) + 1 }),
    );
    expect((await Promise.all(moves)).map((r) => r.status)).toEqual(Array(8).fill(200));
    const read = await detail(dan, list.id);
    expect(read.items.map((i) => i.position)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(new Set(read.items.map((i) => i.mediaId)).size).toBe(8);
  });

  it('shows a public list to anyone (signed out too) read-only, and a private one to no one but its owner', async () => {
    const erin = await createUser(app);
    const frank = await createUser(app);
    const pub = await createList(erin, { name: 'Shared', isPublic: true });
    const priv = await createList(erin, { name: 'Secret' });
    await addItem(erin, pub.id, movies[2]!, 'Great soundtrack');
    const anonymous = await detail(app, pub.id);
    expect(anonymous).toMatchObject({
      name: 'Shared',
      canEdit: false,
      items: [expect.objectContaining({ notes: 'Great soundtrack' })],
    });
    expect((await detail(frank, pub.id)).canEdit).toBe(false);
    await expectError(await app.get(`/api/watchlists/${priv.id}`), 404, 'NOT_FOUND');
    await expectError(await frank.get(`/api/watchlists/${priv.id}`), 404, 'NOT_FOUND');
    expect(JSON.stringify(anonymous)).not.toContain(erin.email);
  });

  it('validates names, descriptions, notes and positions with field details', async () => {
    const gina = await createUser(app);
    expect(
      await expectError(await gina.send('POST', '/api/watchlists', { name: '' }), 400, 'VALIDATION_ERROR'),
    ).toEqual(['name']);
    expect(
      await expectError(await gina.send('POST', '/api/watchlists', { name: 'x'.repeat(101) }), 400, 'VALIDATION_ERROR'),
    ).toEqual(['name']);
    expect(
      await expectError(
        await gina.send('POST', '/api/watchlists', { name: 'ok', description: 'd'.repeat(1001) }),
        400,
        'VALIDATION_ERROR',
      ),
    ).toEqual(['description']);
    expect(
      await expectError(
        await gina.send('POST', '/api/watchlists', { name: 'ok', isPublic: 'yes' }),
        400,
        'VALIDATION_ERROR',
      ),
    ).toEqual(['isPublic']);
    expect(
      await expectError(
        await gina.send('POST', '/api/watchlists', { name: 'ok', userId: gina.id }),
        400,
        'VALIDATION_ERROR',
      ),
    ).toEqual(['userId']);
    const list = await createList(gina, { name: 'x'.repeat(100), description: 'd'.repeat(1000) });
    expect(
      await expectError(
        await gina.send('PUT', `/api/watchlists/${list.id}`, { name: 'y'.repeat(101) }),
        400,
        'VALIDATION_ERROR',
      ),
    ).toEqual(['name']);
    const notes = 'n'.repeat(2001);
    expect(
      await expectError(
        await gina.send('POST', `/api/watchlists/${list.id}/items`, {
          mediaType: 'movie',
          mediaId: movies[0]!.id,
          notes,
        }),
        400,
        'VALIDATION_ERROR',
      ),
    ).toEqual(['notes']);
    const item = await addItem(gina, list.id, movies[0]!, 'n'.repeat(2000));
    expect(
      await expectError(
        await gina.send('PATCH', `/api/watchlists/${list.id}/items/${item.id}`, { notes }),
        400,
        'VALIDATION_ERROR',
      ),
    ).toEqual(['notes']);
    expect(
      await expectError(
        await gina.send('PATCH', `/api/watchlists/${list.id}/items/${item.id}`, { position: 0 }),
        400,
        'VALIDATION_ERROR',
      ),
    ).toEqual(['position']);
    expect(
      await expectError(
        await gina.send('PATCH', `/api/watchlists/${list.id}/items/${item.id}`, { position: 1.5 }),
        400,
        'VALIDATION_ERROR',
      ),
    ).toEqual(['position']);
    await expectError(await gina.get('/api/watchlists?limit=101'), 400, 'VALIDATION_ERROR');
    expect((await detail(gina, list.id)).items[0]!.notes).toHaveLength(2000);
  });

  it('renders the share page on the server for anonymous visitors, fresh after every change', async () => {
    const ivy = await createUser(app);
    const list = await createList(ivy, { name: 'Cult classics', isPublic: true });
    await addItem(ivy, list.id, movies[0]!);
    const html = async () => {
      const res = await app.get(`/watchlists/${list.id}`);
      return { status: res.status, body: await res.text() };
    };
    const first = await html();
    expect(first.status).toBe(200);
    expect(first.body).toContain('<meta property="og:title" content="Cult classics · a watchlist by');
    expect(first.body).toContain(`<link rel="canonical" href="`);
    expect(first.body).toContain(movies[0]!.title.replace(/&/g, '&amp;'));
    // Anonymous pages are cached; a change to the list must not wait for the cache to expire.
    await json(await ivy.send('PUT', `/api/watchlists/${list.id}`, { name: 'Midnight movies' }), 200);
    expect((await html()).body).toContain('Midnight movies');
    await json(await ivy.send('PUT', `/api/watchlists/${list.id}`, { isPublic: false }), 200);
    expect((await html()).status).toBe(404);
  });

  it('needs sign-in to list, create or change', async () => {
    await expectError(await app.get('/api/watchlists'), 401, 'UNAUTHORIZED');
    await expectError(await app.send('POST', '/api/watchlists', { name: 'x' }), 401, 'UNAUTHORIZED');
  });

  it('reads a list of 5 and of 50 items with the same number of queries', async () => {
    const hal = await createUser(app);
    const small = await createList(hal);
    const large = await createList(hal);
    for (const m of movies.slice(0, 5)) await addItem(hal, small.id, m);
    for (const m of movies.slice(0, 50)) await addItem(hal, large.id, m);
    const a = await countQueries(app, async () => void (await detail(hal, small.id)));
    const b = await countQueries(app, async () => {
      const read = await detail(hal, large.id);
      expect(read.items.every((i) => i.media?.title)).toBe(true);
    });
    expect(b).toBe(a);
    const lists = await countQueries(app, async () => void (await json(await hal.get('/api/watchlists'), 200)));
    expect(lists).toBeLessThanOrEqual(3);
  });
});
