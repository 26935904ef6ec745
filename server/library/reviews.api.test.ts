import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CatalogItem } from '#shared/contracts/catalog';
import { ReportReceipt, ReviewPage, ReviewSummary, ReviewView } from '#shared/contracts/library';
import { createUser, type TestUser } from '../../tests/helpers/factories.ts';
import { countQueries, expectError, json, pickTitles } from '../../tests/helpers/library.ts';
import { startTestApp, type TestApp } from '../../tests/helpers/test-app.ts';

let app: TestApp;
let movies: CatalogItem[];
beforeAll(async () => {
  app = await startTestApp();
  movies = await pickTitles(app, 'movie', 60);
});
afterAll(async () => {
  await app?.close();
});

const review = async (user: TestUser, movie: CatalogItem, rating: number, content = 'Worth a watch.') =>
  ReviewView.parse(
    await json(
      await user.send('POST', '/api/reviews', { mediaType: 'movie', mediaId: movie.id, rating, content }),
      201,
    ),
  );
const reviewsOf = async (movie: CatalogItem, extra = '') =>
  ReviewPage.parse(await json(await app.get(`/api/reviews?mediaType=movie&mediaId=${movie.id}${extra}`), 200));
const summaryOf = async (movie: CatalogItem) =>
  ReviewSummary.parse(await json(await app.get(`/api/reviews/summary?mediaType=movie&mediaId=${movie.id}`), 200));
const setStatus = (id: string, status: string) =>
  app.server.runtime.database.pool.query('update reviews set status = $2 where id = $1', [id, status]);

