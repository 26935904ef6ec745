import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import lockfile from 'proper-lockfile';
import { keepBatchesTogether } from './pglite-queue-fix.ts';

export interface EmbeddedPostgres {
  /** A postgres:// URL on a loopback port, so every ordinary PostgreSQL client works unchanged. */
  url: string;
  close(): Promise<void>;
}

/**
 * Real PostgreSQL (PGlite, in WASM) in this process, served on 127.0.0.1 by pglite-socket.
 * `dir` null keeps the data in memory (tests). PGlite takes no lock of its own, so a lock in the
 * data folder stops a second process from opening the same files.
 */
export async function startEmbeddedPostgres(opts: {
  dir: string | null;
  maxConnections: number;
}): Promise<EmbeddedPostgres> {
  let releaseLock: (() => Promise<void>) | null = null;
  if (opts.dir) {
    mkdirSync(opts.dir, { recursive: true });
    try {
      releaseLock = await lockfile.lock(opts.dir, {
        lockfilePath: path.join(path.dirname(opts.dir), `${path.basename(opts.dir)}.lock`),
        stale: 15_000,
      });
    } catch (err) {
      throw new Error(
        `The embedded database in ${opts.dir} is in use by another CineHub process; stop it or set DATA_DIR.`,
        { cause: err },
      );
    }
  }
  const db = await PGlite.create({ dataDir: opts.dir ?? undefined, extensions: { pg_trgm } });
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: opts.maxConnections });
  keepBatchesTogether(server);
  await server.start();
  const [host, port] = server.getServerConn().split(':');
  return {
    url: `postgres://postgres@${host}:${port}/postgres?sslmode=disable`,
    async close() {
      await server.stop();
      await db.close();
      await releaseLock?.();
    },
  };
}
