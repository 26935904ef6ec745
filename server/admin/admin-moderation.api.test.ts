import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AdminCustomTitle,
  AdminCustomTitlePage,
  AdminReview,
  AdminReviewPage,
  AuditPage,
} from '#shared/contracts/admin';
import { createUser, type TestUser } from '../../tests/helpers/factories.ts';
import { startTestApp, type TestApp } from '../../tests/helpers/test-app.ts';
import { openSocket } from '../../tests/helpers/ws.ts';

let app: TestApp;
let admin: TestUser;
let author: TestUser;
let reporter: TestUser;
let movieIds: number[];
beforeAll(async () => {
  app = await startTestApp();
  [admin, author, reporter] = await Promise.all([createUser(app, { isAdmin: true }), createUser(app), createUser(app)]);
  const list = (await (await app.get('/api/movies/popular?limit=10')).json()) as { items: { id: number }[] };
  movieIds = list.items.map((i) => i.id);
});
afterAll(async () => {
  await app?.close();
});

let nextMovie = 0;
async function reportedReview(content: string) {
  const mediaId = movieIds[nextMovie++]!;
  const created = await author.send('POST', '/api/reviews', { mediaType: 'movie', mediaId, rating: 3, content });
  expect(created.status).toBe(201);
  const { id } = (await created.json()) as { id: string };
  expect((await reporter.send('POST', `/api/reviews/${id}/report`, { reason: 'spoilers everywhere' })).status).toBe(
    202,
  );
  return { id, mediaId };
}
const publicReviews = async (mediaId: number) =>
  (
    (await (await app.get(`/api/reviews?mediaType=movie&mediaId=${mediaId}`)).json()) as { items: { id: string }[] }
  ).items.map((r) => r.id);
const actions = async (targetId: string) =>
  AuditPage.parse(await (await admin.get(`/api/admin/audit?q=${targetId}`)).json()).items.map((e) => e.action);

describe('review moderation', () => {
  it('lists the reported queue with report counts and reasons', async () => {
    const { id } = await reportedReview('This movie is ... (the ending revealed)');
    const res = await admin.get('/api/admin/reviews?status=reported');
    expect(res.status).toBe(200);
    const page = AdminReviewPage.parse(await res.json());
    const row = page.items.find((r) => r.id === id)!;
    expect(row).toMatchObject({
      status: 'reported',
      reportCount: 1,
      reportReasons: ['spoilers everywhere'],
      userId: author.id,
      username: author.username,
    });
    expect(page.items.every((r) => r.status === 'reported')).toBe(true);
    expect((await admin.get('/api/admin/reviews?status=deleted')).status).toBe(400);
  });

  it('hides a review from public lists and restores it, each audited; open title pages hear of it', async () => {
    const { id, mediaId } = await reportedReview('Hide me please');
    expect(await publicReviews(mediaId)).toContain(id);
    const socket = await openSocket(app.url);

    const hidden = await admin.send('PATCH', `/api/admin/reviews/${id}`, { status: 'hidden' });
    expect(hidden.status).toBe(200);
    expect(AdminReview.parse(await hidden.json()).status).toBe('hidden');
    expect(await publicReviews(mediaId)).not.toContain(id);
    const event = await socket.next((m) => m.type === 'CACHE_UPDATE' && m.payload.mediaId === mediaId);
    expect(event.payload).toEqual({ mediaType: 'movie', mediaId, status: 'reviews' });
    const inHidden = AdminReviewPage.parse(await (await admin.get('/api/admin/reviews?status=hidden')).json());
    expect(inHidden.items.map((r) => r.id)).toContain(id);

    expect((await admin.send('PATCH', `/api/admin/reviews/${id}`, { status: 'visible' })).status).toBe(200);
    expect(await publicReviews(mediaId)).toContain(id);
    expect(await actions(id)).toEqual(['review.restore', 'review.hide']);
    socket.ws.close();
  });

  it('deletes a review (204, audited); a second delete is a 404', async () => {
    const { id, mediaId } = await reportedReview('Delete me');
    expect((await admin.send('DELETE', `/api/admin/reviews/${id}`)).status).toBe(204);
    expect(await publicReviews(mediaId)).not.toContain(id);
    expect((await admin.send('DELETE', `/api/admin/reviews/${id}`)).status).toBe(404);
    expect(await actions(id)).toEqual(['review.delete']);
  });

  it('validates the moderation body', async () => {
    const { id } = await reportedReview('Body checks');
    for (const body of [{}, { status: 'reported' }, { status: 'hidden', content: 'x' }]) {
      expect((await admin.send('PATCH', `/api/admin/reviews/${id}`, body)).status).toBe(400);
    }
    expect(
      (await admin.send('PATCH', '/api/admin/reviews/00000000-0000-4000-8000-000000000000', { status: 'hidden' }))
        .status,
    ).toBe(404);
    expect(await actions(id)).toEqual([]);
  });
});

