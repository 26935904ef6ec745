import { Router } from 'express';
import { UuidParams } from '#shared/contracts/common';
import {
  AddWatchlistItemBody,
  UpdateWatchlistItemBody,
  WatchlistItemParams,
  WatchlistItemView,
} from '#shared/contracts/library';
import type { ApiDocs, RouteDoc } from '../http/openapi.ts';
import { send } from '../http/send.ts';
import { validate } from '../http/validate.ts';
import { requireUser, viewerOf } from '../http/viewer.ts';
import type { LibraryDeps } from './library.deps.ts';
import { addItem, removeItem, updateItem } from './watchlist-items.service.ts';

/** /api/watchlists/:id/items — owner only; the item must belong to that list. */
export function watchlistItemsRoutes(deps: LibraryDeps, docs: ApiDocs): Router {
  const router = Router();
  const doc = (d: Omit<RouteDoc, 'tag' | 'guard'>) => docs.add({ ...d, tag: 'watchlists', guard: 'user' });
  doc({
    method: 'post',
    path: '/api/watchlists/:id/items',
    summary: 'Add a title (same title twice: 409; at most 1000 per list)',
    params: UuidParams,
    body: AddWatchlistItemBody,
    responses: { 201: WatchlistItemView },
  });
  doc({
    method: 'patch',
    path: '/api/watchlists/:id/items/:itemId',
    summary: 'Edit notes and/or move to a 1-based position (past the end: last); the others are renumbered',
    params: WatchlistItemParams,
    body: UpdateWatchlistItemBody,
    responses: { 200: WatchlistItemView },
  });
  doc({
    method: 'delete',
    path: '/api/watchlists/:id/items/:itemId',
    summary: 'Remove a title; the items after it move up',
    params: WatchlistItemParams,
    responses: { 204: null },
  });

  router.post('/watchlists/:id/items', requireUser, async (req, res) => {
    const { id } = validate(UuidParams, req.params);
    send(res, 201, WatchlistItemView, await addItem(deps, viewerOf(req), id, validate(AddWatchlistItemBody, req.body)));
  });
  router.patch('/watchlists/:id/items/:itemId', requireUser, async (req, res) => {
    const p = validate(WatchlistItemParams, req.params);
    const body = validate(UpdateWatchlistItemBody, req.body);
    send(res, 200, WatchlistItemView, await updateItem(deps, viewerOf(req), p.id, p.itemId, body));
  });
  router.delete('/watchlists/:id/items/:itemId', requireUser, async (req, res) => {
    const p = validate(WatchlistItemParams, req.params);
    await removeItem(deps, viewerOf(req), p.id, p.itemId);
    res.status(204).end();
  });
  return router;
}
