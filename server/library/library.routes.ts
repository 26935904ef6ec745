import { Router } from 'express';
import type { ApiDocs } from '../http/openapi.ts';
import { customTitlesRoutes } from './custom-titles.routes.ts';
import { favoritesRoutes } from './favorites.routes.ts';
import { importExportRoutes } from './import-export.routes.ts';
import type { LibraryDeps } from './library.deps.ts';
import { profilesRoutes } from './profiles.routes.ts';
import { reviewsRoutes } from './reviews.routes.ts';
import { watchlistItemsRoutes } from './watchlist-items.routes.ts';
import { watchlistsRoutes } from './watchlists.routes.ts';

/** Every library route, mounted under /api by app.ts; each router states its own guards. */
export function libraryRoutes(deps: LibraryDeps, docs: ApiDocs): Router {
  const router = Router();
  router.use(favoritesRoutes(deps, docs));
  router.use(watchlistsRoutes(deps, docs));
  router.use(watchlistItemsRoutes(deps, docs));
  router.use(importExportRoutes(deps, docs));
  router.use(reviewsRoutes(deps, docs));
  router.use(customTitlesRoutes(deps, docs));
  router.use(profilesRoutes(deps, docs));
  return router;
}
