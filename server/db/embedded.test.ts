import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from './database.ts';

let database: Database;
beforeAll(async () => {
  database = await openDatabase({ kind: 'embedded', dir: null });
});
afterAll(async () => {
  await database?.close();
});

describe('embedded PostgreSQL behind pglite-socket', () => {
  it('keeps every connection’s answers its own while another connection holds transactions', async () => {
    const { pool } = database;
    let stop = false;
    // One connection keeps opening short transactions, as a service writing several rows does.
    const writer = (async () => {
      const client = await pool.connect();
      try {
        while (!stop) {
          await client.query('BEGIN');
          await client.query('SELECT $1::text AS tx', ['in-transaction']);
          await client.query('COMMIT');
        }
      } finally {
        client.release();
      }
    })();
    const results = await Promise.all(
      Array.from({ length: 300 }, (_, i) =>
        pool.query<{ n: number }>('SELECT $1::int AS n', [i]).then((r) => r.rows[0]?.n),
      ),
    );
    stop = true;
    await writer;
    expect(results).toEqual(Array.from({ length: 300 }, (_, i) => i));
  });

  it('keeps serving after a failed statement', async () => {
    await expect(database.pool.query('SELECT * FROM no_such_table')).rejects.toThrow(/no_such_table/);
    const { rows } = await database.pool.query<{ ok: number }>('SELECT 1 AS ok');
    expect(rows[0]?.ok).toBe(1);
  });
});
