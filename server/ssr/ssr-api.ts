import type { Api, Query } from '#shared/api';
import { DiscoverQuery, GenreQuery, ListQuery, SearchQuery, TrendingQuery } from '#shared/contracts/catalog';
import { AppError } from '../http/errors.ts';
import { ERROR_STATUS } from '#shared/contracts/errors';
import { ApiError } from '#shared/api';
import { search } from '../catalog/catalog-search.service.ts';
import * as catalog from '../catalog/catalog.service.ts';
import type { CatalogRouteDeps } from '../catalog/catalog.routes.ts';
import { validate } from '../http/validate.ts';
import type { LibraryDeps } from '../library/library.deps.ts';
import { createSsrLibraryApi } from '../library/library.ssr-api.ts';
import type { Viewer } from '../http/viewer.ts';
import type { AdminDeps } from '../admin/admin-deps.ts';
import { createSsrAuthApi } from '../auth/auth.ssr-api.ts';
import type { UserView } from '#shared/contracts/auth';
import { createSsrAdminApi } from '../admin/admin.ssr-api.ts';
import type { ListCategory } from '../catalog/tmdb-client.ts';

const LISTS: Record<string, ListCategory> = {
  popular: 'popular',
  'top-rated': 'top_rated',
  upcoming: 'upcoming',
  'now-playing': 'now_playing',
  'on-the-air': 'on_the_air',
};

/** Turns our typed errors into what the browser's client would have seen, so pages behave alike. */
export async function asClient<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof AppError) throw new ApiError(ERROR_STATUS[err.code], err.code, err.message, err.details);
    throw err;
  }
}

/**
 * The Api of shared/api.ts calling the services in-process, for server rendering, as the
 * request's viewer (null when anonymous): made per request, it answers what the browser would get.
 */
export function createSsrApi(
  deps: CatalogRouteDeps,
  viewer: Viewer | null,
  library: LibraryDeps,
  admin: AdminDeps,
  /** The viewer's user, loaded once per request (also rendered into the header). */
  viewerUser: UserView | null = null,
): Api {
  return {
    auth: createSsrAuthApi(viewerUser, asClient),
    library: createSsrLibraryApi(library, viewer, asClient),
    admin: createSsrAdminApi(admin, viewer, asClient),
    catalog: {
      list: (kind, list, query: Query = {}) =>
        asClient(async () => {
          if (list === 'trending') {
            const q = validate(TrendingQuery, query);
            return catalog.trending(deps, kind, q.window, q);
          }
          const category = LISTS[list];
          if (!category) throw new ApiError(404, 'NOT_FOUND', 'List not found');
          return catalog.list(deps, kind, category, validate(ListQuery, query));
        }),
      discover: (kind, query) => asClient(() => catalog.discover(deps, kind, validate(DiscoverQuery, query))),
      movie: (id) => asClient(() => catalog.movieDetail(deps, id)),
      tv: (id) => asClient(() => catalog.tvDetail(deps, id)),
      season: (tvId, n) => asClient(() => catalog.season(deps, tvId, n)),
      person: (id) => asClient(() => catalog.person(deps, id)),
      search: (query) => asClient(() => search(deps, validate(SearchQuery, query))),
      genres: (kind) => asClient(() => catalog.genres(deps, validate(GenreQuery, { type: kind }).type)),
    },
  };
}
