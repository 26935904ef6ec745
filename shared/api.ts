import type { CatalogItem, Genre, MovieDetail, PersonDetail, Season, TvDetail } from './contracts/catalog.ts';
import type { Page } from './contracts/common.ts';
import type { AdminApi } from './admin-api.ts';
import type { AuthApi } from './auth-api.ts';
import type { LibraryApi } from './library-api.ts';

export type ListName = 'trending' | 'popular' | 'top-rated' | 'upcoming' | 'now-playing' | 'on-the-air';
export type Query = Record<string, string | number | undefined>;

/**
 * The typed API that pages call: over fetch in the browser (client/src/lib/api-client.ts), and
 * in-process during server rendering (server/ssr/ssr-api.ts), so the server never calls itself.
 */
export interface Api {
  auth: AuthApi;
  library: LibraryApi;
  admin: AdminApi;
  catalog: {
    list(kind: 'movie' | 'tv', list: ListName, query?: Query): Promise<Page<CatalogItem>>;
    discover(kind: 'movie' | 'tv', query: Query): Promise<Page<CatalogItem>>;
    movie(id: number): Promise<MovieDetail>;
    tv(id: number): Promise<TvDetail>;
    season(tvId: number, season: number): Promise<Season>;
    person(id: number): Promise<PersonDetail>;
    search(query: Query): Promise<Page<CatalogItem>>;
    genres(kind: 'movie' | 'tv'): Promise<{ items: Genre[] }>;
  };
}

/** Where each catalog call lives over HTTP; the browser client and the docs agree on these. */
export const catalogPaths = {
  list: (kind: 'movie' | 'tv', list: ListName) => `/api/${kind === 'movie' ? 'movies' : 'tv'}/${list}`,
  discover: (kind: 'movie' | 'tv') => `/api/${kind === 'movie' ? 'movies' : 'tv'}/discover`,
  movie: (id: number) => `/api/movies/${id}`,
  tv: (id: number) => `/api/tv/${id}`,
  season: (tvId: number, season: number) => `/api/tv/${tvId}/season/${season}`,
  person: (id: number) => `/api/people/${id}`,
  search: () => '/api/search',
  genres: () => '/api/genres',
};

/** An API failure as the client sees it: the API.md error body plus the status. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: { field: string; message: string }[],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/**
 * ApiError by shape, not class: the SSR bundle carries its own copy of this module, so an error
 * thrown by the server's in-process Api is not an instance of the bundle's class.
 */
export function isApiError(err: unknown): err is ApiError {
  return err instanceof Error && err.name === 'ApiError' && typeof (err as ApiError).status === 'number';
}
