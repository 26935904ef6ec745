import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signAccessToken } from '../auth/access-tokens.ts';
import { startOfflineTmdb, type OfflineTmdb } from '../catalog/offline/offline-tmdb.ts';
import { loadConfig } from '../config.ts';
import type { Database } from '../db/database.ts';
import { createLogger } from '../logger.ts';
import { startServer, type RunningServer } from '../server.ts';
import { openTestDatabase } from '../../tests/helpers/databases.ts';
import { openSocket, settle } from '../../tests/helpers/ws.ts';

// Cross-instance fan-out needs LISTEN/NOTIFY across connections, which only real PostgreSQL has
// (the embedded PGlite shares one session and runs a single instance with the in-process bus).
const realPg = Boolean(process.env.DATABASE_URL);
const JWT = 'test-jwt-secret-0123456789abcdef0123456789';

let database: Database;
let offline: OfflineTmdb;
let dataDir: string;
let a: RunningServer;
let b: RunningServer;
const warnings: string[] = [];

async function instance(url: string) {
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    DATABASE_URL: url,
    SESSION_SECRET: 'test-session-secret-0123456789abcdef0123',
    JWT_SECRET: JWT,
    BCRYPT_COST: '4',
  });
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      if (/"level":(40|50|60)/.test(chunk.toString())) warnings.push(chunk.toString());
      done();
    },
  });
  // No `database` option: each instance opens its own pool and its own LISTEN connection.
  return startServer(config, createLogger({ level: 'info', destination: sink }), { offlineTmdb: offline });
}

