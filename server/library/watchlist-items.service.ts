import type { MediaType } from '#shared/contracts/common';
import {
  WATCHLIST_MAX_ITEMS,
  type AddWatchlistItemBody,
  type UpdateWatchlistItemBody,
  type WatchlistItemView,
} from '#shared/contracts/library';
import { ConflictError, NotFoundError } from '../http/errors.ts';
import type { Viewer } from '../http/viewer.ts';
import type { LibraryDeps } from './library.deps.ts';
import { apiMediaId, iso, toStoredRef } from './media-ref.ts';
import { requireTitle, summaries } from './media.service.ts';
import type { WatchlistItemRow } from './watchlist-items.repository.ts';
import { ownedList } from './watchlists.service.ts';

type Deps = Pick<LibraryDeps, 'repos' | 'catalog' | 'transaction' | 'publicChanged'>;

const toItemView = (row: WatchlistItemRow, media: WatchlistItemView['media']): WatchlistItemView => ({
  id: row.id,
  watchlistId: row.watchlistId,
  mediaType: row.mediaType as MediaType,
  mediaId: apiMediaId(row),
  notes: row.notes,
  position: row.position,
  addedAt: iso(row.addedAt),
  media,
});

export async function addItem(deps: Deps, viewer: Viewer, watchlistId: string, body: AddWatchlistItemBody) {
  // Ownership first (cheap, and a stranger learns nothing about titles); the title check may call
  // TMDB, so it runs before the transaction rather than while holding the list's lock.
  await ownedList(deps.repos, viewer, watchlistId);
  const ref = toStoredRef(body);
  const media = await requireTitle(deps, ref);
  const { row, isPublic } = await deps.transaction(async (repos) => {
    const list = await ownedList(repos, viewer, watchlistId, { lock: true });
    const { count, maxPosition } = await repos.items.stats(watchlistId);
    if (count >= WATCHLIST_MAX_ITEMS)
      throw new ConflictError(`A watchlist holds at most ${WATCHLIST_MAX_ITEMS} titles`);
    const inserted = await repos.items.insert(watchlistId, ref, body.notes ?? null, maxPosition + 1);
    if (!inserted) throw new ConflictError('This title is already on the watchlist');
    await repos.watchlists.touch(watchlistId);
    return { row: inserted, isPublic: list.isPublic };
  });
  if (isPublic) deps.publicChanged();
  return toItemView(row, media);
}

/** Notes and/or position; a move renumbers the items in between, all in one transaction. */
export async function updateItem(
  deps: Deps,
  viewer: Viewer,
  watchlistId: string,
  itemId: string,
  body: UpdateWatchlistItemBody,
) {
  const { row, isPublic } = await deps.transaction(async (repos) => {
    const list = await ownedList(repos, viewer, watchlistId, { lock: true });
    const item = await repos.items.find(watchlistId, itemId); // the item must be on THIS list
    if (!item) throw new NotFoundError('Watchlist item');
    if (body.notes !== undefined) await repos.items.setNotes(itemId, body.notes);
    if (body.position !== undefined) {
      const { count } = await repos.items.stats(watchlistId);
      await repos.items.move(watchlistId, itemId, item.position, Math.min(body.position, count));
    }
    await repos.watchlists.touch(watchlistId);
    return { row: (await repos.items.find(watchlistId, itemId))!, isPublic: list.isPublic };
  });
  if (isPublic) deps.publicChanged();
  const media = await summaries(deps, [row as { mediaType: MediaType; mediaId: string }]);
  return toItemView(row, media.values().next().value ?? null);
}

export async function removeItem(deps: Deps, viewer: Viewer, watchlistId: string, itemId: string) {
  const isPublic = await deps.transaction(async (repos) => {
    const list = await ownedList(repos, viewer, watchlistId, { lock: true });
    const item = await repos.items.find(watchlistId, itemId);
    if (!item) throw new NotFoundError('Watchlist item');
    await repos.items.remove(watchlistId, item);
    await repos.watchlists.touch(watchlistId);
    return list.isPublic;
  });
  if (isPublic) deps.publicChanged();
}
