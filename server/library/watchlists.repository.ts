import { and, count, desc, eq, sql } from 'drizzle-orm';
import { users, watchlistItems, watchlists } from '#shared/schema';
import type { Executor } from '../db/database.ts';

// The item count rides along as a correlated subquery: one query for a whole page of lists. The
// outer column is spelled out in full: Drizzle leaves select-list columns unqualified, and an
// unqualified "id" would bind to watchlist_items inside the subquery.
const itemCount =
  sql<number>`(select count(*) from ${watchlistItems} wi where wi.watchlist_id = ${watchlists}.id)`.mapWith(Number);
const cols = {
  id: watchlists.id,
  name: watchlists.name,
  description: watchlists.description,
  isPublic: watchlists.isPublic,
  ownerId: watchlists.userId,
  createdAt: watchlists.createdAt,
  updatedAt: watchlists.updatedAt,
};
const summaryCols = { ...cols, itemCount };
export type WatchlistRow = {
  id: string;
  name: string;
  description: string | null;
  isPublic: boolean;
  ownerId: string;
  createdAt: Date;
  updatedAt: Date;
};
export type WatchlistSummaryRow = WatchlistRow & { itemCount: number };

export interface WatchlistValues {
  name?: string;
  description?: string | null;
  isPublic?: boolean;
}

export function createWatchlistsRepository(db: Executor) {
  return {
    async insert(ownerId: string, v: Required<WatchlistValues>): Promise<WatchlistRow> {
      const [row] = await db
        .insert(watchlists)
        .values({ userId: ownerId, ...v })
        .returning(cols);
      return row!;
    },
    async findById(id: string): Promise<WatchlistRow | null> {
      const [row] = await db.select(cols).from(watchlists).where(eq(watchlists.id, id));
      return row ?? null;
    },
    /** The list with its owner's public name, for the detail and share page. */
    async findWithOwner(id: string) {
      const [row] = await db
        .select({ ...summaryCols, ownerUsername: users.username, ownerDisplayName: users.displayName })
        .from(watchlists)
        .innerJoin(users, eq(users.id, watchlists.userId))
        .where(eq(watchlists.id, id));
      return row ?? null;
    },
    /** Locks the list's row for the rest of the transaction: item writes to one list queue up. */
    async lock(id: string): Promise<WatchlistRow | null> {
      const [row] = await db.select(cols).from(watchlists).where(eq(watchlists.id, id)).for('update');
      return row ?? null;
    },
    async listByOwner(ownerId: string, q: { page: number; limit: number; publicOnly?: boolean }) {
      const where = and(eq(watchlists.userId, ownerId), q.publicOnly ? eq(watchlists.isPublic, true) : undefined);
      const [rows, [total]] = await Promise.all([
        db
          .select(summaryCols)
          .from(watchlists)
          .where(where)
          .orderBy(desc(watchlists.createdAt), desc(watchlists.id))
          .limit(q.limit)
          .offset((q.page - 1) * q.limit),
        db.select({ n: count() }).from(watchlists).where(where),
      ]);
      return { rows: rows as WatchlistSummaryRow[], total: total?.n ?? 0 };
    },
    async update(id: string, v: WatchlistValues): Promise<WatchlistRow | null> {
      const [row] = await db
        .update(watchlists)
        .set({ ...v, updatedAt: new Date() })
        .where(eq(watchlists.id, id))
        .returning(cols);
      return row ?? null;
    },
    async touch(id: string): Promise<void> {
      await db.update(watchlists).set({ updatedAt: new Date() }).where(eq(watchlists.id, id));
    },
    async delete(id: string): Promise<boolean> {
      const rows = await db.delete(watchlists).where(eq(watchlists.id, id)).returning({ id: watchlists.id });
      return rows.length > 0;
    },
    async allByOwner(ownerId: string): Promise<WatchlistRow[]> {
      return db.select(cols).from(watchlists).where(eq(watchlists.userId, ownerId)).orderBy(desc(watchlists.createdAt));
    },
  };
}
export type WatchlistsRepository = ReturnType<typeof createWatchlistsRepository>;
