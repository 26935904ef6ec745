import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../tests/helpers/databases.ts';
import { startTestApp, type TestApp } from '../../tests/helpers/test-app.ts';
import { eventually, getPage } from '../catalog/catalog.test-helpers.ts';
import { startOfflineTmdb } from '../catalog/offline/offline-tmdb.ts';
import { loadConfig } from '../config.ts';
import { openDatabase, runMigrations, type Database } from '../db/database.ts';
import { createLogger } from '../logger.ts';
import type { RealtimeEvent } from '../realtime/event-bus.ts';
import { startServer } from '../server.ts';

let app: TestApp;
const events: RealtimeEvent[] = [];
beforeAll(async () => {
  app = await startTestApp();
  app.server.runtime.events.subscribe((e) => events.push(e));
});
afterAll(async () => {
  await app?.close();
});

const posterFiles = (items: { posterUrl: string | null }[]) =>
  items.flatMap((i) => (i.posterUrl ? [i.posterUrl.replace('/img/w342/', '')] : []));
const onDisk = (dataDir: string, file: string) => existsSync(path.join(dataDir, 'images', 'w342', `${file}.webp`));
const jobs = () => app.server.runtime.jobs;

async function cachedRows(pool: Database['pool'], files: string[]) {
  const { rows } = await pool.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM images_cache WHERE size = 'w342' AND format = 'webp' AND source_key = ANY($1)`,
    [files.map((f) => `tmdb:/${f}`)],
  );
  return rows[0]?.n ?? 0;
}

describe('image pre-cache jobs', () => {
  it('a list fetched from TMDB queues one job that caches its posters as w342 WebP', async () => {
    const list = await getPage(app, '/api/movies/upcoming');
    const files = posterFiles(list.items);
    expect(files.length).toBeGreaterThan(3);
    const job = await eventually(
      async () => {
        const page = await jobs().list({ kind: 'image-precache', state: 'completed', page: 1, limit: 10 });
        const found = page.items.find((j) => JSON.stringify(j.data).includes(files[0]!));
        expect(found).toBeDefined();
        return found!;
      },
      30_000,
      250,
    );
    expect(job.data).toEqual({ size: 'w342', files: expect.arrayContaining(files) });
    for (const f of files) expect(onDisk(app.server.runtime.config.dataDir, f)).toBe(true);
    expect(await cachedRows(app.server.runtime.database.pool, files)).toBe(files.length);
    // Served from disk now: the image host is not asked again.
    app.offline.stats.reset();
    const img = await app.get(`/img/w342/${files[0]}`, { headers: { accept: 'image/webp' } });
    expect(img.status).toBe(200);
    // Progress went out as JOB_PROGRESS events, ending in completed.
    const mine = events.filter((e) => e.type === 'JOB_PROGRESS' && e.payload.jobId === job.id);
    expect(mine.map((e) => (e.type === 'JOB_PROGRESS' ? e.payload.status : ''))).toEqual(
      expect.arrayContaining(['queued', 'active', 'completed']),
    );
    expect(mine.at(-1)?.payload).toMatchObject({ kind: 'image-precache', status: 'completed' });
    const metrics = await (await app.get('/metrics')).text();
    expect(metrics).toMatch(/cinehub_jobs_total\{kind="image-precache",state="completed"\} [1-9]/);
    expect(metrics).toMatch(/cinehub_jobs_total\{kind="image-precache",state="queued"\} [1-9]/);
  });

  it('a list served from the cache queues nothing', async () => {
    const files = posterFiles((await getPage(app, '/api/tv/on-the-air')).items);
    const all = async () => (await jobs().list({ kind: 'image-precache', page: 1, limit: 100 })).items;
    const count = async () => (await all()).length;
    // The job this first fetch queued is in (the earlier test's jobs are counted too).
    const before = await eventually(async () => {
      const queued = await all();
      expect(queued.some((j) => JSON.stringify(j.data).includes(files[0]!))).toBe(true);
      return queued.length;
    });
    await getPage(app, '/api/tv/on-the-air');
    app.server.runtime.catalog.cache.clearMemory();
    await getPage(app, '/api/tv/on-the-air');
    expect(await count()).toBe(before);
  });

  it('a failing job is recorded as failed with its reason, and can be retried', async () => {
    // Earlier tests' jobs finish first, so the image host's outage only meets this one.
    await eventually(
      async () => {
        const s = await jobs().stats();
        expect(s.queued + s.active).toBe(0);
      },
      30_000,
      250,
    );
    app.offline.faults.set({ status: 500, pathPrefix: '/t/p' });
    let files: string[] = [];
    try {
      files = posterFiles((await getPage(app, '/api/movies/now-playing')).items);
      const failed = await eventually(
        async () => {
          const page = await jobs().list({ kind: 'image-precache', state: 'failed', page: 1, limit: 10 });
          const mine = page.items.find((j) => JSON.stringify(j.data).includes(files[0]!));
          expect(mine).toBeDefined();
          return mine!;
        },
        40_000,
        500,
      );
      expect(failed.error).toMatch(/posters could not be cached/);
      expect(failed.retryCount).toBe(1);
      expect((await jobs().stats()).failed).toBeGreaterThanOrEqual(1);
      expect(onDisk(app.server.runtime.config.dataDir, files[0]!)).toBe(false);
      app.offline.faults.clear();
      expect(await jobs().retry(failed.id)).toBe(true);
      await eventually(
        async () => {
          const page = await jobs().list({ state: 'completed', kind: 'image-precache', page: 1, limit: 50 });
          expect(page.items.map((j) => j.id)).toContain(failed.id);
        },
        30_000,
        250,
      );
      for (const f of files) expect(onDisk(app.server.runtime.config.dataDir, f)).toBe(true);
      // Only failed jobs go back; unknown ids are no jobs at all.
      expect(await jobs().retry(failed.id)).toBe(false);
      expect(await jobs().retry('00000000-0000-4000-8000-000000000000')).toBe(false);
      expect(await jobs().retry('nope')).toBe(false);
    } finally {
      app.offline.faults.clear();
    }
  });

  it('stats count jobs by state and kind', async () => {
    const s = await eventually(async () => {
      const now = await jobs().stats();
      expect(now.byKind['image-precache']?.completed).toBeGreaterThanOrEqual(3);
      return now;
    });
    expect(s.completed).toBeGreaterThanOrEqual(3);
    expect(s).toMatchObject({ queued: expect.any(Number), active: expect.any(Number), failed: expect.any(Number) });
  });
});

describe('the job queue API', () => {
  it('a kind declared after start runs its jobs; an unknown kind cannot be queued', async () => {
    const seen: number[] = [];
    await jobs().work<{ n: number }>('test-late-kind', async (d, ctx) => {
      seen.push(d.n);
      ctx.progress(1, 1);
    });
    const id = await jobs().enqueue('test-late-kind', { n: 7 });
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    await eventually(async () => expect(seen).toEqual([7]));
    await expect(jobs().enqueue('no-such-kind', {})).rejects.toThrow(/unknown job kind/);
  });
});

describe('jobs survive a restart', () => {
  it('a job queued by an app that stopped before running it is run by the next app on the same database', async () => {
    const pgDir = mkdtempSync(path.join(tmpdir(), 'cinehub-jobs-db-'));
    const holder = process.env.DATABASE_URL ? await openTestDatabase() : null;
    const open = async () => {
      const db = holder
        ? await openDatabase({ kind: 'postgres', url: holder.url })
        : await openDatabase({ kind: 'embedded', dir: path.join(pgDir, 'pg') });
      await runMigrations(db);
      return db;
    };
    const offline = await startOfflineTmdb({ port: 0 });
    const log = createLogger({ level: 'silent' });
    const boot = (db: Database, concurrency: string) => {
      const dataDir = mkdtempSync(path.join(tmpdir(), 'cinehub-jobs-app-'));
      const config = loadConfig({
        NODE_ENV: 'test',
        PORT: '0',
        HOST: '127.0.0.1',
        DATA_DIR: dataDir,
        SESSION_SECRET: 'test-session-secret-0123456789abcdef0123',
        JWT_SECRET: 'test-jwt-secret-0123456789abcdef0123456789',
        BCRYPT_COST: '4',
        JOBS_CONCURRENCY: concurrency,
      });
      return startServer(config, log, { database: db, offlineTmdb: offline });
    };
    try {
      // First app: enqueues but runs no jobs (a web-only instance), then stops — database included.
      let db = await open();
      const first = await boot(db, '0');
      const res = await fetch(`${first.url}/api/tv/top-rated`);
      const files = posterFiles(((await res.json()) as { items: { posterUrl: string | null }[] }).items);
      // The job is queued behind the response.
      const queued = await eventually(async () => {
        const page = await first.runtime.jobs.list({ kind: 'image-precache', page: 1, limit: 5 });
        expect(page.items.map((j) => j.state)).toEqual(['created']);
        return page;
      });
      await first.close(1000);
      await db.close();

      db = await open();
      const second = await boot(db, '1');
      try {
        await eventually(
          async () => {
            const done = await second.runtime.jobs.list({ kind: 'image-precache', page: 1, limit: 5 });
            expect(done.items.map((j) => [j.id, j.state])).toEqual([[queued.items[0]!.id, 'completed']]);
          },
          30_000,
          250,
        );
        for (const f of files) expect(onDisk(second.runtime.config.dataDir, f)).toBe(true);
        expect(await cachedRows(db.pool, files)).toBe(files.length);
      } finally {
        await second.close(1000);
        await db.close();
      }
    } finally {
      await offline.close();
      await holder?.close();
      rmSync(pgDir, { recursive: true, force: true });
    }
  }, 120_000);
});
