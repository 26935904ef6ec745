import pg from 'pg';
import { openDatabase, runMigrations } from '../../server/db/database.ts';
import { TEMPLATE_DB, withDatabase } from '../helpers/databases.ts';

/**
 * With DATABASE_URL (CI sets it): one migrated template database on the real server, from which
 * every test file clones its own database. Without it, each file opens a fresh embedded PGlite.
 */
export async function setup() {
  const url = process.env.DATABASE_URL;
  if (!url) return;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${TEMPLATE_DB}`);
  await admin.end();
  const template = await openDatabase({ kind: 'postgres', url: withDatabase(url, TEMPLATE_DB) });
  await runMigrations(template);
  await template.close();
}
