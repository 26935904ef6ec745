import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CatalogPage } from '#shared/contracts/catalog';
import {
  CustomTitlePage,
  CustomTitleView,
  FavoritePage,
  WatchlistDetail,
  WatchlistSummary,
} from '#shared/contracts/library';
import { createUser, type TestUser } from '../../tests/helpers/factories.ts';
import { expectError, json, pickTitles } from '../../tests/helpers/library.ts';
import { startTestApp, type TestApp } from '../../tests/helpers/test-app.ts';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.close();
});

const create = async (user: TestUser, body: Record<string, unknown>) =>
  CustomTitleView.parse(await json(await user.send('POST', '/api/custom-titles', body), 201));
const nextYear = String(new Date().getUTCFullYear() + 1);

describe('custom titles', () => {
  it('creates a title (201, exact shape), reads it publicly, lists it newest first', async () => {
    const alice = await createUser(app);
    const made = await create(alice, {
      title: '  The Garage Tapes ',
      year: '1999',
      imageUrl: 'https://images.example.com/garage.jpg',
    });
    expect(Object.keys(made).sort()).toEqual([
      'createdAt',
      'id',
      'imageUrl',
      'ownerId',
      'posterUrl',
      'title',
      'updatedAt',
      'year',
    ]);
    expect(made).toMatchObject({
      title: 'The Garage Tapes',
      year: '1999',
      imageUrl: 'https://images.example.com/garage.jpg',
      ownerId: alice.id,
    });
    expect(CustomTitleView.parse(await json(await app.get(`/api/custom-titles/${made.id}`), 200))).toEqual(made);
    const second = await create(alice, { title: 'Untitled Short' });
    expect(second).toMatchObject({ year: null, imageUrl: null });
    const all = CustomTitlePage.parse(await json(await app.get('/api/custom-titles?limit=2'), 200));
    expect(all.items.map((t) => t.id)).toEqual([second.id, made.id]);
    await expectError(await app.get('/api/custom-titles/3b241101-e2bb-4255-8caf-4136c566a962'), 404, 'NOT_FOUND');
  });

  it('filters by owner: me (sign-in needed) or a user id', async () => {
    const bob = await createUser(app);
    const carol = await createUser(app);
    const b = await create(bob, { title: 'Bob film' });
    await create(carol, { title: 'Carol film' });
    const mine = CustomTitlePage.parse(await json(await bob.get('/api/custom-titles?owner=me'), 200));
    expect(mine.items.map((t) => t.id)).toEqual([b.id]);
    const byId = CustomTitlePage.parse(await json(await app.get(`/api/custom-titles?owner=${carol.id}`), 200));
    expect(byId.items.map((t) => t.title)).toEqual(['Carol film']);
    await expectError(await app.get('/api/custom-titles?owner=me'), 401, 'UNAUTHORIZED');
    expect(await expectError(await app.get('/api/custom-titles?owner=someone'), 400, 'VALIDATION_ERROR')).toEqual([
      'owner',
    ]);
  });

  it('refuses bad years and unsafe image URLs with field details', async () => {
    const dan = await createUser(app);
    const bad = async (body: Record<string, unknown>) =>
      expectError(await dan.send('POST', '/api/custom-titles', { title: 'x', ...body }), 400, 'VALIDATION_ERROR');
    expect(await bad({ year: 'abcd' })).toEqual(['year']);
    expect(await bad({ year: '1869' })).toEqual(['year']);
    expect(await bad({ year: String(Number(nextYear) + 1) })).toEqual(['year']);
    expect(await bad({ year: 1999 })).toEqual(['year']);
    for (const url of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(document.cookie)',
      'http://images.example.com/a.jpg',
      'https://localhost/a.jpg',
      'https://127.0.0.1/a.jpg',
      'https://2130706433/a.jpg',
      'https://0x7f.0.0.1/a.jpg',
      'https://[::1]/a.jpg',
      'https://[::ffff:127.0.0.1]/a.jpg',
      'https://10.0.0.5/a.jpg',
      'https://192.168.1.1/a.jpg',
      'https://172.16.0.1/a.jpg',
      'https://169.254.169.254/latest/meta-data/',
      'https://[fd00::1]/a.jpg',
      'https://metadata.google.internal/a.jpg',
      'https://intranet/a.jpg',
      'https://user:pw@images.example.com/a.jpg',
      'https://images.example.com:8443/a.jpg',
      'data:image/png;base64,AAAA',
      'not a url',
    ]) {
      expect(await bad({ imageUrl: url }), url).toEqual(['imageUrl']);
    }
    expect(await bad({ title: '' })).toEqual(['title']);
    expect(await bad({ title: 't'.repeat(201) })).toEqual(['title']);
    expect(await bad({ ownerId: dan.id })).toEqual(['ownerId']);
    expect(CustomTitlePage.parse(await json(await dan.get('/api/custom-titles?owner=me'), 200)).meta.total).toBe(0);
    expect(
      (await create(dan, { title: 't'.repeat(200), year: nextYear, imageUrl: 'https://93.184.215.14/poster.png' }))
        .year,
    ).toBe(nextYear);
    expect((await create(dan, { title: 'Early cinema', year: '1870', imageUrl: '' })).imageUrl).toBeNull();
  });

  it('lets only the owner or an admin change or delete a title (others: 403, unchanged)', async () => {
    const erin = await createUser(app);
    const frank = await createUser(app);
    const admin = await createUser(app, { isAdmin: true });
    const t = await create(erin, { title: 'Original', year: '2001' });
    await expectError(await frank.send('PUT', `/api/custom-titles/${t.id}`, { title: 'Hijacked' }), 403, 'FORBIDDEN');
    await expectError(await frank.send('DELETE', `/api/custom-titles/${t.id}`), 403, 'FORBIDDEN');
    expect(CustomTitleView.parse(await json(await app.get(`/api/custom-titles/${t.id}`), 200)).title).toBe('Original');
    const put = CustomTitleView.parse(
      await json(await erin.send('PUT', `/api/custom-titles/${t.id}`, { title: 'Renamed' }), 200),
    );
    expect(put).toMatchObject({ title: 'Renamed', year: null, ownerId: erin.id }); // PUT replaces
    expect(
      CustomTitleView.parse(
        await json(await admin.send('PUT', `/api/custom-titles/${t.id}`, { title: 'Moderated', year: '2002' }), 200),
      ).ownerId,
    ).toBe(erin.id);
    expect(
      await expectError(
        await erin.send('PUT', `/api/custom-titles/${t.id}`, { title: 'x', imageUrl: 'javascript:alert(1)' }),
        400,
        'VALIDATION_ERROR',
      ),
    ).toEqual(['imageUrl']);
    expect((await admin.send('DELETE', `/api/custom-titles/${t.id}`)).status).toBe(204);
    await expectError(await app.get(`/api/custom-titles/${t.id}`), 404, 'NOT_FOUND');
    await expectError(await erin.send('DELETE', `/api/custom-titles/${t.id}`), 404, 'NOT_FOUND');
  });

  it('deleting a title removes its favorites, list entries (renumbered) and reviews in one go', async () => {
    const gina = await createUser(app);
    const hal = await createUser(app);
    const [movie] = await pickTitles(app, 'movie', 1);
    const t = await create(gina, { title: 'Soon gone' });
    await json(await hal.send('POST', '/api/favorites', { mediaType: 'custom', mediaId: t.id }), 201);
    const list = WatchlistSummary.parse(await json(await hal.send('POST', '/api/watchlists', { name: 'Mixed' }), 201));
    await json(await hal.send('POST', `/api/watchlists/${list.id}/items`, { mediaType: 'custom', mediaId: t.id }), 201);
    await json(
      await hal.send('POST', `/api/watchlists/${list.id}/items`, { mediaType: 'movie', mediaId: movie!.id }),
      201,
    );
    await json(
      await hal.send('POST', '/api/reviews', { mediaType: 'custom', mediaId: t.id, rating: 9, content: 'Gem' }),
      201,
    );
    expect((await gina.send('DELETE', `/api/custom-titles/${t.id}`)).status).toBe(204);
    expect(FavoritePage.parse(await json(await hal.get('/api/favorites'), 200)).meta.total).toBe(0);
    const read = WatchlistDetail.parse(await json(await hal.get(`/api/watchlists/${list.id}`), 200));
    expect(read.items.map((i) => [i.position, i.mediaId])).toEqual([[1, movie!.id]]);
    expect(
      (await json(await app.get(`/api/reviews?mediaType=custom&mediaId=${t.id}`), 200)) as { meta: { total: number } },
    ).toMatchObject({ meta: { total: 0 } });
  });

  it('is searchable: /api/search?type=custom by substring or near-miss, as catalog items', async () => {
    const ivy = await createUser(app);
    const t = await create(ivy, { title: 'Moonlight Over Brixton', year: '2012' });
    await create(ivy, { title: 'Completely Different' });
    const search = async (q: string, type = 'custom') =>
      CatalogPage.parse(await json(await app.get(`/api/search?type=${type}&q=${encodeURIComponent(q)}`), 200));
    for (const q of ['brixton', 'Moonlight over', 'moonlite brixton', 'Moonlight Over Brixton 2012']) {
      expect(
        (await search(q)).items.map((i) => i.id),
        q,
      ).toContain(t.id);
    }
    const hit = (await search('brixton')).items[0]!;
    expect(hit).toMatchObject({
      id: t.id,
      mediaType: 'custom',
      title: 'Moonlight Over Brixton',
      year: 2012,
      posterUrl: null,
    });
    expect((await search('Moonlight Over Brixton 1990')).items).toEqual([]);
    expect((await search('%')).items.map((i) => i.id)).not.toContain(t.id);
    expect((await search('brixton', 'multi')).items.map((i) => i.id)).toContain(t.id);
  });

  it('needs sign-in to write', async () => {
    await expectError(await app.send('POST', '/api/custom-titles', { title: 'x' }), 401, 'UNAUTHORIZED');
  });
});
