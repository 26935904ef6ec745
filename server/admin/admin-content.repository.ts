import { count, desc, eq, ilike, or, sql } from 'drizzle-orm';
import { customTitles, reviewReports, reviews, users } from '#shared/schema';
import type { Executor } from '../db/database.ts';
import { createCustomTitlesRepository } from '../library/custom-titles.repository.ts';
import { containsPattern } from './admin-users.repository.ts';

const reviewCols = {
  id: reviews.id,
  userId: reviews.userId,
  username: users.username,
  mediaType: reviews.mediaType,
  mediaId: reviews.mediaId,
  rating: reviews.rating,
  content: reviews.content,
  status: reviews.status,
  createdAt: reviews.createdAt,
  updatedAt: reviews.updatedAt,
  // Correlated subqueries keep the page one query at any size (no N+1).
  reportCount: sql<number>`(select count(*)::int from ${reviewReports} where ${reviewReports.reviewId} = ${reviews.id})`,
  reportReasons: sql<string[]>`array(select ${reviewReports.reason} from ${reviewReports}
    where ${reviewReports.reviewId} = ${reviews.id} order by ${reviewReports.createdAt} desc limit 5)`,
};

const titleCols = {
  id: customTitles.id,
  title: customTitles.title,
  year: customTitles.year,
  imageUrl: customTitles.imageUrl,
  ownerId: customTitles.ownerId,
  ownerUsername: users.username,
  createdAt: customTitles.createdAt,
  updatedAt: customTitles.updatedAt,
};

/**
 * Moderation reads and writes on reviews and custom titles. Written against the tables directly
 * until the library feature exposes services for admin moderation (see the admin report).
 */
export function createAdminContentRepository(db: Executor) {
  return {
    async listReviews(q: { status?: string; page: number; limit: number }) {
      const where = q.status ? eq(reviews.status, q.status) : undefined;
      const [rows, totals] = await Promise.all([
        db
          .select(reviewCols)
          .from(reviews)
          .innerJoin(users, eq(users.id, reviews.userId))
          .where(where)
          .orderBy(desc(reviews.updatedAt), desc(reviews.id))
          .limit(q.limit)
          .offset((q.page - 1) * q.limit),
        db.select({ n: count() }).from(reviews).where(where),
      ]);
      return { rows, total: totals[0]?.n ?? 0 };
    },
    async findReview(id: string) {
      const [row] = await db
        .select(reviewCols)
        .from(reviews)
        .innerJoin(users, eq(users.id, reviews.userId))
        .where(eq(reviews.id, id));
      return row ?? null;
    },
    async setReviewStatus(id: string, status: 'visible' | 'hidden') {
      const [row] = await db
        .update(reviews)
        .set({ status, updatedAt: new Date() })
        .where(eq(reviews.id, id))
        .returning({ id: reviews.id });
      return row ?? null;
    },
    async deleteReview(id: string) {
      const [row] = await db
        .delete(reviews)
        .where(eq(reviews.id, id))
        .returning({ id: reviews.id, userId: reviews.userId, mediaType: reviews.mediaType, mediaId: reviews.mediaId });
      return row ?? null;
    },
    async reviewCounts() {
      const [row] = await db
        .select({
          total: count(),
          reported: sql<number>`count(*) filter (where ${reviews.status} = 'reported')::int`,
          hidden: sql<number>`count(*) filter (where ${reviews.status} = 'hidden')::int`,
        })
        .from(reviews);
      return { total: row?.total ?? 0, reported: row?.reported ?? 0, hidden: row?.hidden ?? 0 };
    },

    async listCustomTitles(q: { q?: string; page: number; limit: number }) {
      const where = q.q
        ? or(ilike(customTitles.title, containsPattern(q.q)), ilike(users.username, containsPattern(q.q)))
        : undefined;
      const [rows, totals] = await Promise.all([
        db
          .select(titleCols)
          .from(customTitles)
          .innerJoin(users, eq(users.id, customTitles.ownerId))
          .where(where)
          .orderBy(desc(customTitles.createdAt), desc(customTitles.id))
          .limit(q.limit)
          .offset((q.page - 1) * q.limit),
        db.select({ n: count() }).from(customTitles).innerJoin(users, eq(users.id, customTitles.ownerId)).where(where),
      ]);
      return { rows, total: totals[0]?.n ?? 0 };
    },
    async findCustomTitle(id: string) {
      const [row] = await db
        .select(titleCols)
        .from(customTitles)
        .innerJoin(users, eq(users.id, customTitles.ownerId))
        .where(eq(customTitles.id, id));
      return row ?? null;
    },
    async updateCustomTitle(id: string, patch: { title: string; year: string | null; imageUrl: string | null }) {
      const [row] = await db
        .update(customTitles)
        .set({
          ...patch,
          // A changed URL means the stored image no longer shows (see the library's update()).
          imageReady: sql`${customTitles.imageReady} and ${customTitles.imageUrl} is not distinct from ${patch.imageUrl}`,
          updatedAt: new Date(),
        })
        .where(eq(customTitles.id, id))
        .returning({ id: customTitles.id });
      return row ?? null;
    },
    /** The title and everything that points at it by (custom, id): there is no foreign key to cascade. */
    /** The library's own delete: the title with its favorites, list entries and reviews. */
    deleteCustomTitle: (id: string) => createCustomTitlesRepository(db).deleteWithReferences(id),
    async customTitleCount() {
      const [row] = await db.select({ n: count() }).from(customTitles);
      return row?.n ?? 0;
    },
  };
}
export type AdminContentRepository = ReturnType<typeof createAdminContentRepository>;
