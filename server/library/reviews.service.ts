import { toPage, type MediaType } from '#shared/contracts/common';
import type { CatalogItem } from '#shared/contracts/catalog';
import type {
  CreateReviewBody,
  ReviewQuery,
  ReviewSummary,
  ReviewView,
  UpdateReviewBody,
} from '#shared/contracts/library';
import { ConflictError, ForbiddenError, NotFoundError } from '../http/errors.ts';
import type { Viewer } from '../http/viewer.ts';
import type { LibraryDeps } from './library.deps.ts';
import { apiMediaId, iso, refKey, toStoredRef, type StoredRef } from './media-ref.ts';
import { requireTitle, summaries } from './media.service.ts';
import { SHOWN_STATUSES, type ReviewWithAuthorRow } from './reviews.repository.ts';

type Deps = Pick<LibraryDeps, 'repos' | 'catalog' | 'transaction' | 'publicChanged'>;

export const toReviewView = (row: ReviewWithAuthorRow, media: CatalogItem | null | undefined): ReviewView => ({
  id: row.id,
  mediaType: row.mediaType as MediaType,
  mediaId: apiMediaId(row),
  rating: row.rating,
  content: row.content,
  createdAt: iso(row.createdAt),
  updatedAt: iso(row.updatedAt),
  author: { id: row.userId, username: row.authorUsername, displayName: row.authorDisplayName },
  media: media ?? null,
});

const queryRef = (q: { mediaType?: MediaType; mediaId?: string }): StoredRef | undefined =>
  q.mediaType && q.mediaId
    ? { mediaType: q.mediaType, mediaId: q.mediaType === 'custom' ? q.mediaId : String(Number(q.mediaId)) }
    : undefined;

/** Shown reviews of a title and/or by a user, newest first, with authors and titles (batched). */
export async function listReviews(deps: Deps, q: ReviewQuery) {
  const { rows, total } = await deps.repos.reviews.listShown({ ref: queryRef(q), userId: q.userId }, q);
  const media = await summaries(deps, rows as { mediaType: MediaType; mediaId: string }[]);
  return toPage(
    rows.map((r) => toReviewView(r, media.get(refKey(r)))),
    q,
    total,
  );
}

/** The mean of our users' shown ratings of a title. */
export async function reviewSummary(
  deps: Deps,
  q: { mediaType?: MediaType; mediaId?: string },
): Promise<ReviewSummary> {
  const ref = queryRef(q);
  if (!ref) return { average: null, count: 0 };
  const { average, count } = await deps.repos.reviews.summary(ref);
  return { average: average === null ? null : Math.round(average * 100) / 100, count };
}

export async function createReview(deps: Deps, viewer: Viewer, body: CreateReviewBody) {
  const ref = toStoredRef(body);
  const media = await requireTitle(deps, ref);
  const row = await deps.repos.reviews.insert(viewer.userId, ref, { rating: body.rating, content: body.content });
  if (!row) throw new ConflictError('You have already reviewed this title; edit that review instead');
  deps.publicChanged();
  return toReviewView((await deps.repos.reviews.findById(row.id))!, media);
}

/**
 * A review the viewer may change. A hidden review does not exist for anyone but its author (404);
 * a shown one exists, but changing someone else's is a 403 — unless `adminMay` and they are an admin.
 */
async function changeable(deps: Deps, viewer: Viewer, id: string, adminMay: boolean) {
  const row = await deps.repos.reviews.findById(id);
  const mine = row?.userId === viewer.userId;
  if (!row || (!mine && !SHOWN_STATUSES.includes(row.status) && !(adminMay && viewer.isAdmin)))
    throw new NotFoundError('Review');
  if (!mine && !(adminMay && viewer.isAdmin)) throw new ForbiddenError('Only the author may change this review');
  return row;
}

export async function updateReview(deps: Deps, viewer: Viewer, id: string, body: UpdateReviewBody) {
  const row = await changeable(deps, viewer, id, false);
  await deps.repos.reviews.update(id, body);
  deps.publicChanged();
  const updated = (await deps.repos.reviews.findById(id))!;
  const media = await summaries(deps, [row as { mediaType: MediaType; mediaId: string }]);
  return toReviewView(updated, media.get(refKey(row)));
}

export async function deleteReview(deps: Deps, viewer: Viewer, id: string) {
  const row = await changeable(deps, viewer, id, true);
  if (row.userId === viewer.userId) await deps.repos.reviews.delete(id);
  else {
    // An admin deleting someone else's review: audited in the same transaction, as in /api/admin.
    await deps.transaction(async (repos) => {
      await repos.reviews.delete(id);
      await repos.audit.record({
        actorId: viewer.userId,
        action: 'review.delete',
        targetType: 'review',
        targetId: id,
        details: { authorId: row.userId, mediaType: row.mediaType, mediaId: row.mediaId },
      });
    });
  }
  deps.publicChanged();
}

/** Records the report and flags the review for moderators, in one transaction. */
export async function reportReview(deps: Deps, viewer: Viewer, id: string, reason: string) {
  await deps.transaction(async (repos) => {
    const row = await repos.reviews.findById(id);
    if (!row || !SHOWN_STATUSES.includes(row.status)) throw new NotFoundError('Review');
    if (row.userId === viewer.userId) throw new ForbiddenError('You cannot report your own review');
    if (!(await repos.reviews.insertReport(id, viewer.userId, reason)))
      throw new ConflictError('You have already reported this review');
    await repos.reviews.markReported(id);
  });
  return { reviewId: id, status: 'received' as const };
}
