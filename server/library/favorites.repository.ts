import { and, count, desc, eq } from 'drizzle-orm';
import { favorites } from '#shared/schema';
import type { MediaType } from '#shared/contracts/common';
import type { Executor } from '../db/database.ts';
import type { StoredRef } from './media-ref.ts';

const cols = {
  id: favorites.id,
  mediaType: favorites.mediaType,
  mediaId: favorites.mediaId,
  createdAt: favorites.createdAt,
};
export type FavoriteRow = { id: string; mediaType: string; mediaId: string; createdAt: Date };

const sameTitle = (userId: string, ref: StoredRef) =>
  and(eq(favorites.userId, userId), eq(favorites.mediaType, ref.mediaType), eq(favorites.mediaId, ref.mediaId));

export function createFavoritesRepository(db: Executor) {
  return {
    /** Adds the favorite, or finds the one already there: the unique index settles races. */
    async insertOrGet(userId: string, ref: StoredRef): Promise<{ row: FavoriteRow; created: boolean }> {
      // The one in the way may be deleted between the insert and the read: try again, a few
      // times at most (each retry needs another delete racing this very request).
      for (let tries = 1; ; tries++) {
        const [row] = await db
          .insert(favorites)
          .values({ userId, ...ref })
          .onConflictDoNothing()
          .returning(cols);
        if (row) return { row, created: true };
        const [existing] = await db.select(cols).from(favorites).where(sameTitle(userId, ref));
        if (existing) return { row: existing, created: false };
        if (tries === 3) throw new Error('the favorite kept being deleted while it was added');
      }
    },
    async listByUser(userId: string, q: { page: number; limit: number; mediaType?: MediaType }) {
      const where = and(eq(favorites.userId, userId), q.mediaType ? eq(favorites.mediaType, q.mediaType) : undefined);
      const [rows, [total]] = await Promise.all([
        db
          .select(cols)
          .from(favorites)
          .where(where)
          .orderBy(desc(favorites.createdAt), desc(favorites.id))
          .limit(q.limit)
          .offset((q.page - 1) * q.limit),
        db.select({ n: count() }).from(favorites).where(where),
      ]);
      return { rows, total: total?.n ?? 0 };
    },
    /** Every favorite of the user, newest first (hearts and export); bounded by `max`. */
    async allByUser(userId: string, max: number): Promise<FavoriteRow[]> {
      return db
        .select(cols)
        .from(favorites)
        .where(eq(favorites.userId, userId))
        .orderBy(desc(favorites.createdAt), desc(favorites.id))
        .limit(max);
    },
    /** Deletes by id AND owner: someone else's favorite is simply not found. */
    async deleteOwned(id: string, userId: string): Promise<boolean> {
      const rows = await db
        .delete(favorites)
        .where(and(eq(favorites.id, id), eq(favorites.userId, userId)))
        .returning({ id: favorites.id });
      return rows.length > 0;
    },
    async deleteByMedia(ref: StoredRef): Promise<void> {
      await db.delete(favorites).where(and(eq(favorites.mediaType, ref.mediaType), eq(favorites.mediaId, ref.mediaId)));
    },
  };
}
export type FavoritesRepository = ReturnType<typeof createFavoritesRepository>;
