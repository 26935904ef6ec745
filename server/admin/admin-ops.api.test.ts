import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  Accepted,
  AdminJobPage,
  AdminStats,
  AuditPage,
  CacheEntryPage,
  CacheGroupList,
  OutboxPage,
} from '#shared/contracts/admin';
import { createUser, type TestUser } from '../../tests/helpers/factories.ts';
import { startTestApp, type TestApp } from '../../tests/helpers/test-app.ts';
import { openSocket } from '../../tests/helpers/ws.ts';

let app: TestApp;
let admin: TestUser;
beforeAll(async () => {
  app = await startTestApp();
  admin = await createUser(app, { isAdmin: true, username: 'ops_admin' });
});
afterAll(async () => {
  await app?.close();
});

const json = async <T>(res: Response | Promise<Response>, schema: { parse(v: unknown): T }) =>
  schema.parse(await (await res).json());
const entries = (query = '') => json(admin.get(`/api/admin/cache${query}`), CacheEntryPage);
const auditFor = (q: string) => json(admin.get(`/api/admin/audit?q=${encodeURIComponent(q)}`), AuditPage);

async function until<T>(what: string, probe: () => Promise<T | null | undefined | false>, ms = 20_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

// First, before any list is fetched: poster jobs queued by list fetches would run ahead of ours.
describe('jobs', () => {
  it('lists jobs with state, and a failed one can be retried once it has failed (202), audited', async () => {
    // An image job that cannot succeed: the file name is invalid, so every try fails (not a 404).
    const id = await app.server.runtime.jobs.enqueue('image-precache', { size: 'w342', files: ['not valid!.jpg'] });
    expect(id).toBeTruthy();
    const failed = await until(
      'the job to fail',
      async () => {
        const page = await json(admin.get('/api/admin/jobs?state=failed'), AdminJobPage);
        return page.items.find((j) => j.id === id);
      },
      45_000,
    );
    expect(failed).toMatchObject({ kind: 'image-precache', state: 'failed' });
    expect(failed.error).toMatch(/could not be cached/);

    const socket = await openSocket(app.url);
    const res = await admin.send('POST', `/api/admin/jobs/${id}/retry`);
    expect(res.status).toBe(202);
    expect((await socket.next((m) => m.type === 'JOB_PROGRESS' && m.payload.jobId === id)).payload).toMatchObject({
      status: 'retry',
    });
    const again = await json(admin.get('/api/admin/jobs?kind=image-precache'), AdminJobPage);
    expect(['retry', 'active', 'failed']).toContain(again.items.find((j) => j.id === id)?.state);
    expect((await auditFor(id!)).items.map((e) => e.action)).toEqual(['job.retry']);
    socket.ws.close();
  }, 60_000);

  it('refuses to retry a job that has not failed (409) or does not exist (404)', async () => {
    const id = await app.server.runtime.jobs.enqueue(
      'image-precache',
      { size: 'w342', files: [] },
      { startAfterSeconds: 3600 },
    );
    const res = await admin.send('POST', `/api/admin/jobs/${id}/retry`);
    expect(res.status).toBe(409);
    expect((await admin.send('POST', '/api/admin/jobs/00000000-0000-4000-8000-000000000000/retry')).status).toBe(404);
    expect((await admin.get('/api/admin/jobs?state=exploded')).status).toBe(400);
  });
});

describe('cache', () => {
  it('lists entries with expiry, filters by type, and groups by type/category', async () => {
    const list = (await (await app.get('/api/tv/popular?limit=2')).json()) as { items: { id: number }[] };
    const tvId = list.items[0]!.id;
    expect((await app.get(`/api/tv/${tvId}`)).status).toBe(200);

    const tv = await entries('?type=tv');
    expect(tv.items.map((e) => e.key)).toContain(`tv:${tvId}`);
    expect(tv.items.every((e) => e.type === 'tv')).toBe(true);
    const entry = tv.items.find((e) => e.key === `tv:${tvId}`)!;
    expect(new Date(entry.expiresAt).getTime()).toBeGreaterThan(Date.now());
    expect(entry.expired).toBe(false);

    const groups = await json(admin.get('/api/admin/cache/groups'), CacheGroupList);
    expect(groups.items).toContainEqual(
      expect.objectContaining({ type: 'tv', category: 'detail', entries: 1, expired: 0 }),
    );
    expect(groups.items.find((g) => g.type === 'list' && g.category === 'tv:popular')?.entries).toBeGreaterThan(0);
    expect((await admin.get('/api/admin/cache?limit=500')).status).toBe(400);
  });

  it('purges by type (204): gone from the table and from memory, so the next read goes upstream; audited', async () => {
    const list = (await (await app.get('/api/movies/top-rated?limit=1')).json()) as { items: { id: number }[] };
    const id = list.items[0]!.id;
    expect((await app.get(`/api/movies/${id}`)).status).toBe(200);
    expect((await entries('?type=movie')).meta.total).toBeGreaterThan(0);
    const listsBefore = (await entries('?type=list')).meta.total;

    expect((await admin.send('DELETE', '/api/admin/cache?type=movie')).status).toBe(204);
    expect((await entries('?type=movie')).meta.total).toBe(0);
    expect((await entries('?type=list')).meta.total).toBe(listsBefore);

    // The memory tier was purged too: the next read is a fresh upstream fetch that lands in the table again.
    const socket = await openSocket(app.url);
    expect((await app.get(`/api/movies/${id}`)).status).toBe(200);
    await socket.next((m) => m.type === 'CACHE_UPDATE' && m.payload.mediaId === id);
    expect((await entries('?type=movie')).items.map((e) => e.key)).toEqual([`movie:${id}`]);
    socket.ws.close();

    const log = await auditFor('cache.purge');
    expect(log.items[0]).toMatchObject({
      action: 'cache.purge',
      actorUsername: 'ops_admin',
      details: { type: 'movie', category: null },
    });
    expect((log.items[0]!.details as { deleted: number }).deleted).toBeGreaterThan(0);
  });

  it('purges everything without a filter', async () => {
    expect((await admin.send('DELETE', '/api/admin/cache')).status).toBe(204);
    expect((await entries()).meta.total).toBe(0);
  });

  it('warms the home rows in the background (202), audited', async () => {
    expect((await admin.send('DELETE', '/api/admin/cache')).status).toBe(204);
    const res = await admin.send('POST', '/api/admin/cache/warm');
    expect(res.status).toBe(202);
    expect(Accepted.parse(await res.json()).status).toBe('accepted');
    const warmed = await until('warmed rows', async () => {
      const groups = await json(admin.get('/api/admin/cache/groups'), CacheGroupList);
      const cats = groups.items.map((g) => `${g.type}/${g.category}`);
      return (
        ['list/movie:trending-week', 'list/tv:trending-week', 'list/movie:popular', 'genre/movie'].every((c) =>
          cats.includes(c),
        ) && cats
      );
    });
    expect(warmed.length).toBeGreaterThanOrEqual(10);
    expect((await auditFor('cache.warm')).items).toHaveLength(1);
  });
});

describe('outbox', () => {
  it('shows the messages kept instead of sent (no SendGrid configured)', async () => {
    const someone = await createUser(app, { username: 'forgetful' });
    expect((await app.send('POST', '/api/auth/password/forgot', { email: someone.email })).status).toBe(202);
    const page = await until('the reset email', async () => {
      const p = await json(admin.get('/api/admin/outbox?channel=email'), OutboxPage);
      return p.items.some((m) => m.recipient === someone.email) && p;
    });
    const mail = page.items.find((m) => m.recipient === someone.email)!;
    expect(mail).toMatchObject({ channel: 'email', status: 'stored' });
    expect(mail.body.length).toBeGreaterThan(0);
    expect((await admin.get('/api/admin/outbox?channel=pigeon')).status).toBe(400);
  });
});

describe('audit log', () => {
  it('is newest first, searchable by action, actor or target, and paginated', async () => {
    const target = await createUser(app, { username: 'audit_target' });
    await admin.send('PATCH', `/api/admin/users/${target.id}`, { isAdmin: true });
    await admin.send('PATCH', `/api/admin/users/${target.id}`, { isAdmin: false });
    const byTarget = await auditFor('audit_target');
    expect(byTarget.items.map((e) => e.action)).toEqual(['user.demote', 'user.promote']);
    const byActor = await auditFor('ops_admin');
    expect(byActor.meta.total).toBeGreaterThanOrEqual(2);
    const paged = await json(admin.get('/api/admin/audit?limit=1&page=2'), AuditPage);
    expect(paged.items).toHaveLength(1);
    expect(paged.meta.totalPages).toBe(paged.meta.total);
    expect((await auditFor('no such thing at all')).meta.total).toBe(0);
  });
});

describe('stats', () => {
  it('counts users, reviews, cache and jobs, with 24-hour series that include this minute', async () => {
    for (let i = 0; i < 3; i++) await app.get('/api/movies/popular?limit=1');
    const stats = await json(admin.get('/api/admin/stats'), AdminStats);
    expect(stats.users.total).toBeGreaterThanOrEqual(3);
    expect(stats.users.admins).toBeGreaterThanOrEqual(1);
    expect(stats.cache.entries).toBeGreaterThan(0);
    for (const s of [stats.series.requests, stats.series.cacheHits, stats.series.upstreamCalls])
      expect(s).toHaveLength(96);
    const requests = stats.series.requests.reduce((n, p) => n + p.value, 0);
    expect(requests).toBeGreaterThan(10);
    expect(stats.series.requests.at(-1)!.value).toBeGreaterThan(0);
    expect(stats.cache.hits).toBeGreaterThan(0);
    expect(stats.cache.hitRatio).toBeGreaterThan(0);
    expect(stats.upstream.calls).toBeGreaterThan(0);
    const sum = (c: { queued: number; active: number; failed: number; completed: number }) =>
      c.queued + c.active + c.failed + c.completed;
    // The image job of the jobs test (and the poster jobs of the lists fetched since) are counted.
    expect(sum(stats.imageJobs)).toBeGreaterThan(0);
    expect(sum(stats.jobs)).toBeGreaterThanOrEqual(sum(stats.imageJobs));

    // Samples are deltas: asking again does not count the same requests twice.
    const again = await json(admin.get('/api/admin/stats'), AdminStats);
    const requestsAgain = again.series.requests.reduce((n, p) => n + p.value, 0);
    expect(requestsAgain - requests).toBeLessThanOrEqual(3);
    const { rows } = await app.server.runtime.database.pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM metric_samples WHERE name = 'requests'`,
    );
    expect(rows[0]!.n).toBeGreaterThan(0);
  });
});
