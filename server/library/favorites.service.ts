import { toPage } from '#shared/contracts/common';
import type { CatalogItem } from '#shared/contracts/catalog';
import type { FavoriteQuery, FavoriteView, LibraryState, MediaRef } from '#shared/contracts/library';
import type { MediaType } from '#shared/contracts/common';
import { NotFoundError } from '../http/errors.ts';
import type { Viewer } from '../http/viewer.ts';
import type { FavoriteRow } from './favorites.repository.ts';
import type { LibraryDeps } from './library.deps.ts';
import { apiMediaId, iso, refKey, toStoredRef } from './media-ref.ts';
import { requireTitle, summaries } from './media.service.ts';

type Deps = Pick<LibraryDeps, 'repos' | 'catalog'>;

/** Hearts need every favorite of the viewer; far more than anyone keeps, but bounded. */
const MAX_KEYS = 5000;

const toView = (row: FavoriteRow, media: CatalogItem | null | undefined): FavoriteView => ({
  id: row.id,
  mediaType: row.mediaType as MediaType,
  mediaId: apiMediaId(row),
  createdAt: iso(row.createdAt),
  media: media ?? null,
});

export async function addFavorite(deps: Deps, viewer: Viewer, ref: MediaRef) {
  const stored = toStoredRef(ref);
  const media = await requireTitle(deps, stored); // unknown title: 404
  const { row, created } = await deps.repos.favorites.insertOrGet(viewer.userId, stored);
  return { favorite: toView(row, media), created };
}

export async function listFavorites(deps: Deps, viewer: Viewer, q: FavoriteQuery) {
  const { rows, total } = await deps.repos.favorites.listByUser(viewer.userId, q);
  const media = await summaries(deps, rows as { mediaType: MediaType; mediaId: string }[]); // one batch per page
  return toPage(
    rows.map((r) => toView(r, media.get(refKey(r)))),
    q,
    total,
  );
}

export async function removeFavorite(deps: Deps, viewer: Viewer, id: string) {
  // By id AND owner: someone else's favorite looks like none at all.
  if (!(await deps.repos.favorites.deleteOwned(id, viewer.userId))) throw new NotFoundError('Favorite');
}

/** Who is signed in and what they favorited; anonymous visitors get an empty state, not a 401. */
export async function libraryState(deps: Deps, viewer: Viewer | null): Promise<LibraryState> {
  if (!viewer) return { viewer: null, favorites: [] };
  const [user, rows] = await Promise.all([
    deps.repos.profiles.findById(viewer.userId),
    deps.repos.favorites.allByUser(viewer.userId, MAX_KEYS),
  ]);
  if (!user) return { viewer: null, favorites: [] };
  return {
    viewer: { id: user.id, username: user.username, displayName: user.displayName, isAdmin: user.isAdmin },
    favorites: rows.map((r) => ({ id: r.id, mediaType: r.mediaType as MediaType, mediaId: apiMediaId(r) })),
  };
}
