import { Router } from 'express';
import {
  AdminAccess,
  AdminCustomTitle,
  AdminCustomTitleBody,
  AdminCustomTitlePage,
  AdminCustomTitleQuery,
  AdminReview,
  AdminReviewPage,
  AdminReviewQuery,
  AdminStats,
  AdminUser,
  AdminUserPage,
  AdminUserQuery,
  ModerateReviewBody,
  UpdateAdminUserBody,
} from '#shared/contracts/admin';
import { UuidParams } from '#shared/contracts/common';
import type { ApiDocs, RouteDoc } from '../http/openapi.ts';
import { send } from '../http/send.ts';
import { validate } from '../http/validate.ts';
import { requireAdmin, viewerOf } from '../http/viewer.ts';
import type { AdminDeps } from './admin-deps.ts';
import * as moderation from './admin-moderation.service.ts';
import { adminOpsRoutes } from './admin-ops.routes.ts';
import { adminStats } from './admin-stats.service.ts';
import * as users from './admin-users.service.ts';

export type AdminDoc = (
  method: RouteDoc['method'],
  path: string,
  summary: string,
  parts: Pick<RouteDoc, 'responses'> & Partial<RouteDoc>,
) => void;

/** /api/admin: every route is admins only (anonymous 401, others 403) and every change is audited. */
export function adminRoutes(deps: AdminDeps, docs: ApiDocs): Router {
  const router = Router();
  const doc: AdminDoc = (method, path, summary, parts) =>
    docs.add({ method, path: `/api/admin${path}`, summary, tag: 'admin', guard: 'admin', ...parts });

  doc('get', '/access', 'Whether the caller is an admin (200), anonymous (401) or not (403)', {
    responses: { 200: AdminAccess },
  });
  router.get('/access', requireAdmin, (req, res) => {
    send(res, 200, AdminAccess, { userId: viewerOf(req).userId, isAdmin: true });
  });

  doc('get', '/stats', 'Totals and the last 24 hours of requests, cache hits and upstream calls', {
    responses: { 200: AdminStats },
  });
  router.get('/stats', requireAdmin, async (req, res) => {
    send(res, 200, AdminStats, await adminStats(deps, viewerOf(req)));
  });

  doc('get', '/users', 'Users, searchable by email, username or display name', {
    query: AdminUserQuery,
    responses: { 200: AdminUserPage },
  });
  router.get('/users', requireAdmin, async (req, res) => {
    send(res, 200, AdminUserPage, await users.listUsers(deps, viewerOf(req), validate(AdminUserQuery, req.query)));
  });
  doc('patch', '/users/:id', "Promote/demote or ban/unban a user; a ban ends the user's sessions and tokens at once", {
    params: UuidParams,
    body: UpdateAdminUserBody,
    responses: { 200: AdminUser },
  });
  router.patch('/users/:id', requireAdmin, async (req, res) => {
    const { id } = validate(UuidParams, req.params);
    send(res, 200, AdminUser, await users.updateUser(deps, viewerOf(req), id, validate(UpdateAdminUserBody, req.body)));
  });

  doc('get', '/reviews', 'Reviews by moderation status (reported queue, hidden, visible)', {
    query: AdminReviewQuery,
    responses: { 200: AdminReviewPage },
  });
  router.get('/reviews', requireAdmin, async (req, res) => {
    send(
      res,
      200,
      AdminReviewPage,
      await moderation.listReviews(deps, viewerOf(req), validate(AdminReviewQuery, req.query)),
    );
  });
  doc('patch', '/reviews/:id', 'Hide or restore a review', {
    params: UuidParams,
    body: ModerateReviewBody,
    responses: { 200: AdminReview },
  });
  router.patch('/reviews/:id', requireAdmin, async (req, res) => {
    const { id } = validate(UuidParams, req.params);
    send(
      res,
      200,
      AdminReview,
      await moderation.moderateReview(deps, viewerOf(req), id, validate(ModerateReviewBody, req.body)),
    );
  });
  doc('delete', '/reviews/:id', 'Delete a review', { params: UuidParams, responses: { 204: null } });
  router.delete('/reviews/:id', requireAdmin, async (req, res) => {
    await moderation.deleteReview(deps, viewerOf(req), validate(UuidParams, req.params).id);
    res.status(204).end();
  });

  doc('get', '/custom-titles', 'Custom titles with their owners, searchable', {
    query: AdminCustomTitleQuery,
    responses: { 200: AdminCustomTitlePage },
  });
  router.get('/custom-titles', requireAdmin, async (req, res) => {
    send(
      res,
      200,
      AdminCustomTitlePage,
      await moderation.listCustomTitles(deps, viewerOf(req), validate(AdminCustomTitleQuery, req.query)),
    );
  });
  doc('put', '/custom-titles/:id', "Edit any user's custom title", {
    params: UuidParams,
    body: AdminCustomTitleBody,
    responses: { 200: AdminCustomTitle },
  });
  router.put('/custom-titles/:id', requireAdmin, async (req, res) => {
    const { id } = validate(UuidParams, req.params);
    send(
      res,
      200,
      AdminCustomTitle,
      await moderation.updateCustomTitle(deps, viewerOf(req), id, validate(AdminCustomTitleBody, req.body)),
    );
  });
  doc('delete', '/custom-titles/:id', 'Delete a custom title and what refers to it', {
    params: UuidParams,
    responses: { 204: null },
  });
  router.delete('/custom-titles/:id', requireAdmin, async (req, res) => {
    await moderation.deleteCustomTitle(deps, viewerOf(req), validate(UuidParams, req.params).id);
    res.status(204).end();
  });

  router.use(adminOpsRoutes(deps, doc));
  return router;
}
