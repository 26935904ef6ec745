import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { startOfflineTmdb, type OfflineTmdb } from '../../server/catalog/offline/offline-tmdb.ts';
import { loadConfig } from '../../server/config.ts';
import { createLogger } from '../../server/logger.ts';
import { startServer, type RunningServer } from '../../server/server.ts';
import type { RuntimeOptions } from '../../server/runtime.ts';
import { openTestDatabase } from './databases.ts';

export interface TestApp {
  url: string;
  server: RunningServer;
  offline: OfflineTmdb;
  /** Log lines at error level or worse; a test that expects one clears this. */
  errorLogs: string[];
  /** Rows of a SQL statement run on the app's own database (to look at or set up state). */
  rows<T = Record<string, unknown>>(text: string, values?: unknown[]): Promise<T[]>;
  get(path: string, init?: RequestInit): Promise<Response>;
  send(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Response>;
  close(): Promise<void>;
}

/**
 * The real app on a random port: its own database (real PostgreSQL when DATABASE_URL is set,
 * else embedded), its own offline TMDB with fault injection, a temp DATA_DIR, fast bcrypt.
 */
export async function startTestApp(
  opts: {
    env?: Record<string, string>;
    runtime?: Pick<RuntimeOptions, 'userImageFetch' | 'wsHeartbeatMs' | 'customImageRetryDelayS'>;
  } = {},
): Promise<TestApp> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'cinehub-test-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    SESSION_SECRET: 'test-session-secret-0123456789abcdef0123',
    JWT_SECRET: 'test-jwt-secret-0123456789abcdef0123456789',
    BCRYPT_COST: '4',
    LOG_LEVEL: 'info',
    TMDB_TIMEOUT_MS: '1500',
    ...opts.env,
  });
  const errorLogs: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      const line = chunk.toString();
      if (/"level":(50|60)/.test(line)) errorLogs.push(line);
      done();
    },
  });
  const log = createLogger({ level: 'info', destination: sink });
  const database = await openTestDatabase();
  const offline = await startOfflineTmdb({ port: 0 });
  const server = await startServer(config, log, { ...opts.runtime, database, offlineTmdb: offline });
  const url = server.url;
  return {
    url,
    server,
    offline,
    errorLogs,
    rows: async <T>(text: string, values: unknown[] = []) =>
      (await server.runtime.database.pool.query(text, values)).rows as T[],
    get: (p, init) => fetch(`${url}${p}`, init),
    send: (method, p, body, headers = {}) =>
      fetch(`${url}${p}`, {
        method,
        headers: { 'content-type': 'application/json', ...headers },
        body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      }),
    async close() {
      await server.close(1000);
      await offline.close();
      await database.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
