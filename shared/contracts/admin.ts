import { z } from 'zod';
import { PageQuery, pageOf } from './common.ts';
import { CustomTitleBody } from './library.ts';

// Request and response bodies of /api/admin (API.md "Admin"). Every response is an explicit shape:
// no password hash, token or session data can leave through these.

const isoDate = z.string();
const searchText = z.string().trim().max(200).optional();

export const AdminAccess = z.object({ userId: z.string().uuid(), isAdmin: z.literal(true) });
export type AdminAccess = z.infer<typeof AdminAccess>;

export const SeriesPoint = z.object({ at: isoDate, value: z.number().int() });
export type SeriesPoint = z.infer<typeof SeriesPoint>;

const JobCounts = z.object({
  queued: z.number().int(),
  active: z.number().int(),
  failed: z.number().int(),
  completed: z.number().int(),
});

export const AdminStats = z.object({
  users: z.object({ total: z.number().int(), admins: z.number().int(), banned: z.number().int() }),
  reviews: z.object({ total: z.number().int(), reported: z.number().int(), hidden: z.number().int() }),
  customTitles: z.number().int(),
  cache: z.object({
    entries: z.number().int(),
    expired: z.number().int(),
    /** Lookups answered from the cache (memory, fresh or stale) over all lookups, last 24 hours; null with no lookups. */
    hitRatio: z.number().min(0).max(1).nullable(),
    hits: z.number().int(),
    misses: z.number().int(),
  }),
  upstream: z.object({ calls: z.number().int() }),
  images: z.object({ cached: z.number().int() }),
  /** Background jobs of every kind, and the image cache's own (image-precache, image-avif). */
  jobs: JobCounts,
  imageJobs: JobCounts,
  /** The last 24 hours in 15-minute buckets, oldest first, summed over every instance. */
  series: z.object({
    requests: z.array(SeriesPoint),
    cacheHits: z.array(SeriesPoint),
    upstreamCalls: z.array(SeriesPoint),
  }),
  generatedAt: isoDate,
});
export type AdminStats = z.infer<typeof AdminStats>;

export const AdminUserQuery = PageQuery.extend({ q: searchText });
export type AdminUserQuery = z.infer<typeof AdminUserQuery>;

export const AdminUser = z.object({
  id: z.string().uuid(),
  email: z.string().nullable(),
  username: z.string(),
  displayName: z.string().nullable(),
  isAdmin: z.boolean(),
  isBanned: z.boolean(),
  isVerified: z.boolean(),
  createdAt: isoDate,
});
export type AdminUser = z.infer<typeof AdminUser>;
export const AdminUserPage = pageOf(AdminUser);

export const UpdateAdminUserBody = z
  .object({ isAdmin: z.boolean().optional(), isBanned: z.boolean().optional() })
  .strict()
  .refine((b) => b.isAdmin !== undefined || b.isBanned !== undefined, { message: 'Send isAdmin or isBanned' });
export type UpdateAdminUserBody = z.infer<typeof UpdateAdminUserBody>;

export const ReviewStatus = z.enum(['visible', 'reported', 'hidden']);
export const AdminReviewQuery = PageQuery.extend({ status: ReviewStatus.optional() });
export type AdminReviewQuery = z.infer<typeof AdminReviewQuery>;

export const AdminReview = z.object({
  id: z.string().uuid(),
  userId: z.string().uuid(),
  username: z.string(),
  mediaType: z.string(),
  mediaId: z.string(),
  rating: z.number(),
  content: z.string(),
  status: ReviewStatus,
  reportCount: z.number().int(),
  /** The most recent report reasons, newest first (at most 5). */
  reportReasons: z.array(z.string()),
  createdAt: isoDate,
  updatedAt: isoDate,
});
export type AdminReview = z.infer<typeof AdminReview>;
export const AdminReviewPage = pageOf(AdminReview);

export const ModerateReviewBody = z.object({ status: z.enum(['visible', 'hidden']) }).strict();
export type ModerateReviewBody = z.infer<typeof ModerateReviewBody>;

export const AdminCustomTitleQuery = PageQuery.extend({ q: searchText });
export type AdminCustomTitleQuery = z.infer<typeof AdminCustomTitleQuery>;

