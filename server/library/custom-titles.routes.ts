import { Router } from 'express';
import { UuidParams } from '#shared/contracts/common';
import { CustomTitleBody, CustomTitlePage, CustomTitleQuery, CustomTitleView } from '#shared/contracts/library';
import type { ApiDocs, RouteDoc } from '../http/openapi.ts';
import { send } from '../http/send.ts';
import { validate } from '../http/validate.ts';
import { requireUser, viewerOf } from '../http/viewer.ts';
import {
  createCustomTitle,
  deleteCustomTitle,
  getCustomTitle,
  listCustomTitles,
  updateCustomTitle,
} from './custom-titles.service.ts';
import type { LibraryDeps } from './library.deps.ts';

/** /api/custom-titles: visible to everyone; only the owner or an admin may change one. */
export function customTitlesRoutes(deps: LibraryDeps, docs: ApiDocs): Router {
  const router = Router();
  const doc = (d: Omit<RouteDoc, 'tag'>) => docs.add({ ...d, tag: 'custom-titles' });
  doc({
    method: 'get',
    path: '/api/custom-titles',
    summary: 'Custom titles, newest first (owner=me needs sign-in)',
    guard: 'public',
    query: CustomTitleQuery,
    responses: { 200: CustomTitlePage },
  });
  doc({
    method: 'post',
    path: '/api/custom-titles',
    summary: 'Add a title the catalog lacks (imageUrl: public https only)',
    guard: 'user',
    body: CustomTitleBody,
    responses: { 201: CustomTitleView },
  });
  doc({
    method: 'get',
    path: '/api/custom-titles/:id',
    summary: 'One custom title',
    guard: 'public',
    params: UuidParams,
    responses: { 200: CustomTitleView },
  });
  doc({
    method: 'put',
    path: '/api/custom-titles/:id',
    summary: 'Replace a custom title (owner or admin; else 403)',
    guard: 'user',
    params: UuidParams,
    body: CustomTitleBody,
    responses: { 200: CustomTitleView },
  });
  doc({
    method: 'delete',
    path: '/api/custom-titles/:id',
    summary: 'Delete a custom title with its favorites, list entries and reviews (owner or admin; else 403)',
    guard: 'user',
    params: UuidParams,
    responses: { 204: null },
  });

  router.get('/custom-titles', async (req, res) => {
    send(
      res,
      200,
      CustomTitlePage,
      await listCustomTitles(deps, req.viewer ?? null, validate(CustomTitleQuery, req.query)),
    );
  });
  router.post('/custom-titles', requireUser, async (req, res) => {
    send(res, 201, CustomTitleView, await createCustomTitle(deps, viewerOf(req), validate(CustomTitleBody, req.body)));
  });
  router.get('/custom-titles/:id', async (req, res) => {
    send(res, 200, CustomTitleView, await getCustomTitle(deps, validate(UuidParams, req.params).id));
  });
  router.put('/custom-titles/:id', requireUser, async (req, res) => {
    const { id } = validate(UuidParams, req.params);
    send(
      res,
      200,
      CustomTitleView,
      await updateCustomTitle(deps, viewerOf(req), id, validate(CustomTitleBody, req.body)),
    );
  });
  router.delete('/custom-titles/:id', requireUser, async (req, res) => {
    await deleteCustomTitle(deps, viewerOf(req), validate(UuidParams, req.params).id);
    res.status(204).end();
  });
  return router;
}
