import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CatalogItem } from '#shared/contracts/catalog';
import { CustomTitleView, ProfileView, WatchlistSummary } from '#shared/contracts/library';
import { LibraryExport } from '#shared/contracts/library-transfer';
import { parseCsv } from './csv.ts';
import { createUser, type TestUser } from '../../tests/helpers/factories.ts';
import { expectError, json, pickTitles } from '../../tests/helpers/library.ts';
import { startTestApp, type TestApp } from '../../tests/helpers/test-app.ts';

let app: TestApp;
let movies: CatalogItem[];
let owner: TestUser;
let publicList: WatchlistSummary;
let privateList: WatchlistSummary;
let custom: CustomTitleView;
beforeAll(async () => {
  app = await startTestApp();
  movies = await pickTitles(app, 'movie', 4);
  owner = await createUser(app);
  const post = async (path: string, body: unknown, status = 201) => json(await owner.send('POST', path, body), status);
  publicList = WatchlistSummary.parse(await post('/api/watchlists', { name: 'Best of', isPublic: true }));
  privateList = WatchlistSummary.parse(
    await post('/api/watchlists', { name: 'Guilty pleasures', description: 'Nobody needs to know' }),
  );
  custom = CustomTitleView.parse(
    await post('/api/custom-titles', { title: '=HYPERLINK("http://evil.test")', year: '2020' }),
  );
  await post(`/api/watchlists/${publicList.id}/items`, {
    mediaType: 'movie',
    mediaId: movies[0]!.id,
    notes: 'Line one\nline, "two"',
  });
  await post(`/api/watchlists/${privateList.id}/items`, { mediaType: 'movie', mediaId: movies[1]!.id });
  await post('/api/favorites', { mediaType: 'movie', mediaId: movies[2]!.id });
  await post('/api/favorites', { mediaType: 'custom', mediaId: custom.id });
  await post('/api/reviews', { mediaType: 'movie', mediaId: movies[3]!.id, rating: 9.5, content: 'A classic.' });
});
afterAll(async () => {
  await app?.close();
});

describe('profiles', () => {
  it('shows public fields, public watchlists and recent reviews to anyone; no email, no private lists', async () => {
    const profile = ProfileView.parse(await json(await app.get(`/api/users/${owner.username.toUpperCase()}`), 200));
    expect(profile).toMatchObject({ id: owner.id, username: owner.username, displayName: expect.any(String) });
    expect(profile.watchlists.map((l) => l.name)).toEqual(['Best of']);
    expect(profile.watchlists[0]!.itemCount).toBe(1);
    expect(profile.reviews.map((r) => [r.content, r.media?.title])).toEqual([['A classic.', movies[3]!.title]]);
    const raw = JSON.stringify(await (await app.get(`/api/users/${owner.username}`)).json());
    for (const secret of [
      owner.email,
      'Guilty pleasures',
      'Nobody needs to know',
      'password',
      'token',
      'isAdmin',
      'phone',
    ]) {
      expect(raw).not.toContain(secret);
    }
    await expectError(await app.get('/api/users/no-such-user-here'), 404, 'NOT_FOUND');
    await app.server.runtime.database.pool.query('update users set is_banned = true where id = $1', [
      (await createUser(app, { username: `banned_${process.pid}` })).id,
    ]);
    await expectError(await app.get(`/api/users/banned_${process.pid}`), 404, 'NOT_FOUND');
  });
});

describe('export', () => {
  it('exports everything the user owns as JSON', async () => {
    const res = await owner.get('/api/library/export');
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; filename="cinehub-library-\d{4}-\d{2}-\d{2}\.json"$/,
    );
    const data = LibraryExport.parse(await json(res, 200));
    expect(data.user).toMatchObject({ id: owner.id, username: owner.username });
    expect(data.favorites.map((f) => [f.mediaType, f.title])).toEqual([
      ['custom', custom.title],
      ['movie', movies[2]!.title],
    ]);
    expect(
      data.watchlists.map((l) => [l.name, l.isPublic, l.items.map((i) => [i.position, i.title, i.notes])]),
    ).toEqual(
      expect.arrayContaining([
        ['Best of', true, [[1, movies[0]!.title, 'Line one\nline, "two"']]],
        ['Guilty pleasures', false, [[1, movies[1]!.title, null]]],
      ]),
    );
    expect(data.reviews).toEqual([
      expect.objectContaining({ rating: 9.5, content: 'A classic.', title: movies[3]!.title, status: 'visible' }),
    ]);
    expect(data.customTitles.map((c) => c.id)).toEqual([custom.id]);
    expect(JSON.stringify(data)).not.toContain(owner.email);
  });

  it('exports one CSV with a kind column, quoted properly, formulas defused', async () => {
    const res = await owner.get('/api/library/export?format=csv');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toMatch(/\.csv"$/);
    const [header, ...rows] = parseCsv(await res.text());
    expect(header).toEqual([
      'kind',
      'list',
      'position',
      'mediaType',
      'mediaId',
      'title',
      'year',
      'rating',
      'notes',
      'text',
      'isPublic',
      'imageUrl',
      'status',
      'createdAt',
    ]);
    const col = (name: string) => header!.indexOf(name);
    expect(rows.map((r) => r[col('kind')]).sort()).toEqual([
      'custom_title',
      'favorite',
      'favorite',
      'review',
      'watchlist',
      'watchlist',
      'watchlist_item',
      'watchlist_item',
    ]);
    const item = rows.find((r) => r[col('kind')] === 'watchlist_item' && r[col('list')] === 'Best of')!;
    expect(item[col('notes')]).toBe('Line one\nline, "two"');
    const ct = rows.find((r) => r[col('kind')] === 'custom_title')!;
    expect(ct[col('title')]).toBe(`'${custom.title}`);
  });

  it('needs sign-in and a known format', async () => {
    await expectError(await app.get('/api/library/export'), 401, 'UNAUTHORIZED');
    expect(await expectError(await owner.get('/api/library/export?format=xml'), 400, 'VALIDATION_ERROR')).toEqual([
      'format',
    ]);
  });
});
