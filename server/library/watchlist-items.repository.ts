import { and, asc, count, eq, gt, gte, inArray, lt, lte, max, sql } from 'drizzle-orm';
import { watchlistItems, watchlists } from '#shared/schema';
import type { Executor } from '../db/database.ts';
import type { StoredRef } from './media-ref.ts';

const cols = {
  id: watchlistItems.id,
  watchlistId: watchlistItems.watchlistId,
  mediaType: watchlistItems.mediaType,
  mediaId: watchlistItems.mediaId,
  notes: watchlistItems.notes,
  position: watchlistItems.position,
  addedAt: watchlistItems.addedAt,
};
export type WatchlistItemRow = {
  id: string;
  watchlistId: string;
  mediaType: string;
  mediaId: string;
  notes: string | null;
  position: number;
  addedAt: Date;
};

// Positions are 1-based and dense within a list. Every write that moves positions runs inside a
// transaction that holds the list's row lock (watchlists.lock), so they never interleave.
export function createWatchlistItemsRepository(db: Executor) {
  return {
    async listByWatchlist(watchlistId: string): Promise<WatchlistItemRow[]> {
      return db
        .select(cols)
        .from(watchlistItems)
        .where(eq(watchlistItems.watchlistId, watchlistId))
        .orderBy(asc(watchlistItems.position));
    },
    /** Items of many lists in one query (export). */
    async listByWatchlists(ids: string[]): Promise<WatchlistItemRow[]> {
      if (ids.length === 0) return [];
      return db
        .select(cols)
        .from(watchlistItems)
        .where(inArray(watchlistItems.watchlistId, ids))
        .orderBy(asc(watchlistItems.watchlistId), asc(watchlistItems.position));
    },
    async stats(watchlistId: string): Promise<{ count: number; maxPosition: number }> {
      const [row] = await db
        .select({ n: count(), top: max(watchlistItems.position) })
        .from(watchlistItems)
        .where(eq(watchlistItems.watchlistId, watchlistId));
      return { count: row?.n ?? 0, maxPosition: row?.top ?? 0 };
    },
    async find(watchlistId: string, itemId: string): Promise<WatchlistItemRow | null> {
      const [row] = await db
        .select(cols)
        .from(watchlistItems)
        .where(and(eq(watchlistItems.id, itemId), eq(watchlistItems.watchlistId, watchlistId)));
      return row ?? null;
    },
    /** null when the title is already on the list (the unique index decides). */
    async insert(
      watchlistId: string,
      ref: StoredRef,
      notes: string | null,
      position: number,
    ): Promise<WatchlistItemRow | null> {
      const [row] = await db
        .insert(watchlistItems)
        .values({ watchlistId, ...ref, notes, position })
        .onConflictDoNothing()
        .returning(cols);
      return row ?? null;
    },
    async insertMany(watchlistId: string, rows: { ref: StoredRef; position: number }[]): Promise<WatchlistItemRow[]> {
      if (rows.length === 0) return [];
      return db
        .insert(watchlistItems)
        .values(rows.map((r) => ({ watchlistId, ...r.ref, position: r.position, notes: null })))
        .onConflictDoNothing()
        .returning(cols);
    },
    async existing(watchlistId: string, refs: StoredRef[]) {
      if (refs.length === 0) return [];
      const keys = refs.map((r) => `${r.mediaType}:${r.mediaId}`);
      return db
        .select({ id: watchlistItems.id, mediaType: watchlistItems.mediaType, mediaId: watchlistItems.mediaId })
        .from(watchlistItems)
        .where(
          and(
            eq(watchlistItems.watchlistId, watchlistId),
            inArray(sql`${watchlistItems.mediaType} || ':' || ${watchlistItems.mediaId}`, keys),
          ),
        );
    },
    async setNotes(itemId: string, notes: string | null): Promise<void> {
      await db.update(watchlistItems).set({ notes }).where(eq(watchlistItems.id, itemId));
    },
    /** Moves one item to `to`, shifting the items between its old and new place by one. */
    async move(watchlistId: string, itemId: string, from: number, to: number): Promise<void> {
      if (from === to) return;
      const inList = eq(watchlistItems.watchlistId, watchlistId);
      if (to < from) {
        await db
          .update(watchlistItems)
          .set({ position: sql`${watchlistItems.position} + 1` })
          .where(and(inList, gte(watchlistItems.position, to), lt(watchlistItems.position, from)));
      } else {
        await db
          .update(watchlistItems)
          .set({ position: sql`${watchlistItems.position} - 1` })
          .where(and(inList, gt(watchlistItems.position, from), lte(watchlistItems.position, to)));
      }
      await db.update(watchlistItems).set({ position: to }).where(eq(watchlistItems.id, itemId));
    },
    /** Deletes the item and closes the gap it leaves. */
    async remove(watchlistId: string, item: { id: string; position: number }): Promise<void> {
      await db.delete(watchlistItems).where(eq(watchlistItems.id, item.id));
      await db
        .update(watchlistItems)
        .set({ position: sql`${watchlistItems.position} - 1` })
        .where(and(eq(watchlistItems.watchlistId, watchlistId), gt(watchlistItems.position, item.position)));
    },
    /**
     * Removes a title from every list (its custom title is gone) and renumbers those lists, holding
     * their row locks (in id order, as every position write does) so no move or add interleaves.
     * Call it inside a transaction.
     */
    async removeMediaEverywhere(ref: StoredRef): Promise<void> {
      const { rows: locked } = await db.execute<{ id: string }>(sql`
        select w.id from ${watchlists} w
        where w.id in (select watchlist_id from ${watchlistItems}
                       where media_type = ${ref.mediaType} and media_id = ${ref.mediaId})
        order by w.id for update`);
      const lists = locked.map((r) => r.id);
      if (lists.length === 0) return;
      await db
        .delete(watchlistItems)
        .where(and(eq(watchlistItems.mediaType, ref.mediaType), eq(watchlistItems.mediaId, ref.mediaId)));
      const ids = sql.join(
        lists.map((l) => sql`${l}::uuid`),
        sql`, `,
      );
      await db.execute(sql`
        update ${watchlistItems} as wi set position = r.rn
        from (select id, row_number() over (partition by watchlist_id order by position, id) as rn
              from ${watchlistItems} where watchlist_id in (${ids})) r
        where wi.id = r.id`);
      await db.update(watchlists).set({ updatedAt: new Date() }).where(inArray(watchlists.id, lists));
    },
  };
}
export type WatchlistItemsRepository = ReturnType<typeof createWatchlistItemsRepository>;
