import type { Query } from '#shared/api';
import { adminPaths as p, type AdminApi } from '#shared/admin-api';

interface Transport {
  request<T>(method: string, path: string, body?: unknown): Promise<T>;
  get<T>(path: string, query?: Query): Promise<T>;
}

const withQuery = (path: string, query: Record<string, string | undefined>) => {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v) params.set(k, v);
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
};

/** The browser's admin Api over fetch; the server's in-process one answers the same. */
export function createBrowserAdminApi({ request, get }: Transport): AdminApi {
  return {
    access: () => get(p.access()),
    stats: () => get(p.stats()),
    users: (query) => get(p.users(), query),
    updateUser: (id, body) => request('PATCH', p.user(id), body),
    reviews: (query) => get(p.reviews(), query),
    moderateReview: (id, body) => request('PATCH', p.review(id), body),
    deleteReview: (id) => request('DELETE', p.review(id)),
    customTitles: (query) => get(p.customTitles(), query),
    updateCustomTitle: (id, body) => request('PUT', p.customTitle(id), body),
    deleteCustomTitle: (id) => request('DELETE', p.customTitle(id)),
    cache: (query) => get(p.cache(), query),
    cacheGroups: () => get(p.cacheGroups()),
    purgeCache: (f) => request('DELETE', withQuery(p.cache(), f)),
    warmCache: () => request('POST', p.cacheWarm()),
    jobs: (query) => get(p.jobs(), query),
    retryJob: (id) => request('POST', p.jobRetry(id)),
    outbox: (query) => get(p.outbox(), query),
    audit: (query) => get(p.audit(), query),
  };
}
