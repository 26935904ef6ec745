import { toPage, type PageQuery } from '#shared/contracts/common';
import type { MediaType } from '#shared/contracts/common';
import type {
  CreateWatchlistBody,
  UpdateWatchlistBody,
  WatchlistDetail,
  WatchlistSummary,
} from '#shared/contracts/library';
import { ForbiddenError, NotFoundError } from '../http/errors.ts';
import type { Viewer } from '../http/viewer.ts';
import type { LibraryDeps, LibraryRepos } from './library.deps.ts';
import { apiMediaId, iso, refKey } from './media-ref.ts';
import { summaries } from './media.service.ts';
import type { WatchlistRow, WatchlistSummaryRow } from './watchlists.repository.ts';

type Deps = Pick<LibraryDeps, 'repos' | 'catalog' | 'transaction' | 'publicChanged'>;

export const toSummary = (row: WatchlistRow & { itemCount?: number }): WatchlistSummary => ({
  id: row.id,
  name: row.name,
  description: row.description,
  isPublic: row.isPublic,
  ownerId: row.ownerId,
  itemCount: row.itemCount ?? 0,
  createdAt: iso(row.createdAt),
  updatedAt: iso(row.updatedAt),
});

/**
 * The list, if the viewer owns it. Someone else's private list does not exist for them (404); a
 * public one exists but is not theirs to change (403). With `lock`, the list's row stays locked
 * until the transaction ends, so item writes to one list never interleave.
 */
export async function ownedList(repos: LibraryRepos, viewer: Viewer, id: string, opts: { lock?: boolean } = {}) {
  const row = opts.lock ? await repos.watchlists.lock(id) : await repos.watchlists.findById(id);
  if (!row || (row.ownerId !== viewer.userId && !row.isPublic)) throw new NotFoundError('Watchlist');
  if (row.ownerId !== viewer.userId) throw new ForbiddenError('Only the owner may change this watchlist');
  return row;
}

export async function createWatchlist(deps: Deps, viewer: Viewer, body: CreateWatchlistBody) {
  const row = await deps.repos.watchlists.insert(viewer.userId, {
    name: body.name,
    description: body.description ?? null,
    isPublic: body.isPublic,
  });
  if (row.isPublic) deps.publicChanged();
  return toSummary(row);
}

export async function listWatchlists(deps: Deps, viewer: Viewer, q: PageQuery) {
  const { rows, total } = await deps.repos.watchlists.listByOwner(viewer.userId, q);
  return toPage(rows.map(toSummary), q, total);
}

/** The owner's list, or anyone's public list (no sign-in needed), with its items in order. */
export async function getWatchlist(deps: Deps, viewer: Viewer | null, id: string): Promise<WatchlistDetail> {
  const row = await deps.repos.watchlists.findWithOwner(id);
  const isOwner = row !== null && viewer !== null && row.ownerId === viewer.userId;
  if (!row || (!isOwner && !row.isPublic)) throw new NotFoundError('Watchlist');
  const items = await deps.repos.items.listByWatchlist(id);
  const media = await summaries(deps, items as { mediaType: MediaType; mediaId: string }[]);
  return {
    ...toSummary(row as WatchlistSummaryRow),
    owner: { id: row.ownerId, username: row.ownerUsername, displayName: row.ownerDisplayName },
    canEdit: isOwner,
    items: items.map((i) => ({
      id: i.id,
      watchlistId: i.watchlistId,
      mediaType: i.mediaType as MediaType,
      mediaId: apiMediaId(i),
      notes: i.notes,
      position: i.position,
      addedAt: iso(i.addedAt),
      media: media.get(refKey(i)) ?? null,
    })),
  };
}

export async function updateWatchlist(deps: Deps, viewer: Viewer, id: string, body: UpdateWatchlistBody) {
  const before = await ownedList(deps.repos, viewer, id);
  const row = await deps.repos.watchlists.update(id, body);
  if (!row) throw new NotFoundError('Watchlist');
  if (before.isPublic || row.isPublic) deps.publicChanged();
  const { count } = await deps.repos.items.stats(id);
  return toSummary({ ...row, itemCount: count });
}

export async function deleteWatchlist(deps: Deps, viewer: Viewer, id: string) {
  // The ownership check and the delete share one transaction and the row lock; the items go with
  // the list in the same transaction (foreign key cascade).
  const wasPublic = await deps.transaction(async (repos) => {
    const row = await ownedList(repos, viewer, id, { lock: true });
    await repos.watchlists.delete(id);
    return row.isPublic;
  });
  if (wasPublic) deps.publicChanged();
}
