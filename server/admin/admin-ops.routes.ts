import { Router } from 'express';
import {
  Accepted,
  AdminJobPage,
  AdminJobQuery,
  AuditPage,
  AuditQuery,
  CacheEntryPage,
  CacheEntryQuery,
  CacheGroupList,
  OutboxPage,
  OutboxQuery,
  PurgeCacheQuery,
} from '#shared/contracts/admin';
import { UuidParams } from '#shared/contracts/common';
import { send } from '../http/send.ts';
import { validate } from '../http/validate.ts';
import { requireAdmin, viewerOf } from '../http/viewer.ts';
import type { AdminDeps } from './admin-deps.ts';
import * as ops from './admin-ops.service.ts';
import type { AdminDoc } from './admin.routes.ts';

/** Cache, jobs, outbox and audit log under /api/admin; admins only. */
export function adminOpsRoutes(deps: AdminDeps, doc: AdminDoc): Router {
  const router = Router();

  doc('get', '/cache', 'TMDB cache entries with expiry, by type and category', {
    query: CacheEntryQuery,
    responses: { 200: CacheEntryPage },
  });
  router.get('/cache', requireAdmin, async (req, res) => {
    send(
      res,
      200,
      CacheEntryPage,
      await ops.listCacheEntries(deps, viewerOf(req), validate(CacheEntryQuery, req.query)),
    );
  });
  doc('get', '/cache/groups', 'Cache entry counts per type and category, with the next expiry', {
    responses: { 200: CacheGroupList },
  });
  router.get('/cache/groups', requireAdmin, async (req, res) => {
    send(res, 200, CacheGroupList, await ops.cacheGroups(deps, viewerOf(req)));
  });
  doc('delete', '/cache', 'Purge cache entries (all, or by type and/or category)', {
    query: PurgeCacheQuery,
    responses: { 204: null },
  });
  router.delete('/cache', requireAdmin, async (req, res) => {
    await ops.purgeCache(deps, viewerOf(req), validate(PurgeCacheQuery, req.query));
    res.status(204).end();
  });
  doc('post', '/cache/warm', 'Refill the home page rows in the background', { responses: { 202: Accepted } });
  router.post('/cache/warm', requireAdmin, async (req, res) => {
    send(res, 202, Accepted, await ops.warmCache(deps, viewerOf(req)));
  });

  doc('get', '/jobs', 'Background jobs (image cache and others) with their state', {
    query: AdminJobQuery,
    responses: { 200: AdminJobPage },
  });
  router.get('/jobs', requireAdmin, async (req, res) => {
    send(res, 200, AdminJobPage, await ops.listJobs(deps, viewerOf(req), validate(AdminJobQuery, req.query)));
  });
  doc('post', '/jobs/:id/retry', 'Queue a failed job again (409 if it has not failed)', {
    params: UuidParams,
    responses: { 202: Accepted },
  });
  router.post('/jobs/:id/retry', requireAdmin, async (req, res) => {
    send(res, 202, Accepted, await ops.retryJob(deps, viewerOf(req), validate(UuidParams, req.params).id));
  });

  doc('get', '/outbox', 'Emails and SMS kept in the outbox (no SendGrid/Twilio configured)', {
    query: OutboxQuery,
    responses: { 200: OutboxPage },
  });
  router.get('/outbox', requireAdmin, async (req, res) => {
    send(res, 200, OutboxPage, await ops.listOutbox(deps, viewerOf(req), validate(OutboxQuery, req.query)));
  });

  doc('get', '/audit', 'Every admin action: who, what, when; searchable', {
    query: AuditQuery,
    responses: { 200: AuditPage },
  });
  router.get('/audit', requireAdmin, async (req, res) => {
    send(res, 200, AuditPage, await ops.listAudit(deps, viewerOf(req), validate(AuditQuery, req.query)));
  });
  return router;
}