export const AdminCustomTitle = z.object({
  id: z.string().uuid(),
  title: z.string(),
  year: z.string().nullable(),
  imageUrl: z.string().nullable(),
  ownerId: z.string().uuid(),
  ownerUsername: z.string(),
  createdAt: isoDate,
  updatedAt: isoDate,
});
export type AdminCustomTitle = z.infer<typeof AdminCustomTitle>;
export const AdminCustomTitlePage = pageOf(AdminCustomTitle);

/** An admin edits a custom title under the same rules as its owner (library's CustomTitleBody). */
export const AdminCustomTitleBody = CustomTitleBody;
export type AdminCustomTitleBody = z.infer<typeof AdminCustomTitleBody>;

const cacheFilter = {
  type: z.string().trim().min(1).max(50).optional(),
  category: z.string().trim().min(1).max(100).optional(),
};
export const CacheEntryQuery = PageQuery.extend(cacheFilter);
export type CacheEntryQuery = z.infer<typeof CacheEntryQuery>;
export const PurgeCacheQuery = z.object(cacheFilter);
export type PurgeCacheQuery = z.infer<typeof PurgeCacheQuery>;

export const CacheEntry = z.object({
  key: z.string(),
  type: z.string(),
  category: z.string(),
  tmdbId: z.number().int().nullable(),
  page: z.number().int().nullable(),
  fetchedAt: isoDate,
  expiresAt: isoDate,
  expired: z.boolean(),
  /** Size of the stored TMDB response. */
  bytes: z.number().int(),
});
export type CacheEntry = z.infer<typeof CacheEntry>;
export const CacheEntryPage = pageOf(CacheEntry);

export const CacheGroup = z.object({
  type: z.string(),
  category: z.string(),
  entries: z.number().int(),
  expired: z.number().int(),
  nextExpiry: isoDate.nullable(),
});
export type CacheGroup = z.infer<typeof CacheGroup>;
export const CacheGroupList = z.object({ items: z.array(CacheGroup) });
export type CacheGroupList = z.infer<typeof CacheGroupList>;

export const Accepted = z.object({ status: z.literal('accepted'), message: z.string() });
export type Accepted = z.infer<typeof Accepted>;

export const JobState = z.enum(['created', 'retry', 'active', 'completed', 'cancelled', 'failed']);
export const AdminJobQuery = PageQuery.extend({
  state: JobState.optional(),
  kind: z.string().trim().min(1).max(100).optional(),
});
export type AdminJobQuery = z.infer<typeof AdminJobQuery>;

export const AdminJob = z.object({
  id: z.string().uuid(),
  /** The queue: image-precache, image-avif, … */
  kind: z.string(),
  state: JobState,
  retryCount: z.number().int(),
  retryLimit: z.number().int(),
  createdAt: isoDate,
  startedAt: isoDate.nullable(),
  completedAt: isoDate.nullable(),
  /** A failed job's error message (first 500 characters), else null. */
  error: z.string().nullable(),
});
export type AdminJob = z.infer<typeof AdminJob>;
export const AdminJobPage = pageOf(AdminJob);

export const OutboxQuery = PageQuery.extend({ channel: z.enum(['email', 'sms']).optional() });
export type OutboxQuery = z.infer<typeof OutboxQuery>;
export const OutboxMessage = z.object({
  id: z.string().uuid(),
  channel: z.string(),
  recipient: z.string(),
  subject: z.string().nullable(),
  body: z.string(),
  status: z.string(),
  createdAt: isoDate,
});
export type OutboxMessage = z.infer<typeof OutboxMessage>;
export const OutboxPage = pageOf(OutboxMessage);

export const AuditQuery = PageQuery.extend({ q: searchText });
export type AuditQuery = z.infer<typeof AuditQuery>;
export const AuditEntry = z.object({
  id: z.string().uuid(),
  actorId: z.string().uuid().nullable(),
  actorUsername: z.string().nullable(),
  action: z.string(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()).nullable(),
  createdAt: isoDate,
});
export type AuditEntry = z.infer<typeof AuditEntry>;
export const AuditPage = pageOf(AuditEntry);
