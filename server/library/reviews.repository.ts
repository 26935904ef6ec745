import { and, avg, count, desc, eq, inArray } from 'drizzle-orm';
import { reviewReports, reviews, users } from '#shared/schema';
import type { Executor } from '../db/database.ts';
import type { StoredRef } from './media-ref.ts';

const cols = {
  id: reviews.id,
  userId: reviews.userId,
  mediaType: reviews.mediaType,
  mediaId: reviews.mediaId,
  rating: reviews.rating,
  content: reviews.content,
  status: reviews.status,
  createdAt: reviews.createdAt,
  updatedAt: reviews.updatedAt,
};
export type ReviewRow = {
  id: string;
  userId: string;
  mediaType: string;
  mediaId: string;
  rating: number;
  content: string;
  status: string;
  createdAt: Date;
  updatedAt: Date;
};
const withAuthor = { ...cols, authorUsername: users.username, authorDisplayName: users.displayName };
export type ReviewWithAuthorRow = ReviewRow & { authorUsername: string; authorDisplayName: string | null };

/** Shown to everyone: visible, and reported ones until a moderator hides them. */
export const SHOWN_STATUSES = ['visible', 'reported'];

export function createReviewsRepository(db: Executor) {
  return {
    /** null when this user already reviewed this title (the unique index decides). */
    async insert(userId: string, ref: StoredRef, v: { rating: number; content: string }): Promise<ReviewRow | null> {
      const [row] = await db
        .insert(reviews)
        .values({ userId, ...ref, ...v })
        .onConflictDoNothing()
        .returning(cols);
      return row ?? null;
    },
    async findById(id: string): Promise<ReviewWithAuthorRow | null> {
      const [row] = await db
        .select(withAuthor)
        .from(reviews)
        .innerJoin(users, eq(users.id, reviews.userId))
        .where(eq(reviews.id, id));
      return row ?? null;
    },
    /** One page of shown reviews with their authors (a join, not a query per review). */
    async listShown(filter: { ref?: StoredRef; userId?: string }, q: { page: number; limit: number }) {
      const where = and(
        inArray(reviews.status, SHOWN_STATUSES),
        filter.ref
          ? and(eq(reviews.mediaType, filter.ref.mediaType), eq(reviews.mediaId, filter.ref.mediaId))
          : undefined,
        filter.userId ? eq(reviews.userId, filter.userId) : undefined,
      );
      const [rows, [total]] = await Promise.all([
        db
          .select(withAuthor)
          .from(reviews)
          .innerJoin(users, eq(users.id, reviews.userId))
          .where(where)
          .orderBy(desc(reviews.createdAt), desc(reviews.id))
          .limit(q.limit)
          .offset((q.page - 1) * q.limit),
        db.select({ n: count() }).from(reviews).where(where),
      ]);
      return { rows, total: total?.n ?? 0 };
    },
    async summary(ref: StoredRef): Promise<{ average: number | null; count: number }> {
      const [row] = await db
        .select({ average: avg(reviews.rating), n: count() })
        .from(reviews)
        .where(
          and(
            eq(reviews.mediaType, ref.mediaType),
            eq(reviews.mediaId, ref.mediaId),
            inArray(reviews.status, SHOWN_STATUSES),
          ),
        );
      return {
        average: row?.average === null || row?.average === undefined ? null : Number(row.average),
        count: row?.n ?? 0,
      };
    },
    async update(id: string, v: { rating?: number; content?: string }): Promise<void> {
      await db
        .update(reviews)
        .set({ ...v, updatedAt: new Date() })
        .where(eq(reviews.id, id));
    },
    async delete(id: string): Promise<void> {
      await db.delete(reviews).where(eq(reviews.id, id));
    },
    async deleteByMedia(ref: StoredRef): Promise<void> {
      await db.delete(reviews).where(and(eq(reviews.mediaType, ref.mediaType), eq(reviews.mediaId, ref.mediaId)));
    },
    /** false when this user already reported this review. */
    async insertReport(reviewId: string, reporterId: string, reason: string): Promise<boolean> {
      const rows = await db
        .insert(reviewReports)
        .values({ reviewId, reporterId, reason })
        .onConflictDoNothing()
        .returning({ id: reviewReports.id });
      return rows.length > 0;
    },
    /** A visible review becomes reported; a hidden one stays hidden (the moderator decided). */
    async markReported(id: string): Promise<void> {
      await db
        .update(reviews)
        .set({ status: 'reported' })
        .where(and(eq(reviews.id, id), eq(reviews.status, 'visible')));
    },
    async allByUser(userId: string): Promise<ReviewRow[]> {
      return db.select(cols).from(reviews).where(eq(reviews.userId, userId)).orderBy(desc(reviews.createdAt));
    },
  };
}
export type ReviewsRepository = ReturnType<typeof createReviewsRepository>;
