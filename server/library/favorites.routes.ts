import { Router } from 'express';
import { UuidParams } from '#shared/contracts/common';
import { FavoritePage, FavoriteQuery, FavoriteView, LibraryState, MediaRef } from '#shared/contracts/library';
import type { ApiDocs } from '../http/openapi.ts';
import { send } from '../http/send.ts';
import { validate } from '../http/validate.ts';
import { requireUser, viewerOf } from '../http/viewer.ts';
import { addFavorite, libraryState, listFavorites, removeFavorite } from './favorites.service.ts';
import type { LibraryDeps } from './library.deps.ts';

/** /api/favorites and /api/library/state. */
export function favoritesRoutes(deps: LibraryDeps, docs: ApiDocs): Router {
  const router = Router();
  const tag = 'favorites';
  docs.add({
    method: 'get',
    path: '/api/favorites',
    summary: "The viewer's favorites, newest first, with catalog summaries",
    tag,
    guard: 'user',
    query: FavoriteQuery,
    responses: { 200: FavoritePage },
  });
  docs.add({
    method: 'post',
    path: '/api/favorites',
    summary: 'Favorite a title (201; already a favorite: 200 with it)',
    tag,
    guard: 'user',
    body: MediaRef,
    responses: { 201: FavoriteView, 200: FavoriteView },
  });
  docs.add({
    method: 'delete',
    path: '/api/favorites/:id',
    summary: 'Remove a favorite (not yours: 404)',
    tag,
    guard: 'user',
    params: UuidParams,
    responses: { 204: null },
  });
  docs.add({
    method: 'get',
    path: '/api/library/state',
    summary: 'Who is signed in and which titles they favorited (anonymous: viewer null, no favorites)',
    tag: 'library',
    guard: 'public',
    responses: { 200: LibraryState },
  });

  router.get('/favorites', requireUser, async (req, res) => {
    send(res, 200, FavoritePage, await listFavorites(deps, viewerOf(req), validate(FavoriteQuery, req.query)));
  });
  router.post('/favorites', requireUser, async (req, res) => {
    const { favorite, created } = await addFavorite(deps, viewerOf(req), validate(MediaRef, req.body));
    send(res, created ? 201 : 200, FavoriteView, favorite); // idempotent, per API.md
  });
  router.delete('/favorites/:id', requireUser, async (req, res) => {
    await removeFavorite(deps, viewerOf(req), validate(UuidParams, req.params).id);
    res.status(204).end();
  });
  // Public: every page's hearts ask it, signed in or not, and anonymous is an answer, not an error.
  router.get('/library/state', async (req, res) => {
    send(res, 200, LibraryState, await libraryState(deps, req.viewer ?? null));
  });
  return router;
}
