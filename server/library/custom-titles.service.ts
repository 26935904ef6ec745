import { toPage, type PageQuery } from '#shared/contracts/common';
import type { CustomTitleBody, CustomTitleQuery, CustomTitleView } from '#shared/contracts/library';
import { ForbiddenError, NotFoundError, UnauthorizedError } from '../http/errors.ts';
import type { Viewer } from '../http/viewer.ts';
import type { CustomTitleRow } from './custom-titles.repository.ts';
import type { LibraryDeps } from './library.deps.ts';
import { iso } from './media-ref.ts';
import { customItem } from './media.service.ts';

type Deps = Pick<LibraryDeps, 'repos' | 'transaction' | 'publicChanged' | 'customTitleChanged'>;

/** The API's view of a custom title (its image state shows as posterUrl). */
export const toView = (row: CustomTitleRow): CustomTitleView => ({
  id: row.id,
  title: row.title,
  year: row.year,
  imageUrl: row.imageUrl,
  posterUrl: customItem(row).posterUrl,
  ownerId: row.ownerId,
  createdAt: iso(row.createdAt),
  updatedAt: iso(row.updatedAt),
});

const values = (body: CustomTitleBody) => ({
  title: body.title,
  year: body.year ?? null,
  imageUrl: body.imageUrl ?? null,
});

/** Public list, newest first; `owner=me` is the viewer's own (and needs sign-in). */
export async function listCustomTitles(deps: Deps, viewer: Viewer | null, q: CustomTitleQuery) {
  let ownerId: string | undefined;
  if (q.owner === 'me') {
    if (!viewer) throw new UnauthorizedError();
    ownerId = viewer.userId;
  } else {
    ownerId = q.owner;
  }
  const { rows, total } = await deps.repos.customTitles.list({ ownerId }, q);
  return toPage(rows.map(toView), q, total);
}

export async function getCustomTitle(deps: Deps, id: string) {
  const row = await deps.repos.customTitles.findById(id);
  if (!row) throw new NotFoundError('Custom title');
  return toView(row);
}

export async function createCustomTitle(deps: Deps, viewer: Viewer, body: CustomTitleBody) {
  const row = await deps.repos.customTitles.insert(viewer.userId, values(body));
  deps.publicChanged();
  if (row.imageUrl) deps.customTitleChanged(row.id);
  return toView(row);
}

/** Custom titles are visible to everyone: changing someone else's is a 403, not a 404. */
async function changeable(deps: Deps, viewer: Viewer, id: string) {
  const row = await deps.repos.customTitles.findById(id);
  if (!row) throw new NotFoundError('Custom title');
  if (row.ownerId !== viewer.userId && !viewer.isAdmin)
    throw new ForbiddenError('Only the owner or an admin may change this title');
  return row;
}

/** PUT replaces: a field left out is cleared, as with POST. */
export async function updateCustomTitle(deps: Deps, viewer: Viewer, id: string, body: CustomTitleBody) {
  const before = await changeable(deps, viewer, id);
  const row = await deps.transaction(async (repos) => {
    const updated = await repos.customTitles.update(id, values(body));
    if (!updated) throw new NotFoundError('Custom title');
    if (before.ownerId !== viewer.userId) {
      // An admin changing someone else's title: audited with the old values, as in /api/admin.
      await repos.audit.record({
        actorId: viewer.userId,
        action: 'custom_title.update',
        targetType: 'custom_title',
        targetId: id,
        details: {
          ownerId: before.ownerId,
          before: { title: before.title, year: before.year, imageUrl: before.imageUrl },
        },
      });
    }
    return updated;
  });
  deps.publicChanged();
  // A new URL is fetched, a cleared one's image dropped; the same URL is only fetched again if it
  // never gave an image.
  if (!row.imageReady && (row.imageUrl || before.imageUrl)) deps.customTitleChanged(id);
  return toView(row);
}

/** The title and every favorite, watchlist entry and review of it go together, in one transaction. */
export async function deleteCustomTitle(deps: Deps, viewer: Viewer, id: string) {
  const row = await changeable(deps, viewer, id);
  await deps.transaction(async (repos) => {
    if (!(await repos.customTitles.deleteWithReferences(id))) throw new NotFoundError('Custom title');
    if (row.ownerId !== viewer.userId) {
      await repos.audit.record({
        actorId: viewer.userId,
        action: 'custom_title.delete',
        targetType: 'custom_title',
        targetId: id,
        details: { title: row.title, ownerId: row.ownerId },
      });
    }
  });
  deps.publicChanged();
  deps.customTitleChanged(id);
}

/**
 * Custom titles as catalog items for /api/search (the catalog's `searchCustom`): substring or
 * trigram match on the title, filtered by year when the query ended in one.
 */
export async function searchCustom(deps: Pick<LibraryDeps, 'repos'>, s: { text: string; year?: number }, q: PageQuery) {
  const { rows, total } = await deps.repos.customTitles.search(s.text, s.year, q);
  return toPage(rows.map(customItem), q, total);
}
