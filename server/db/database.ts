import { fileURLToPath } from 'node:url';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import * as schema from '#shared/schema';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded.ts';

export type Db = NodePgDatabase<typeof schema>;
/** The pool or a transaction: repositories take either, so services can compose them in one transaction. */
export type Executor = Db | Parameters<Parameters<Db['transaction']>[0]>[0];

export interface Database {
  kind: 'postgres' | 'embedded';
  db: Db;
  pool: pg.Pool;
  /** The connection URL, for clients that open their own pool (the job queue). */
  url: string;
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export type DatabaseTarget = { kind: 'postgres'; url: string } | { kind: 'embedded'; dir: string | null };

const POOL_MAX = 10;
// Every pool in the process shares the embedded server's connection slots: the app pool,
// the job queue's (2) and spare room for LISTEN and migrations.
const EMBEDDED_MAX_CONNECTIONS = 24;

export async function openDatabase(target: DatabaseTarget, opts: { poolMax?: number } = {}): Promise<Database> {
  let embedded: EmbeddedPostgres | null = null;
  let url: string;
  if (target.kind === 'embedded') {
    embedded = await startEmbeddedPostgres({ dir: target.dir, maxConnections: EMBEDDED_MAX_CONNECTIONS });
    url = embedded.url;
  } else {
    url = target.url;
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: opts.poolMax ?? POOL_MAX,
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
    // A statement that runs away must not hold a connection forever.
    statement_timeout: 15_000,
  });
  // An idle client that loses its connection (database restart) emits here; the pool replaces it.
  pool.on('error', () => {});
  const db = drizzle({ client: pool, schema });
  return {
    kind: target.kind,
    db,
    pool,
    url,
    async ping() {
      try {
        await pool.query('select 1');
        return true;
      } catch {
        return false;
      }
    },
    async close() {
      await pool.end();
      await embedded?.close();
    },
  };
}

export const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

/** Applies the committed migrations; an advisory lock keeps cluster instances from racing. */
export async function runMigrations(database: Database): Promise<void> {
  const client = await database.pool.connect();
  try {
    await client.query('select pg_advisory_lock(7355608)');
    try {
      await migrate(drizzle({ client }), { migrationsFolder });
    } finally {
      await client.query('select pg_advisory_unlock(7355608)');
    }
  } finally {
    client.release();
  }
}
