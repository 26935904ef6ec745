import { and, eq, sql } from 'drizzle-orm';
import { imagesCache } from '#shared/schema';
import type { Executor } from '../db/database.ts';

export function createImagesRepository(db: Executor) {
  return {
    async find(sourceKey: string, size: string, format: string) {
      const [row] = await db
        .select({ location: imagesCache.location, contentType: imagesCache.contentType, storage: imagesCache.storage })
        .from(imagesCache)
        .where(and(eq(imagesCache.sourceKey, sourceKey), eq(imagesCache.size, size), eq(imagesCache.format, format)));
      return row ?? null;
    },
    async record(row: typeof imagesCache.$inferInsert) {
      await db.insert(imagesCache).values(row).onConflictDoNothing();
    },
    async count() {
      const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(imagesCache);
      return row?.n ?? 0;
    },
  };
}
export type ImagesRepository = ReturnType<typeof createImagesRepository>;
