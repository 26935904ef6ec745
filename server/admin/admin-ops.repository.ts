import { and, count, desc, eq, sql, type SQL } from 'drizzle-orm';
import { imagesCache, outbox, tmdbCache } from '#shared/schema';
import type { Executor } from '../db/database.ts';

function cacheWhere(f: { type?: string; category?: string }) {
  const conds: SQL[] = [];
  if (f.type) conds.push(eq(tmdbCache.type, f.type));
  if (f.category) conds.push(eq(tmdbCache.category, f.category));
  return conds.length ? and(...conds) : undefined;
}

/**
 * The operational writes and reads the admin feature does itself: purge and job retry run here so
 * their audit row shares the transaction (the catalog's and the jobs' own versions use their own
 * connections); cache groups with next expiry, counts, the outbox.
 */
export function createAdminOpsRepository(db: Executor) {
  return {
    async cacheGroups() {
      return db
        .select({
          type: tmdbCache.type,
          category: tmdbCache.category,
          entries: count(),
          expired: sql<number>`count(*) filter (where ${tmdbCache.expiresAt} <= now())::int`,
          nextExpiry:
            sql<Date | null>`min(${tmdbCache.expiresAt}) filter (where ${tmdbCache.expiresAt} > now())`.mapWith(
              (v: string | Date | null) => (v === null ? null : new Date(v)),
            ),
        })
        .from(tmdbCache)
        .groupBy(tmdbCache.type, tmdbCache.category)
        .orderBy(tmdbCache.type, tmdbCache.category);
    },
    async purgeCache(f: { type?: string; category?: string }) {
      const rows = await db.delete(tmdbCache).where(cacheWhere(f)).returning({ key: tmdbCache.cacheKey });
      return rows.length;
    },
    async cacheCounts() {
      const [row] = await db
        .select({
          entries: count(),
          expired: sql<number>`count(*) filter (where ${tmdbCache.expiresAt} <= now())::int`,
        })
        .from(tmdbCache);
      return { entries: row?.entries ?? 0, expired: row?.expired ?? 0 };
    },
    async imageCount() {
      const [row] = await db.select({ n: count() }).from(imagesCache);
      return row?.n ?? 0;
    },

    /**
     * pg-boss's own retry (plans.retryJobs): a failed job goes back to `retry` with one more try
     * allowed. 'missing' for an unknown id, 'not-failed' when the job is not failed.
     */
    async retryJob(id: string): Promise<{ name: string } | 'missing' | 'not-failed'> {
      const found = await db.execute<{ name: string }>(sql`select name from pgboss.job where id = ${id}::uuid`);
      const job = found.rows[0];
      if (!job) return 'missing';
      // The partition key (name) first, as pg-boss does: the job table is partitioned by queue.
      const updated = await db.execute<{ name: string }>(sql`
        update pgboss.job set state = 'retry', retry_limit = retry_limit + 1
        where name = ${job.name} and id = ${id}::uuid and state = 'failed' returning name`);
      return updated.rows[0] ?? 'not-failed';
    },

    async listOutbox(q: { channel?: string; page: number; limit: number }) {
      const where = q.channel ? eq(outbox.channel, q.channel) : undefined;
      const [rows, totals] = await Promise.all([
        db
          .select({
            id: outbox.id,
            channel: outbox.channel,
            recipient: outbox.recipient,
            subject: outbox.subject,
            body: outbox.body,
            status: outbox.status,
            createdAt: outbox.createdAt,
          })
          .from(outbox)
          .where(where)
          .orderBy(desc(outbox.createdAt), desc(outbox.id))
          .limit(q.limit)
          .offset((q.page - 1) * q.limit),
        db.select({ n: count() }).from(outbox).where(where),
      ]);
      return { rows, total: totals[0]?.n ?? 0 };
    },
  };
}
export type AdminOpsRepository = ReturnType<typeof createAdminOpsRepository>;
