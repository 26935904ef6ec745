import { and, count, desc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import { customTitles } from '#shared/schema';
import type { Executor } from '../db/database.ts';
import { createFavoritesRepository } from './favorites.repository.ts';
import { createReviewsRepository } from './reviews.repository.ts';
import { createWatchlistItemsRepository } from './watchlist-items.repository.ts';

const cols = {
  id: customTitles.id,
  title: customTitles.title,
  year: customTitles.year,
  imageUrl: customTitles.imageUrl,
  imageReady: customTitles.imageReady,
  ownerId: customTitles.ownerId,
  createdAt: customTitles.createdAt,
  updatedAt: customTitles.updatedAt,
};
export type CustomTitleRow = {
  id: string;
  title: string;
  year: string | null;
  imageUrl: string | null;
  imageReady: boolean;
  ownerId: string;
  createdAt: Date;
  updatedAt: Date;
};

export interface CustomTitleValues {
  title: string;
  year: string | null;
  imageUrl: string | null;
}

// ILIKE's wildcards in the user's text are literal characters.
const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export function createCustomTitlesRepository(db: Executor) {
  return {
    async insert(ownerId: string, v: CustomTitleValues): Promise<CustomTitleRow> {
      const [row] = await db
        .insert(customTitles)
        .values({ ownerId, ...v })
        .returning(cols);
      return row!;
    },
    async findById(id: string): Promise<CustomTitleRow | null> {
      const [row] = await db.select(cols).from(customTitles).where(eq(customTitles.id, id));
      return row ?? null;
    },
    async byIds(ids: string[]): Promise<CustomTitleRow[]> {
      if (ids.length === 0) return [];
      return db.select(cols).from(customTitles).where(inArray(customTitles.id, ids));
    },
    async list(filter: { ownerId?: string }, q: { page: number; limit: number }) {
      const where = filter.ownerId ? eq(customTitles.ownerId, filter.ownerId) : undefined;
      const [rows, [total]] = await Promise.all([
        db
          .select(cols)
          .from(customTitles)
          .where(where)
          .orderBy(desc(customTitles.createdAt), desc(customTitles.id))
          .limit(q.limit)
          .offset((q.page - 1) * q.limit),
        db.select({ n: count() }).from(customTitles).where(where),
      ]);
      return { rows, total: total?.n ?? 0 };
    },
    async allByOwner(ownerId: string): Promise<CustomTitleRow[]> {
      return db
        .select(cols)
        .from(customTitles)
        .where(eq(customTitles.ownerId, ownerId))
        .orderBy(desc(customTitles.createdAt));
    },
    /** Replaces the values; a changed imageUrl means the stored image no longer shows. */
    async update(id: string, v: CustomTitleValues): Promise<CustomTitleRow | null> {
      const [row] = await db
        .update(customTitles)
        .set({
          ...v,
          imageReady: sql`${customTitles.imageReady} and ${customTitles.imageUrl} is not distinct from ${v.imageUrl}`,
          updatedAt: new Date(),
        })
        .where(eq(customTitles.id, id))
        .returning(cols);
      return row ?? null;
    },
    /**
     * Records that the image at imageUrl is stored, unless the title has been deleted or given
     * another URL meanwhile; false then.
     */
    async markImageReady(id: string, imageUrl: string): Promise<boolean> {
      const rows = await db
        .update(customTitles)
        .set({ imageReady: true })
        .where(and(eq(customTitles.id, id), eq(customTitles.imageUrl, imageUrl)))
        .returning({ id: customTitles.id });
      return rows.length > 0;
    },
    /**
     * Deletes the title with every favorite, watchlist entry (those lists renumbered) and review of
     * it, for its owner and for admins alike; call it inside a transaction. Null: no such title.
     */
    async deleteWithReferences(id: string): Promise<{ id: string; title: string; ownerId: string } | null> {
      const ref = { mediaType: 'custom' as const, mediaId: id };
      await createFavoritesRepository(db).deleteByMedia(ref);
      await createWatchlistItemsRepository(db).removeMediaEverywhere(ref);
      await createReviewsRepository(db).deleteByMedia(ref);
      const [row] = await db
        .delete(customTitles)
        .where(eq(customTitles.id, id))
        .returning({ id: customTitles.id, title: customTitles.title, ownerId: customTitles.ownerId });
      return row ?? null;
    },
    /**
     * Titles containing the text (ILIKE) or resembling it (pg_trgm similarity or word similarity,
     * both served by the lower(title) trigram index), the closest first.
     */
    async search(text: string, year: number | undefined, q: { page: number; limit: number }) {
      const needle = text.trim().toLowerCase();
      const lowered = sql`lower(${customTitles.title})`;
      const where: SQL | undefined = and(
        or(
          ilike(customTitles.title, `%${escapeLike(needle)}%`),
          sql`${needle} % ${lowered}`,
          sql`${needle} <% ${lowered}`,
        ),
        year === undefined ? undefined : eq(customTitles.year, String(year)),
      );
      const [rows, [total]] = await Promise.all([
        db
          .select(cols)
          .from(customTitles)
          .where(where)
          .orderBy(
            sql`(${lowered} = ${needle}) desc`,
            sql`greatest(similarity(${needle}, ${lowered}), word_similarity(${needle}, ${lowered})) desc`,
            desc(customTitles.createdAt),
          )
          .limit(q.limit)
          .offset((q.page - 1) * q.limit),
        db.select({ n: count() }).from(customTitles).where(where),
      ]);
      return { rows, total: total?.n ?? 0 };
    },
  };
}
export type CustomTitlesRepository = ReturnType<typeof createCustomTitlesRepository>;