describe('reviews', () => {
  it('posts a review (201) with its author; one per user per title (409); lists newest first, publicly', async () => {
    const alice = await createUser(app);
    const bob = await createUser(app);
    const movie = movies[0]!;
    const a = await review(alice, movie, 8.5, 'Loved the score.');
    expect(a).toMatchObject({
      rating: 8.5,
      content: 'Loved the score.',
      author: { id: alice.id, username: alice.username },
    });
    expect(a.media).toMatchObject({ title: movie.title });
    await expectError(
      await alice.send('POST', '/api/reviews', { mediaType: 'movie', mediaId: movie.id, rating: 3, content: 'Again' }),
      409,
      'CONFLICT',
    );
    const b = await review(bob, movie, 6);
    const page = await reviewsOf(movie);
    expect(page.items.map((r) => r.id)).toEqual([b.id, a.id]);
    expect(page.meta.total).toBe(2);
    expect(JSON.stringify(page)).not.toContain(alice.email);
    const paged = await reviewsOf(movie, '&limit=1&page=2');
    expect(paged.items.map((r) => r.id)).toEqual([a.id]);
    const byUser = ReviewPage.parse(await json(await app.get(`/api/reviews?userId=${alice.id}`), 200));
    expect(byUser.items.map((r) => r.id)).toEqual([a.id]);
  });

  it("averages our users' shown ratings", async () => {
    const movie = movies[1]!;
    expect(await summaryOf(movie)).toEqual({ average: null, count: 0 });
    const users = await Promise.all([createUser(app), createUser(app), createUser(app)]);
    await review(users[0]!, movie, 7);
    await review(users[1]!, movie, 8.5);
    const hidden = await review(users[2]!, movie, 0.5);
    await setStatus(hidden.id, 'hidden');
    expect(await summaryOf(movie)).toEqual({ average: 7.75, count: 2 });
    await expectError(await app.get('/api/reviews/summary?mediaType=movie'), 400, 'VALIDATION_ERROR');
  });

  it('validates rating (0–10 in halves) and content with field details', async () => {
    const carol = await createUser(app);
    const post = (body: Record<string, unknown>) =>
      carol.send('POST', '/api/reviews', {
        mediaType: 'movie',
        mediaId: movies[2]!.id,
        content: 'ok',
        rating: 5,
        ...body,
      });
    expect(await expectError(await post({ rating: 10.5 }), 400, 'VALIDATION_ERROR')).toEqual(['rating']);
    expect(await expectError(await post({ rating: 3.3 }), 400, 'VALIDATION_ERROR')).toEqual(['rating']);
    expect(await expectError(await post({ rating: -0.5 }), 400, 'VALIDATION_ERROR')).toEqual(['rating']);
    expect(await expectError(await post({ rating: '7' }), 400, 'VALIDATION_ERROR')).toEqual(['rating']);
    expect(await expectError(await post({ content: '   ' }), 400, 'VALIDATION_ERROR')).toEqual(['content']);
    expect(await expectError(await post({ content: 'x'.repeat(5001) }), 400, 'VALIDATION_ERROR')).toEqual(['content']);
    expect(await expectError(await post({ status: 'visible' }), 400, 'VALIDATION_ERROR')).toEqual(['status']);
    await expectError(
      await carol.send('POST', '/api/reviews', { mediaType: 'movie', mediaId: 999_999_999, rating: 5, content: 'x' }),
      404,
      'NOT_FOUND',
    );
    expect((await reviewsOf(movies[2]!)).meta.total).toBe(0);
    expect((await review(carol, movies[2]!, 10, 'x'.repeat(5000))).rating).toBe(10);
    expect((await review(await createUser(app), movies[2]!, 0)).rating).toBe(0);
    await expectError(await app.get('/api/reviews'), 400, 'VALIDATION_ERROR');
    await expectError(await app.get('/api/reviews?mediaType=movie&mediaId=abc'), 400, 'VALIDATION_ERROR');
  });

  it("edits and deletes your own review; another user's is a 403, a hidden one a 404; admins may delete", async () => {
    const dan = await createUser(app);
    const erin = await createUser(app);
    const admin = await createUser(app, { isAdmin: true });
    const r = await review(dan, movies[3]!, 5, 'First take');
    const edited = ReviewView.parse(
      await json(await dan.send('PUT', `/api/reviews/${r.id}`, { rating: 6.5, content: 'Second take' }), 200),
    );
    expect(edited).toMatchObject({ id: r.id, rating: 6.5, content: 'Second take' });
    expect(
      await expectError(await dan.send('PUT', `/api/reviews/${r.id}`, { rating: 11 }), 400, 'VALIDATION_ERROR'),
    ).toEqual(['rating']);
    await expectError(await erin.send('PUT', `/api/reviews/${r.id}`, { content: 'mine now' }), 403, 'FORBIDDEN');
    await expectError(await admin.send('PUT', `/api/reviews/${r.id}`, { content: 'moderated' }), 403, 'FORBIDDEN');
    await expectError(await erin.send('DELETE', `/api/reviews/${r.id}`), 403, 'FORBIDDEN');
    expect((await reviewsOf(movies[3]!)).items[0]).toMatchObject({ content: 'Second take' });
    expect((await admin.send('DELETE', `/api/reviews/${r.id}`)).status).toBe(204);
    expect((await reviewsOf(movies[3]!)).meta.total).toBe(0);

    const own = await review(erin, movies[4]!, 4);
    await setStatus(own.id, 'hidden');
    await expectError(await dan.send('PUT', `/api/reviews/${own.id}`, { content: 'x' }), 404, 'NOT_FOUND');
    await expectError(await dan.send('DELETE', `/api/reviews/${own.id}`), 404, 'NOT_FOUND');
    expect((await erin.send('DELETE', `/api/reviews/${own.id}`)).status).toBe(204);
  });

  it('reports a review once per user (202, then 409); it stays shown until a moderator hides it', async () => {
    const fay = await createUser(app);
    const gus = await createUser(app);
    const hal = await createUser(app);
    const r = await review(fay, movies[5]!, 2, 'Rude words');
    expect(
      ReportReceipt.parse(
        await json(await gus.send('POST', `/api/reviews/${r.id}/report`, { reason: 'Offensive' }), 202),
      ),
    ).toEqual({ reviewId: r.id, status: 'received' });
    await expectError(await gus.send('POST', `/api/reviews/${r.id}/report`, { reason: 'Again' }), 409, 'CONFLICT');
    await json(await hal.send('POST', `/api/reviews/${r.id}/report`, { reason: 'Spam' }), 202);
    await expectError(await fay.send('POST', `/api/reviews/${r.id}/report`, { reason: 'me' }), 403, 'FORBIDDEN');
    expect(
      await expectError(await hal.send('POST', `/api/reviews/${r.id}/report`, { reason: '' }), 400, 'VALIDATION_ERROR'),
    ).toEqual(['reason']);
    const { rows } = await app.server.runtime.database.pool.query(
      'select status, (select count(*)::int from review_reports where review_id = $1) as n from reviews where id = $1',
      [r.id],
    );
    expect(rows[0]).toEqual({ status: 'reported', n: 2 });
    expect((await reviewsOf(movies[5]!)).items.map((x) => x.id)).toEqual([r.id]);
    await setStatus(r.id, 'hidden');
    expect((await reviewsOf(movies[5]!)).meta.total).toBe(0);
    await expectError(await gus.send('POST', `/api/reviews/${r.id}/report`, { reason: 'x' }), 404, 'NOT_FOUND');
    await expectError(await app.send('POST', `/api/reviews/${r.id}/report`, { reason: 'x' }), 401, 'UNAUTHORIZED');
  });

  it('documents every library route in /api/docs, the rating summary included', async () => {
    const doc = (await json(await app.get('/api/docs'), 200)) as { paths: Record<string, Record<string, unknown>> };
    expect(Object.keys(doc.paths['/api/reviews/summary'] ?? {})).toEqual(['get']);
    for (const [path, methods] of Object.entries({
      '/api/favorites': ['get', 'post'],
      '/api/favorites/{id}': ['delete'],
      '/api/watchlists': ['get', 'post'],
      '/api/watchlists/{id}': ['get', 'put', 'delete'],
      '/api/watchlists/{id}/items': ['post'],
      '/api/watchlists/{id}/items/{itemId}': ['patch', 'delete'],
      '/api/watchlists/{id}/import': ['post'],
      '/api/reviews': ['get', 'post'],
      '/api/reviews/{id}': ['put', 'delete'],
      '/api/reviews/{id}/report': ['post'],
      '/api/custom-titles': ['get', 'post'],
      '/api/custom-titles/{id}': ['get', 'put', 'delete'],
      '/api/users/{username}': ['get'],
      '/api/library/export': ['get'],
      '/api/library/state': ['get'],
    })) {
      expect(Object.keys(doc.paths[path] ?? {}).sort(), path).toEqual([...methods].sort());
    }
  });

  it('lists 5 or 50 reviews with the same number of queries', async () => {
    const critic = await createUser(app);
    for (const [i, m] of movies.slice(10, 60).entries()) await review(critic, m, (i % 20) / 2);
    const page = async (limit: number) => {
      const body = ReviewPage.parse(await json(await app.get(`/api/reviews?limit=${limit}&userId=${critic.id}`), 200));
      expect(body.items).toHaveLength(limit);
      expect(body.items.every((r) => r.media?.title && r.author.username === critic.username)).toBe(true);
    };
    expect(await countQueries(app, () => page(5))).toBe(await countQueries(app, () => page(50)));
  });
});