describe('custom titles', () => {
  async function customTitle(title: string) {
    const res = await author.send('POST', '/api/custom-titles', { title, year: '1999' });
    expect(res.status).toBe(201);
    return ((await res.json()) as { id: string }).id;
  }

  it("audits an admin's changes made through the ordinary routes too, and not an owner's own", async () => {
    const { id: reviewId } = await reportedReview('Admin removes this through /api/reviews');
    expect((await admin.send('DELETE', `/api/reviews/${reviewId}`)).status).toBe(204);
    expect(await actions(reviewId)).toEqual(['review.delete']);

    const id = await customTitle('Edited In Place');
    expect((await author.send('PUT', `/api/custom-titles/${id}`, { title: 'Edited By Owner' })).status).toBe(200);
    expect(await actions(id)).toEqual([]);
    expect((await admin.send('PUT', `/api/custom-titles/${id}`, { title: 'Edited By Admin' })).status).toBe(200);
    expect(await actions(id)).toEqual(['custom_title.update']);
    expect((await admin.send('DELETE', `/api/custom-titles/${id}`)).status).toBe(204);
    expect(await actions(id)).toEqual(['custom_title.delete', 'custom_title.update']);
  });

  it("lists every user's titles with the owner, searchable", async () => {
    const id = await customTitle('My Basement Epic');
    const page = AdminCustomTitlePage.parse(await (await admin.get('/api/admin/custom-titles?q=basement')).json());
    expect(page.items).toHaveLength(1);
    expect(page.items[0]).toMatchObject({
      id,
      title: 'My Basement Epic',
      year: '1999',
      ownerId: author.id,
      ownerUsername: author.username,
    });
  });

  it("edits someone else's title (audited with the old values)", async () => {
    const id = await customTitle('Typo Titel');
    const res = await admin.send('PUT', `/api/admin/custom-titles/${id}`, { title: 'Typo Title', year: '2000' });
    expect(res.status).toBe(200);
    expect(AdminCustomTitle.parse(await res.json())).toMatchObject({ title: 'Typo Title', year: '2000' });
    expect(((await (await app.get(`/api/custom-titles/${id}`)).json()) as { title: string }).title).toBe('Typo Title');
    const log = AuditPage.parse(await (await admin.get(`/api/admin/audit?q=${id}`)).json());
    expect(log.items[0]).toMatchObject({
      action: 'custom_title.update',
      details: { before: { title: 'Typo Titel', year: '1999' } },
    });
    for (const body of [
      { title: '' },
      { title: 'x', year: '1800' },
      { title: 'x', imageUrl: 'http://insecure.example/p.jpg' },
      { title: 'x', ownerId: admin.id },
    ]) {
      expect((await admin.send('PUT', `/api/admin/custom-titles/${id}`, body)).status).toBe(400);
    }
  });

  it('deletes a title with what refers to it (204, audited); it is gone for everyone', async () => {
    const id = await customTitle('Doomed');
    expect((await author.send('POST', '/api/favorites', { mediaType: 'custom', mediaId: id })).status).toBe(201);
    // In the middle of a list: the list closes the gap.
    const list = (await (await author.send('POST', '/api/watchlists', { name: 'With a doomed one' })).json()) as {
      id: string;
    };
    for (const item of [
      { mediaType: 'movie', mediaId: movieIds[8] },
      { mediaType: 'custom', mediaId: id },
      { mediaType: 'movie', mediaId: movieIds[9] },
    ]) {
      expect((await author.send('POST', `/api/watchlists/${list.id}/items`, item)).status).toBe(201);
    }
    expect((await admin.send('DELETE', `/api/admin/custom-titles/${id}`)).status).toBe(204);
    const left = (await (await author.get(`/api/watchlists/${list.id}`)).json()) as {
      items: { position: number; mediaId: unknown }[];
    };
    expect(left.items.map((i) => [i.position, i.mediaId])).toEqual([
      [1, movieIds[8]],
      [2, movieIds[9]],
    ]);
    expect((await app.get(`/api/custom-titles/${id}`)).status).toBe(404);
    const favorites = (await (await author.get('/api/favorites')).json()) as { items: { mediaId: unknown }[] };
    expect(favorites.items.map((f) => f.mediaId)).not.toContain(id);
    expect(await actions(id)).toEqual(['custom_title.delete']);
    expect((await admin.send('DELETE', `/api/admin/custom-titles/${id}`)).status).toBe(404);
  });
});
