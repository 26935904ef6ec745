import { Router } from 'express';
import { UuidParams } from '#shared/contracts/common';
import {
  CreateWatchlistBody,
  UpdateWatchlistBody,
  WatchlistDetail,
  WatchlistPage,
  WatchlistQuery,
  WatchlistSummary,
} from '#shared/contracts/library';
import type { ApiDocs, RouteDoc } from '../http/openapi.ts';
import { send } from '../http/send.ts';
import { validate } from '../http/validate.ts';
import { requireUser, viewerOf } from '../http/viewer.ts';
import type { LibraryDeps } from './library.deps.ts';
import {
  createWatchlist,
  deleteWatchlist,
  getWatchlist,
  listWatchlists,
  updateWatchlist,
} from './watchlists.service.ts';

/** /api/watchlists: the viewer's lists; a public list is readable by anyone, signed in or not. */
export function watchlistsRoutes(deps: LibraryDeps, docs: ApiDocs): Router {
  const router = Router();
  const doc = (d: Omit<RouteDoc, 'tag'>) => docs.add({ ...d, tag: 'watchlists' });
  doc({
    method: 'get',
    path: '/api/watchlists',
    summary: "The viewer's watchlists with item counts, newest first",
    guard: 'user',
    query: WatchlistQuery,
    responses: { 200: WatchlistPage },
  });
  doc({
    method: 'post',
    path: '/api/watchlists',
    summary: 'Create a watchlist',
    guard: 'user',
    body: CreateWatchlistBody,
    responses: { 201: WatchlistSummary },
  });
  doc({
    method: 'get',
    path: '/api/watchlists/:id',
    summary: 'A watchlist with its items in order (owner, or anyone if public; else 404)',
    guard: 'public',
    params: UuidParams,
    responses: { 200: WatchlistDetail },
  });
  doc({
    method: 'put',
    path: '/api/watchlists/:id',
    summary: 'Rename, describe, make public or private (owner only: 403 if public, else 404)',
    guard: 'user',
    params: UuidParams,
    body: UpdateWatchlistBody,
    responses: { 200: WatchlistSummary },
  });
  doc({
    method: 'delete',
    path: '/api/watchlists/:id',
    summary: 'Delete a watchlist and its items (one transaction)',
    guard: 'user',
    params: UuidParams,
    responses: { 204: null },
  });

  router.get('/watchlists', requireUser, async (req, res) => {
    send(res, 200, WatchlistPage, await listWatchlists(deps, viewerOf(req), validate(WatchlistQuery, req.query)));
  });
  router.post('/watchlists', requireUser, async (req, res) => {
    send(
      res,
      201,
      WatchlistSummary,
      await createWatchlist(deps, viewerOf(req), validate(CreateWatchlistBody, req.body)),
    );
  });
  // Public: the share page of a public list works signed out; private lists are 404 to others.
  router.get('/watchlists/:id', async (req, res) => {
    send(res, 200, WatchlistDetail, await getWatchlist(deps, req.viewer ?? null, validate(UuidParams, req.params).id));
  });
  router.put('/watchlists/:id', requireUser, async (req, res) => {
    const { id } = validate(UuidParams, req.params);
    send(
      res,
      200,
      WatchlistSummary,
      await updateWatchlist(deps, viewerOf(req), id, validate(UpdateWatchlistBody, req.body)),
    );
  });
  router.delete('/watchlists/:id', requireUser, async (req, res) => {
    await deleteWatchlist(deps, viewerOf(req), validate(UuidParams, req.params).id);
    res.status(204).end();
  });
  return router;
}
