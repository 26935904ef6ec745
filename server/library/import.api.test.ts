import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CatalogItem } from '#shared/contracts/catalog';
import { WatchlistDetail, WatchlistSummary } from '#shared/contracts/library';
import { ImportReport } from '#shared/contracts/library-transfer';
import { createUser, type TestUser } from '../../tests/helpers/factories.ts';
import { expectError, json, pickTitles } from '../../tests/helpers/library.ts';
import { startTestApp, type TestApp } from '../../tests/helpers/test-app.ts';

let app: TestApp;
let movies: CatalogItem[];
let shows: CatalogItem[];
beforeAll(async () => {
  app = await startTestApp();
  [movies, shows] = await Promise.all([pickTitles(app, 'movie', 60), pickTitles(app, 'tv', 3)]);
});
afterAll(async () => {
  await app?.close();
});

const quote = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
const NONSENSE = [
  ['Qwzx Flurbendorf Chronicles', '1987'],
  ['Zzyzx Umbrage Nocturne', '2003'],
  ['Plinth of the Glorbling', ''],
  ['Xylophone Mandible, Part Nine', '2019'],
] as const;

const newList = async (user: TestUser, body: Record<string, unknown> = { name: 'Imported' }) =>
  WatchlistSummary.parse(await json(await user.send('POST', '/api/watchlists', body), 201));
const importCsv = (user: TestUser, listId: string, csv: string, type = 'text/csv') =>
  fetch(`${app.url}/api/watchlists/${listId}/import`, {
    method: 'POST',
    headers: { authorization: `Bearer ${user.token}`, 'content-type': type },
    body: csv,
  });

describe('import', () => {
  it('imports a 50-row Letterboxd CSV: real titles matched and added in order, nonsense reported', async () => {
    const real = movies.filter((m) => m.year !== null).slice(0, 46);
    // Letterboxd: Date,Name,Year,Letterboxd URI — rows in a shuffled-but-fixed order, nonsense among them.
    const rows = real.map(
      (m) => `2024-01-0${(Number(m.id) % 9) + 1},${quote(m.title)},${m.year},https://boxd.it/${m.id}`,
    );
    NONSENSE.forEach(([title, year], i) => rows.splice(i * 12 + 3, 0, `2024-02-01,${quote(title)},${year},`));
    expect(rows).toHaveLength(50);
    const csv = `\uFEFFDate,Name,Year,Letterboxd URI\r\n${rows.join('\r\n')}\r\n`;

    const alice = await createUser(app);
    const list = await newList(alice);
    const report = ImportReport.parse(await json(await importCsv(alice, list.id, csv), 200));
    expect(report.unmatched.map((u) => [u.title, u.year])).toEqual(NONSENSE.map(([t, y]) => [t, y ? Number(y) : null]));
    expect(report.matched).toHaveLength(46);
    expect(report.matched.map((m) => m.mediaId)).toEqual(real.map((m) => m.id));
    expect(report.matched.every((m) => m.mediaType === 'movie' && !m.alreadyInList)).toBe(true);
    // Row numbers count the header as row 1, as a spreadsheet shows them.
    expect(report.unmatched[0]!.row).toBe(5);
    const read = WatchlistDetail.parse(await json(await alice.get(`/api/watchlists/${list.id}`), 200));
    expect(read.items.map((i) => i.mediaId)).toEqual(real.map((m) => m.id));
    expect(read.items.map((i) => i.position)).toEqual(real.map((_, i) => i + 1));

    // Importing the same file again adds nothing and says so.
    const again = ImportReport.parse(await json(await importCsv(alice, list.id, csv), 200));
    expect(again.matched.every((m) => m.alreadyInList)).toBe(true);
    expect(again.matched.map((m) => m.itemId)).toEqual(report.matched.map((m) => m.itemId));
    expect(WatchlistDetail.parse(await json(await alice.get(`/api/watchlists/${list.id}`), 200)).itemCount).toBe(46);
  });

  it('imports an IMDb export (Const, Title, Title Type, Year) sent as JSON {csv}, TV series included', async () => {
    const bob = await createUser(app);
    const list = await newList(bob);
    const show = shows.find((s) => s.year !== null)!;
    const movie = movies.find((m) => m.year !== null)!;
    const csv = [
      'Position,Const,Created,Modified,Description,Title,URL,Title Type,IMDb Rating,Runtime (mins),Year,Genres',
      `1,tt0000001,2024-01-01,2024-01-01,,${quote(movie.title)},https://www.imdb.com/title/tt0000001/,movie,8.0,120,${movie.year},Drama`,
      `2,tt0000002,2024-01-01,2024-01-01,,${quote(show.title)},https://www.imdb.com/title/tt0000002/,tvSeries,8.5,50,${show.year},Drama`,
      `3,tt0000003,2024-01-01,2024-01-01,,${quote(movie.title)},https://www.imdb.com/title/tt0000003/,movie,8.0,120,${movie.year},Drama`,
    ].join('\n');
    const report = ImportReport.parse(
      await json(await bob.send('POST', `/api/watchlists/${list.id}/import`, { csv }), 200),
    );
    expect(report.matched.map((m) => [m.row, m.mediaType, m.mediaId, m.alreadyInList])).toEqual([
      [2, 'movie', movie.id, false],
      [3, 'tv', show.id, false],
      [4, 'movie', movie.id, true],
    ]);
    expect(report.unmatched).toEqual([]);
    expect(WatchlistDetail.parse(await json(await bob.get(`/api/watchlists/${list.id}`), 200)).itemCount).toBe(2);
  });

  it('refuses files without a title column, over 1,000 rows, and other people’s lists', async () => {
    const carol = await createUser(app);
    const dan = await createUser(app);
    const list = await newList(carol);
    expect(await expectError(await importCsv(carol, list.id, 'Foo,Bar\n1,2\n'), 400, 'VALIDATION_ERROR')).toEqual([
      'csv',
    ]);
    const big = `Name,Year\n${Array.from({ length: 1001 }, (_, i) => `Film ${i},2000`).join('\n')}`;
    expect(await expectError(await importCsv(carol, list.id, big), 400, 'VALIDATION_ERROR')).toEqual(['csv']);
    expect(
      await expectError(await carol.send('POST', `/api/watchlists/${list.id}/import`, {}), 400, 'VALIDATION_ERROR'),
    ).toEqual(['csv']);
    const csv = `Name,Year\n${quote(movies[0]!.title)},${movies[0]!.year}\n`;
    await expectError(await importCsv(dan, list.id, csv), 404, 'NOT_FOUND');
    const shared = await newList(carol, { name: 'Shared', isPublic: true });
    await expectError(await importCsv(dan, shared.id, csv), 403, 'FORBIDDEN');
    await expectError(await app.send('POST', `/api/watchlists/${shared.id}/import`, { csv }), 401, 'UNAUTHORIZED');
    for (const id of [list.id, shared.id]) {
      expect(WatchlistDetail.parse(await json(await carol.get(`/api/watchlists/${id}`), 200)).itemCount).toBe(0);
    }
  });
});
