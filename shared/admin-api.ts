import type { Query } from './api.ts';
import type {
  Accepted,
  AdminAccess,
  AdminCustomTitle,
  AdminCustomTitleBody,
  AdminReview,
  AdminStats,
  AdminUser,
  AuditEntry,
  CacheEntry,
  CacheGroupList,
  AdminJob,
  ModerateReviewBody,
  OutboxMessage,
  UpdateAdminUserBody,
} from './contracts/admin.ts';
import type { Page } from './contracts/common.ts';

/** The admin part of the typed Api (shared/api.ts): /api/admin, admins only. */
export interface AdminApi {
  access(): Promise<AdminAccess>;
  stats(): Promise<AdminStats>;
  users(query?: Query): Promise<Page<AdminUser>>;
  updateUser(id: string, body: UpdateAdminUserBody): Promise<AdminUser>;
  reviews(query?: Query): Promise<Page<AdminReview>>;
  moderateReview(id: string, body: ModerateReviewBody): Promise<AdminReview>;
  deleteReview(id: string): Promise<void>;
  customTitles(query?: Query): Promise<Page<AdminCustomTitle>>;
  updateCustomTitle(id: string, body: AdminCustomTitleBody): Promise<AdminCustomTitle>;
  deleteCustomTitle(id: string): Promise<void>;
  cache(query?: Query): Promise<Page<CacheEntry>>;
  cacheGroups(): Promise<CacheGroupList>;
  purgeCache(filter: { type?: string; category?: string }): Promise<void>;
  warmCache(): Promise<Accepted>;
  jobs(query?: Query): Promise<Page<AdminJob>>;
  retryJob(id: string): Promise<Accepted>;
  outbox(query?: Query): Promise<Page<OutboxMessage>>;
  audit(query?: Query): Promise<Page<AuditEntry>>;
}

/** Where each admin call lives over HTTP. */
export const adminPaths = {
  access: () => '/api/admin/access',
  stats: () => '/api/admin/stats',
  users: () => '/api/admin/users',
  user: (id: string) => `/api/admin/users/${encodeURIComponent(id)}`,
  reviews: () => '/api/admin/reviews',
  review: (id: string) => `/api/admin/reviews/${encodeURIComponent(id)}`,
  customTitles: () => '/api/admin/custom-titles',
  customTitle: (id: string) => `/api/admin/custom-titles/${encodeURIComponent(id)}`,
  cache: () => '/api/admin/cache',
  cacheGroups: () => '/api/admin/cache/groups',
  cacheWarm: () => '/api/admin/cache/warm',
  jobs: () => '/api/admin/jobs',
  jobRetry: (id: string) => `/api/admin/jobs/${encodeURIComponent(id)}/retry`,
  outbox: () => '/api/admin/outbox',
  audit: () => '/api/admin/audit',
};
