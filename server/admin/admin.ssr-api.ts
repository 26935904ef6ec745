import type { AdminApi } from '#shared/admin-api';
import {
  Accepted,
  AdminAccess,
  AdminCustomTitle,
  AdminCustomTitleBody,
  AdminCustomTitlePage,
  AdminCustomTitleQuery,
  AdminJobPage,
  AdminJobQuery,
  AdminReview,
  AdminReviewPage,
  AdminReviewQuery,
  AdminStats,
  AdminUser,
  AdminUserPage,
  AdminUserQuery,
  AuditPage,
  AuditQuery,
  CacheEntryPage,
  CacheEntryQuery,
  CacheGroupList,
  ModerateReviewBody,
  OutboxPage,
  OutboxQuery,
  PurgeCacheQuery,
  UpdateAdminUserBody,
} from '#shared/contracts/admin';
import { UuidParams } from '#shared/contracts/common';
import { validate } from '../http/validate.ts';
import type { Viewer } from '../http/viewer.ts';
import type { AdminDeps } from './admin-deps.ts';
import { assertAdmin } from './admin-guard.ts';
import * as moderation from './admin-moderation.service.ts';
import * as ops from './admin-ops.service.ts';
import { adminStats } from './admin-stats.service.ts';
import * as users from './admin-users.service.ts';

/**
 * The admin Api in-process for server rendering, as the request's viewer: the services check the
 * viewer themselves (anonymous 401, others 403) and answers go through the same response schemas
 * as the routes, so the page gets exactly what the browser would have fetched.
 */
export function createSsrAdminApi(
  deps: AdminDeps,
  viewer: Viewer | null,
  wrap: <T>(work: () => Promise<T>) => Promise<T>,
): AdminApi {
  const id = (value: string) => validate(UuidParams, { id: value }).id;
  return {
    access: () => wrap(async () => AdminAccess.parse({ userId: assertAdmin(viewer).userId, isAdmin: true })),
    stats: () => wrap(async () => AdminStats.parse(await adminStats(deps, viewer))),
    users: (q = {}) =>
      wrap(async () => AdminUserPage.parse(await users.listUsers(deps, viewer, validate(AdminUserQuery, q)))),
    updateUser: (userId, body) =>
      wrap(async () =>
        AdminUser.parse(await users.updateUser(deps, viewer, id(userId), validate(UpdateAdminUserBody, body))),
      ),
    reviews: (q = {}) =>
      wrap(async () =>
        AdminReviewPage.parse(await moderation.listReviews(deps, viewer, validate(AdminReviewQuery, q))),
      ),
    moderateReview: (reviewId, body) =>
      wrap(async () =>
        AdminReview.parse(
          await moderation.moderateReview(deps, viewer, id(reviewId), validate(ModerateReviewBody, body)),
        ),
      ),
    deleteReview: (reviewId) => wrap(() => moderation.deleteReview(deps, viewer, id(reviewId))),
    customTitles: (q = {}) =>
      wrap(async () =>
        AdminCustomTitlePage.parse(await moderation.listCustomTitles(deps, viewer, validate(AdminCustomTitleQuery, q))),
      ),
    updateCustomTitle: (titleId, body) =>
      wrap(async () =>
        AdminCustomTitle.parse(
          await moderation.updateCustomTitle(deps, viewer, id(titleId), validate(AdminCustomTitleBody, body)),
        ),
      ),
    deleteCustomTitle: (titleId) => wrap(() => moderation.deleteCustomTitle(deps, viewer, id(titleId))),
    cache: (q = {}) =>
      wrap(async () => CacheEntryPage.parse(await ops.listCacheEntries(deps, viewer, validate(CacheEntryQuery, q)))),
    cacheGroups: () => wrap(async () => CacheGroupList.parse(await ops.cacheGroups(deps, viewer))),
    purgeCache: (f) => wrap(() => ops.purgeCache(deps, viewer, validate(PurgeCacheQuery, f))),
    warmCache: () => wrap(async () => Accepted.parse(await ops.warmCache(deps, viewer))),
    jobs: (q = {}) =>
      wrap(async () => AdminJobPage.parse(await ops.listJobs(deps, viewer, validate(AdminJobQuery, q)))),
    retryJob: (jobId) => wrap(async () => Accepted.parse(await ops.retryJob(deps, viewer, id(jobId)))),
    outbox: (q = {}) =>
      wrap(async () => OutboxPage.parse(await ops.listOutbox(deps, viewer, validate(OutboxQuery, q)))),
    audit: (q = {}) => wrap(async () => AuditPage.parse(await ops.listAudit(deps, viewer, validate(AuditQuery, q)))),
  };
}
