import { and, gte, inArray, lt, sql } from 'drizzle-orm';
import { metricSamples } from '#shared/schema';
import type { Executor } from '../db/database.ts';

/** Per-minute counters for the admin charts; every instance adds its own deltas to the same rows. */
export function createMetricSamplesRepository(db: Executor) {
  return {
    async add(bucket: Date, deltas: Record<string, number>) {
      const values = Object.entries(deltas)
        .filter(([, v]) => v > 0)
        .map(([name, value]) => ({ bucket, name, value }));
      if (values.length === 0) return;
      await db
        .insert(metricSamples)
        .values(values)
        .onConflictDoUpdate({
          target: [metricSamples.bucket, metricSamples.name],
          set: { value: sql`${metricSamples.value} + excluded.value` },
        });
    },
    async prune(before: Date) {
      const rows = await db
        .delete(metricSamples)
        .where(lt(metricSamples.bucket, before))
        .returning({ bucket: metricSamples.bucket });
      return rows.length;
    },
    /** Sums per `binMinutes` bin since `since`, for the named counters. */
    async series(since: Date, names: string[], binMinutes: number) {
      const bin = sql`date_bin(${`${binMinutes} minutes`}::interval, ${metricSamples.bucket}, ${since.toISOString()}::timestamptz)`;
      const rows = await db
        .select({
          at: sql<string>`${bin}`.mapWith((v: string | Date) => new Date(v)),
          name: metricSamples.name,
          value: sql<number>`sum(${metricSamples.value})::int`,
        })
        .from(metricSamples)
        .where(and(gte(metricSamples.bucket, since), inArray(metricSamples.name, names)))
        // By position: the bin expression carries parameters, which PostgreSQL won't match textually.
        .groupBy(sql`1`, sql`2`);
      return rows;
    },
  };
}
export type MetricSamplesRepository = ReturnType<typeof createMetricSamplesRepository>;
