import type {
  AdminCustomTitle,
  AdminCustomTitleBody,
  AdminCustomTitleQuery,
  AdminReview,
  AdminReviewQuery,
  ModerateReviewBody,
} from '#shared/contracts/admin';
import { toPage } from '#shared/contracts/common';
import { NotFoundError } from '../http/errors.ts';
import type { Viewer } from '../http/viewer.ts';
import type { EventBus } from '../realtime/event-bus.ts';
import { assertAdmin, iso } from './admin-guard.ts';
import type { AdminStore } from './admin.repository.ts';

type Deps = {
  store: AdminStore;
  events: EventBus;
  /** The library's hook: a custom title changed or went, so its stored image may need work. */
  customTitleChanged(id: string): void;
};

type ReviewRow = NonNullable<Awaited<ReturnType<AdminStore['content']['findReview']>>>;
type TitleRow = NonNullable<Awaited<ReturnType<AdminStore['content']['findCustomTitle']>>>;

const toAdminReview = (r: ReviewRow): AdminReview => ({
  ...r,
  status: r.status as AdminReview['status'],
  createdAt: iso(r.createdAt),
  updatedAt: iso(r.updatedAt),
});
const toAdminCustomTitle = (r: TitleRow): AdminCustomTitle => ({
  ...r,
  createdAt: iso(r.createdAt),
  updatedAt: iso(r.updatedAt),
});

/** Pages showing the title refresh (their reviews changed); TMDB ids travel as numbers. */
function titleChanged(deps: Deps, mediaType: string, mediaId: string, status: string) {
  const id = mediaType === 'custom' ? mediaId : Number(mediaId);
  void deps.events.publish({ type: 'CACHE_UPDATE', payload: { mediaType, mediaId: id, status } });
}

export async function listReviews(deps: Deps, viewer: Viewer | null, q: AdminReviewQuery) {
  assertAdmin(viewer);
  const { rows, total } = await deps.store.content.listReviews(q);
  return toPage(rows.map(toAdminReview), q, total);
}

/** Hide a review (it leaves every public list) or restore it; audited in the same transaction. */
export async function moderateReview(
  deps: Deps,
  viewer: Viewer | null,
  id: string,
  body: ModerateReviewBody,
): Promise<AdminReview> {
  const actor = assertAdmin(viewer);
  const review = await deps.store.transaction(async (r) => {
    const before = await r.content.findReview(id);
    if (!before) throw new NotFoundError('Review');
    await r.content.setReviewStatus(id, body.status);
    await r.audit.record({
      actorId: actor.userId,
      action: body.status === 'hidden' ? 'review.hide' : 'review.restore',
      targetType: 'review',
      targetId: id,
      details: {
        from: before.status,
        to: body.status,
        author: before.username,
        mediaType: before.mediaType,
        mediaId: before.mediaId,
      },
    });
    return (await r.content.findReview(id))!;
  });
  titleChanged(deps, review.mediaType, review.mediaId, 'reviews');
  return toAdminReview(review);
}

export async function deleteReview(deps: Deps, viewer: Viewer | null, id: string): Promise<void> {
  const actor = assertAdmin(viewer);
  const gone = await deps.store.transaction(async (r) => {
    const row = await r.content.deleteReview(id);
    if (!row) throw new NotFoundError('Review');
    await r.audit.record({
      actorId: actor.userId,
      action: 'review.delete',
      targetType: 'review',
      targetId: id,
      details: { authorId: row.userId, mediaType: row.mediaType, mediaId: row.mediaId },
    });
    return row;
  });
  titleChanged(deps, gone.mediaType, gone.mediaId, 'reviews');
}

export async function listCustomTitles(deps: Deps, viewer: Viewer | null, q: AdminCustomTitleQuery) {
  assertAdmin(viewer);
  const { rows, total } = await deps.store.content.listCustomTitles(q);
  return toPage(rows.map(toAdminCustomTitle), q, total);
}

export async function updateCustomTitle(
  deps: Deps,
  viewer: Viewer | null,
  id: string,
  body: AdminCustomTitleBody,
): Promise<AdminCustomTitle> {
  const actor = assertAdmin(viewer);
  const row = await deps.store.transaction(async (r) => {
    const before = await r.content.findCustomTitle(id);
    if (!before) throw new NotFoundError('Custom title');
    await r.content.updateCustomTitle(id, {
      title: body.title,
      year: body.year ?? null,
      imageUrl: body.imageUrl ?? null,
    });
    await r.audit.record({
      actorId: actor.userId,
      action: 'custom_title.update',
      targetType: 'custom_title',
      targetId: id,
      details: {
        owner: before.ownerUsername,
        before: { title: before.title, year: before.year, imageUrl: before.imageUrl },
      },
    });
    return (await r.content.findCustomTitle(id))!;
  });
  titleChanged(deps, 'custom', id, 'updated');
  deps.customTitleChanged(id);
  return toAdminCustomTitle(row);
}

/** Deletes the title and what points at it (favorites, watchlist items, reviews), audited together. */
export async function deleteCustomTitle(deps: Deps, viewer: Viewer | null, id: string): Promise<void> {
  const actor = assertAdmin(viewer);
  await deps.store.transaction(async (r) => {
    const row = await r.content.deleteCustomTitle(id);
    if (!row) throw new NotFoundError('Custom title');
    await r.audit.record({
      actorId: actor.userId,
      action: 'custom_title.delete',
      targetType: 'custom_title',
      targetId: id,
      details: { title: row.title, ownerId: row.ownerId },
    });
  });
  titleChanged(deps, 'custom', id, 'deleted');
  deps.customTitleChanged(id);
}
