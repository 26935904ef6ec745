import { openDatabase } from '/work/main/server/db/database.ts';
const db = await openDatabase({ kind: 'embedded', dir: null });
let wrong = 0, errors = 0;
await Promise.all(Array.from({ length: 200 }, async (_, i) => {
  try {
    const r = await db.pool.query('select $1::int as v, pg_sleep(0) as s', [i]);
    if (r.rows[0]?.v !== i) wrong++;
  } catch (e) { errors++; }
}));
console.log('plain concurrency: wrong', wrong, 'errors', errors);
wrong = 0; errors = 0;
const tx = (async () => { const c = await db.pool.connect(); await c.query('begin'); for (let k = 0; k < 20; k++) await c.query('select $1::int', [k]); await c.query('commit'); c.release(); })();
await Promise.all([tx, ...Array.from({ length: 100 }, async (_, i) => {
  try { const r = await db.pool.query('select $1::int as v', [i]); if (r.rows[0]?.v !== i) wrong++; } catch (e) { errors++; }
})]);
console.log('with a transaction: wrong', wrong, 'errors', errors);
await db.close();