describe.skipIf(!realPg)(
  'two instances on one PostgreSQL database (skipped without DATABASE_URL: PGlite runs one instance)',
  () => {
    beforeAll(async () => {
      dataDir = mkdtempSync(path.join(tmpdir(), 'cinehub-two-'));
      [database, offline] = await Promise.all([openTestDatabase(), startOfflineTmdb({ port: 0 })]);
      a = await instance(database.url);
      b = await instance(database.url);
    });
    afterAll(async () => {
      await a?.close(1000);
      await b?.close(1000);
      await offline?.close();
      await database?.close();
      rmSync(dataDir, { recursive: true, force: true });
    });

    it('an event raised on instance A reaches a socket connected to instance B', async () => {
      expect(a.port).not.toBe(b.port);
      const onB = await openSocket(b.url);
      await a.runtime.events.publish({
        type: 'JOB_PROGRESS',
        payload: { jobId: 'j1', kind: 'image', done: 3, total: 10, status: 'active' },
      });
      const msg = await onB.next((m) => m.type === 'JOB_PROGRESS');
      expect(msg.payload).toEqual({ jobId: 'j1', kind: 'image', done: 3, total: 10, status: 'active' });
      onB.ws.close();
    });

    it('a title cached through A refreshes pages open on B (CACHE_UPDATE), and A sees it once', async () => {
      const onA = await openSocket(a.url);
      const onB = await openSocket(b.url);
      const list = (await (await fetch(`${a.url}/api/tv/popular?limit=1`)).json()) as { items: { id: number }[] };
      const id = list.items[0]!.id;
      expect((await fetch(`${a.url}/api/tv/${id}`)).status).toBe(200);
      const isIt = (m: { type: string; payload: Record<string, unknown> }) =>
        m.type === 'CACHE_UPDATE' && m.payload.mediaId === id;
      expect((await onB.next(isIt)).payload).toEqual({ mediaType: 'tv', mediaId: id, status: 'cached' });
      await onA.next(isIt);
      await settle();
      // The raising instance delivers locally and skips its own NOTIFY echo: no duplicate.
      expect(onA.messages.filter(isIt)).toHaveLength(1);
      onA.ws.close();
      onB.ws.close();
    });

    it("a user's private event raised on A reaches only that user's socket on B", async () => {
      const { rows } = await database.pool.query<{ id: string }>(
        `INSERT INTO users (email, username) VALUES ('two@example.test', 'two_instances') RETURNING id`,
      );
      const userId = rows[0]!.id;
      const token = signAccessToken(JWT, { sub: userId, ver: 0 });
      const mine = await openSocket(b.url, { query: `token=${token}` });
      const anon = await openSocket(b.url);
      await a.runtime.events.publish({ type: 'NOTIFICATION', payload: { text: 'private' }, userId });
      await mine.next((m) => m.payload.text === 'private');
      await settle();
      // Other public events (image jobs' progress) may arrive; no NOTIFICATION may.
      expect(anon.messages.filter((m) => m.type === 'NOTIFICATION')).toEqual([]);
      mine.ws.close();
      anon.ws.close();
    });

    it('a public list made private on A stops showing to anonymous visitors of B at once', async () => {
      const { rows } = await database.pool.query<{ id: string }>(
        `INSERT INTO users (email, username) VALUES ('lists@example.test', 'two_lists') RETURNING id`,
      );
      const auth = { authorization: `Bearer ${signAccessToken(JWT, { sub: rows[0]!.id, ver: 0 })}` };
      const json = { ...auth, 'content-type': 'application/json' };
      const made = await fetch(`${a.url}/api/watchlists`, {
        method: 'POST',
        headers: json,
        body: JSON.stringify({ name: 'Shared for now', isPublic: true }),
      });
      expect(made.status).toBe(201);
      const { id } = (await made.json()) as { id: string };
      // An anonymous visitor of B (behind nginx: no gzip asked) has the page, twice: now cached.
      const page = () => fetch(`${b.url}/watchlists/${id}`, { headers: { 'accept-encoding': 'identity' } });
      expect((await page()).status).toBe(200);
      expect((await page()).status).toBe(200);
      const hidden = await fetch(`${a.url}/api/watchlists/${id}`, {
        method: 'PUT',
        headers: json,
        body: JSON.stringify({ name: 'Shared for now', isPublic: false }),
      });
      expect(hidden.status).toBe(200);
      await expect.poll(async () => (await page()).status, { timeout: 3000, interval: 100 }).toBe(404);
    });

    it("an admin's cache purge on A drops B's in-memory copies too (B asks TMDB again)", async () => {
      const { rows } = await database.pool.query<{ id: string }>(
        `INSERT INTO users (email, username, is_admin) VALUES ('purge@example.test', 'two_purge', true) RETURNING id`,
      );
      const admin = { authorization: `Bearer ${signAccessToken(JWT, { sub: rows[0]!.id, ver: 0 })}` };
      const onB = await openSocket(b.url);
      const title = () => fetch(`${b.url}/api/movies/550`).then((r) => r.status);
      // B has the title in memory: asking again costs no TMDB call.
      expect(await title()).toBe(200);
      offline.stats.reset();
      expect(await title()).toBe(200);
      expect(offline.stats.calls).toBe(0);

      const purged = await fetch(`${a.url}/api/admin/cache?type=movie`, { method: 'DELETE', headers: admin });
      expect(purged.status).toBe(204);
      await expect
        .poll(
          async () => {
            offline.stats.reset();
            expect(await title()).toBe(200);
            return offline.stats.calls;
          },
          { timeout: 3000, interval: 100 },
        )
        .toBeGreaterThan(0);
      // The purge is internal: no socket hears of it.
      await settle();
      expect(onB.messages.map((m) => m.type)).not.toContain('CACHE_PURGED');
      onB.ws.close();
    });

    it('reconnects when the LISTEN connection drops, and events flow again', async () => {
      const onB = await openSocket(b.url);
      const { rowCount } = await database.pool.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
       WHERE datname = current_database() AND query ILIKE 'LISTEN %' AND pid <> pg_backend_pid()`,
      );
      expect(rowCount).toBe(2);
      // Keep publishing until B's new LISTEN connection hears A again.
      const deadline = Date.now() + 15_000;
      let n = 0;
      while (!onB.messages.some((m) => m.type === 'NOTIFICATION') && Date.now() < deadline) {
        await a.runtime.events.publish({ type: 'NOTIFICATION', payload: { n: ++n } });
        await settle(200);
      }
      expect(onB.messages.some((m) => m.type === 'NOTIFICATION')).toBe(true);
      expect(warnings.some((w) => w.includes('LISTEN connection lost'))).toBe(true);
      onB.ws.close();
    });

    it('an event too large for NOTIFY is delivered locally and does not fail the caller', async () => {
      const onA = await openSocket(a.url);
      const onB = await openSocket(b.url);
      await a.runtime.events.publish({ type: 'NOTIFICATION', payload: { big: 'x'.repeat(9000) } });
      await onA.next((m) => m.type === 'NOTIFICATION' && typeof m.payload.big === 'string');
      await settle();
      expect(onB.messages.filter((m) => m.type === 'NOTIFICATION')).toEqual([]);
      onA.ws.close();
      onB.ws.close();
    });
  },
);
