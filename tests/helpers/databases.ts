import pg from 'pg';
import { openDatabase, runMigrations, type Database } from '../../server/db/database.ts';

export const TEMPLATE_DB = 'cinehub_test_template';
let counter = 0;

export function withDatabase(url: string, db: string) {
  const u = new URL(url);
  u.pathname = `/${db}`;
  return u.toString();
}

/** A database of its own for one test app: a clone of the migrated template, or a fresh PGlite. */
export async function openTestDatabase(): Promise<Database> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const db = await openDatabase({ kind: 'embedded', dir: null });
    await runMigrations(db);
    return db;
  }
  const name = `cinehub_t_${process.pid}_${++counter}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DB}`);
  await admin.end();
  const db = await openDatabase({ kind: 'postgres', url: withDatabase(url, name) });
  const close = db.close.bind(db);
  return {
    ...db,
    async close() {
      await close();
      const a = new pg.Client({ connectionString: url });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}
