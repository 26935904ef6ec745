import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../db/database.ts';

/** pg-boss keeps its tables in this schema (it creates and migrates them itself at start). */
export const JOB_SCHEMA = 'pgboss';

export const JOB_STATES = ['created', 'retry', 'active', 'completed', 'cancelled', 'failed'] as const;
export type JobState = (typeof JOB_STATES)[number];

export interface JobView {
  id: string;
  kind: string;
  state: JobState;
  data: unknown;
  retryCount: number;
  retryLimit: number;
  createdAt: string;
  startedAt: string | null;
  completedAt: string | null;
  /** The failure's message, for failed jobs (never its stack). */
  error: string | null;
}

interface JobRow extends Record<string, unknown> {
  id: string;
  kind: string;
  state: JobState;
  data: unknown;
  retry_count: number;
  retry_limit: number;
  created_on: Date | string;
  started_on: Date | string | null;
  completed_on: Date | string | null;
  output: unknown;
}

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());
const errorOf = (row: JobRow) => {
  if (row.state !== 'failed' || typeof row.output !== 'object' || row.output === null) return null;
  const message = (row.output as { message?: unknown }).message;
  return typeof message === 'string' ? message.slice(0, 500) : 'failed';
};
const toView = (r: JobRow): JobView => ({
  id: r.id,
  kind: r.kind,
  state: r.state,
  data: r.data,
  retryCount: r.retry_count,
  retryLimit: r.retry_limit,
  createdAt: iso(r.created_on) ?? '',
  startedAt: iso(r.started_on),
  completedAt: iso(r.completed_on),
  error: errorOf(r),
});

// Live jobs and the archive (pg-boss moves finished jobs there after a day) read as one table.
const ALL_JOBS = sql.raw(`(
  SELECT id, name, state::text AS state, data, retry_count, retry_limit, created_on, started_on, completed_on, output
    FROM ${JOB_SCHEMA}.job
  UNION ALL
  SELECT id, name, state::text, data, retry_count, retry_limit, created_on, started_on, completed_on, output
    FROM ${JOB_SCHEMA}.archive
) AS jobs`);
// pg-boss's own bookkeeping queues start with "__".
const OURS = sql`jobs.name NOT LIKE '\\_\\_%'`;

export function createJobsRepository(db: Executor) {
  return {
    async list(filter: { state?: JobState; kind?: string }, page: { offset: number; limit: number }) {
      const conds: SQL[] = [OURS];
      if (filter.state) conds.push(sql`jobs.state = ${filter.state}`);
      if (filter.kind) conds.push(sql`jobs.name = ${filter.kind}`);
      const where = sql.join(conds, sql` AND `);
      const rows = await db.execute<JobRow>(sql`
        SELECT id, name AS kind, state, data, retry_count, retry_limit, created_on, started_on, completed_on, output
          FROM ${ALL_JOBS} WHERE ${where}
         ORDER BY created_on DESC, id
         LIMIT ${page.limit} OFFSET ${page.offset}`);
      const total = await db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM ${ALL_JOBS} WHERE ${where}`);
      return { rows: rows.rows.map(toView), total: total.rows[0]?.n ?? 0 };
    },

    async find(id: string): Promise<JobView | null> {
      if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return null;
      const rows = await db.execute<JobRow>(sql`
        SELECT id, name AS kind, state::text AS state, data, retry_count, retry_limit, created_on, started_on,
               completed_on, output
          FROM ${sql.raw(`${JOB_SCHEMA}.job`)} WHERE id = ${id}::uuid`);
      const row = rows.rows[0];
      return row ? toView(row) : null;
    },

    /** Job counts by kind: queued (created or waiting to retry), active, completed, failed. */
    async stats() {
      const rows = await db.execute<{ kind: string; state: string; n: number }>(sql`
        SELECT name AS kind, state, count(*)::int AS n FROM ${ALL_JOBS} WHERE ${OURS} GROUP BY name, state`);
      const empty = () => ({ queued: 0, active: 0, completed: 0, failed: 0 });
      const total = empty();
      const byKind = new Map<string, ReturnType<typeof empty>>();
      for (const r of rows.rows) {
        const bucket =
          r.state === 'created' || r.state === 'retry' ? 'queued' : r.state === 'cancelled' ? null : r.state;
        if (bucket !== 'queued' && bucket !== 'active' && bucket !== 'completed' && bucket !== 'failed') continue;
        const k = byKind.get(r.kind) ?? empty();
        k[bucket] += r.n;
        total[bucket] += r.n;
        byKind.set(r.kind, k);
      }
      return { ...total, byKind: Object.fromEntries(byKind) };
    },
  };
}
export type JobsRepository = ReturnType<typeof createJobsRepository>;
