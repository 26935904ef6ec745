import { queryOptions, useSuspenseQuery } from '@tanstack/react-query';
import { ApiError, isApiError, type Api, type Query } from '#shared/api';
import { useApi } from '../lib/api-context.tsx';
import { queryKeys } from '../lib/query-keys.ts';
import type { PrefetchContext } from '../route-types.ts';

/** Who is looking at /admin: an admin (with their id), nobody signed in, or someone who isn't one. */
export type AdminAccessState = { state: 'granted'; userId: string } | { state: 'anonymous' } | { state: 'forbidden' };

// queryOptions factories: page, prefetch and hook share one key and one fetcher.
export const adminAccessQuery = (api: Api) =>
  queryOptions({
    queryKey: queryKeys.admin.access(),
    queryFn: async (): Promise<AdminAccessState> => {
      try {
        return { state: 'granted', userId: (await api.admin.access()).userId };
      } catch (err) {
        if (isApiError(err) && err.status === 401) return { state: 'anonymous' };
        if (isApiError(err) && err.status === 403) return { state: 'forbidden' };
        throw err;
      }
    },
    // Signing in or out elsewhere changes the answer: check again whenever a page mounts.
    staleTime: 0,
  });

export const adminStatsQuery = (api: Api) =>
  queryOptions({ queryKey: queryKeys.admin.stats(), queryFn: () => api.admin.stats(), staleTime: 15_000 });
export const adminUsersQuery = (api: Api, q: Query) =>
  queryOptions({ queryKey: queryKeys.admin.users(q), queryFn: () => api.admin.users(q), staleTime: 5_000 });
export const adminReviewsQuery = (api: Api, q: Query) =>
  queryOptions({ queryKey: queryKeys.admin.reviews(q), queryFn: () => api.admin.reviews(q), staleTime: 5_000 });
export const adminCustomTitlesQuery = (api: Api, q: Query) =>
  queryOptions({
    queryKey: queryKeys.admin.customTitles(q),
    queryFn: () => api.admin.customTitles(q),
    staleTime: 5_000,
  });
export const adminCacheQuery = (api: Api, q: Query) =>
  queryOptions({ queryKey: queryKeys.admin.cache(q), queryFn: () => api.admin.cache(q), staleTime: 5_000 });
export const adminCacheGroupsQuery = (api: Api) =>
  queryOptions({ queryKey: queryKeys.admin.cacheGroups(), queryFn: () => api.admin.cacheGroups(), staleTime: 5_000 });
export const adminJobsQuery = (api: Api, q: Query) =>
  queryOptions({ queryKey: queryKeys.admin.jobs(q), queryFn: () => api.admin.jobs(q), staleTime: 5_000 });
export const adminOutboxQuery = (api: Api, q: Query) =>
  queryOptions({ queryKey: queryKeys.admin.outbox(q), queryFn: () => api.admin.outbox(q), staleTime: 5_000 });
export const adminAuditQuery = (api: Api, q: Query) =>
  queryOptions({ queryKey: queryKeys.admin.audit(q), queryFn: () => api.admin.audit(q), staleTime: 5_000 });

export const useAdminAccess = () => useSuspenseQuery(adminAccessQuery(useApi())).data;
export const useAdminStats = () => useSuspenseQuery(adminStatsQuery(useApi()));
export const useAdminUsers = (q: Query) => useSuspenseQuery(adminUsersQuery(useApi(), q));
export const useAdminReviews = (q: Query) => useSuspenseQuery(adminReviewsQuery(useApi(), q));
export const useAdminCustomTitles = (q: Query) => useSuspenseQuery(adminCustomTitlesQuery(useApi(), q));
export const useAdminCache = (q: Query) => useSuspenseQuery(adminCacheQuery(useApi(), q));
export const useAdminCacheGroups = () => useSuspenseQuery(adminCacheGroupsQuery(useApi()));
export const useAdminJobs = (q: Query) => useSuspenseQuery(adminJobsQuery(useApi(), q));
export const useAdminOutbox = (q: Query) => useSuspenseQuery(adminOutboxQuery(useApi(), q));
export const useAdminAudit = (q: Query) => useSuspenseQuery(adminAuditQuery(useApi(), q));

/** The query a page reads from its URL: the named search params, blanks dropped. */
export function queryFrom(search: URLSearchParams, names: string[]): Query {
  const q: Query = {};
  for (const n of names) {
    const v = search.get(n);
    if (v) q[n] = v;
  }
  return q;
}

/**
 * An admin page's prefetch: who is asking first (kept in the cache, so the page can show a sign-in
 * prompt or "admins only"), then the page's data. Not an admin: the render answers 401 or 403.
 */
export function adminPrefetch(load: (ctx: PrefetchContext) => Promise<unknown>) {
  return async (ctx: PrefetchContext) => {
    const access = await ctx.queryClient.fetchQuery(adminAccessQuery(ctx.api));
    if (access.state === 'anonymous') throw new ApiError(401, 'UNAUTHORIZED', 'Sign in first');
    if (access.state === 'forbidden') throw new ApiError(403, 'FORBIDDEN', 'Admins only');
    await load(ctx);
  };
}

/** The <title> of an admin page, or what the visitor actually sees when they may not enter. */
export function adminTitle(queryClient: PrefetchContext['queryClient'], title: string): string {
  const access = queryClient.getQueryData<AdminAccessState>(queryKeys.admin.access());
  if (access?.state === 'anonymous') return 'Sign in required';
  if (access?.state === 'forbidden') return 'Admins only';
  return `${title} · Admin`;
}
