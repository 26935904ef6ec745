import { and, desc, eq, ne, sql } from 'drizzle-orm';
import { imagesCache } from '#shared/schema';
import type { Executor } from '../db/database.ts';

export type ImageRow = typeof imagesCache.$inferInsert;

export function createImagesRepository(db: Executor) {
  return {
    async find(sourceKey: string, size: string, format: string) {
      const [row] = await db
        .select({ location: imagesCache.location, contentType: imagesCache.contentType, storage: imagesCache.storage })
        .from(imagesCache)
        .where(and(eq(imagesCache.sourceKey, sourceKey), eq(imagesCache.size, size), eq(imagesCache.format, format)));
      return row ?? null;
    },
    /** One row per (source, size, format); a second writer of the same image changes nothing. */
    async record(row: ImageRow) {
      await db.insert(imagesCache).values(row).onConflictDoNothing();
    },
    /** The newest image cached for a title (custom titles: the current imageUrl's). */
    async latestFor(mediaType: string, mediaId: string) {
      const [row] = await db
        .select({ sourceKey: imagesCache.sourceKey, size: imagesCache.size })
        .from(imagesCache)
        .where(and(eq(imagesCache.mediaType, mediaType), eq(imagesCache.mediaId, mediaId)))
        .orderBy(desc(imagesCache.createdAt))
        .limit(1);
      return row ?? null;
    },
    /** Deletes a title's rows (all, all but those of `keep`, or only those of `only`); returns what they pointed at. */
    async removeFor(mediaType: string, mediaId: string, which: { keep?: string; only?: string } = {}) {
      const conds = [eq(imagesCache.mediaType, mediaType), eq(imagesCache.mediaId, mediaId)];
      if (which.keep) conds.push(ne(imagesCache.sourceKey, which.keep));
      if (which.only) conds.push(eq(imagesCache.sourceKey, which.only));
      return db
        .delete(imagesCache)
        .where(and(...conds))
        .returning({ sourceKey: imagesCache.sourceKey, storage: imagesCache.storage, location: imagesCache.location });
    },
    async count() {
      const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(imagesCache);
      return row?.n ?? 0;
    },
    /** Cached images by store and format, with their bytes, for /admin. */
    async countByStorage() {
      return db
        .select({
          storage: imagesCache.storage,
          format: imagesCache.format,
          images: sql<number>`count(*)::int`,
          bytes: sql<number>`coalesce(sum(${imagesCache.bytes}), 0)::bigint::float8`,
        })
        .from(imagesCache)
        .groupBy(imagesCache.storage, imagesCache.format);
    },
  };
}
export type ImagesRepository = ReturnType<typeof createImagesRepository>;
