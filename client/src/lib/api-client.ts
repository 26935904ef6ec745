import { ApiError, catalogPaths, type Api, type Query } from '#shared/api';
import { createBrowserAdminApi } from './admin-api-client.ts';
import { createBrowserAuthApi } from './auth-api-client.ts';
import { createBrowserLibraryApi } from './library-api-client.ts';

function withQuery(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== '') params.set(k, String(v));
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

/** Calls the API and turns any non-2xx into ApiError carrying the API.md error body. */
export async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(path, {
    method,
    credentials: 'same-origin',
    headers: {
      accept: 'application/json',
      // The CSRF header every cookie-authenticated write must carry (API.md).
      ...(method === 'GET' ? {} : { 'x-requested-with': 'cinehub' }),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (res.status === 204) return undefined as T;
  const json: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const err = (
      json as { error?: { code?: string; message?: string; details?: { field: string; message: string }[] } } | null
    )?.error;
    throw new ApiError(res.status, err?.code ?? 'INTERNAL_ERROR', err?.message ?? res.statusText, err?.details);
  }
  return json as T;
}

export const get = <T>(path: string, query?: Query) => request<T>('GET', withQuery(path, query));

/** The browser's Api: the same methods the server calls in-process while rendering. */
export function createBrowserApi(): Api {
  return {
    auth: createBrowserAuthApi({ request, get }),
    library: createBrowserLibraryApi({ request, get }),
    admin: createBrowserAdminApi({ request, get }),
    catalog: {
      list: (kind, list, query) => get(catalogPaths.list(kind, list), query),
      discover: (kind, query) => get(catalogPaths.discover(kind), query),
      movie: (id) => get(catalogPaths.movie(id)),
      tv: (id) => get(catalogPaths.tv(id)),
      season: (tvId, n) => get(catalogPaths.season(tvId, n)),
      person: (id) => get(catalogPaths.person(id)),
      search: (query) => get(catalogPaths.search(), query),
      genres: (kind) => get(catalogPaths.genres(), { type: kind }),
    },
  };
}
