import type { Query } from '#shared/api';

/** Every TanStack Query key is built here, so invalidation can find them. */
export const queryKeys = {
  auth: {
    all: ['auth'] as const,
    me: () => ['auth', 'me'] as const,
  },
  catalog: {
    all: ['catalog'] as const,
    list: (kind: string, list: string, query: Query = {}) => ['catalog', kind, 'list', list, query] as const,
    discover: (kind: string, query: Query) => ['catalog', kind, 'discover', query] as const,
    movie: (id: number) => ['catalog', 'movie', 'detail', id] as const,
    tv: (id: number) => ['catalog', 'tv', 'detail', id] as const,
    season: (tvId: number, n: number) => ['catalog', 'tv', 'season', tvId, n] as const,
    person: (id: number) => ['catalog', 'person', id] as const,
    search: (query: Query) => ['catalog', 'search', query] as const,
    genres: (kind: string) => ['catalog', 'genres', kind] as const,
  },
  library: {
    all: ['library'] as const,
    state: () => ['library', 'state'] as const,
    favorites: (query: Query = {}) => ['library', 'favorites', query] as const,
    watchlists: (query: Query = {}) => ['library', 'watchlists', 'mine', query] as const,
    watchlist: (id: string) => ['library', 'watchlists', 'detail', id] as const,
    reviews: (query: Query) => ['library', 'reviews', query] as const,
    reviewSummary: (mediaType: string, mediaId: string | number) =>
      ['library', 'review-summary', mediaType, String(mediaId)] as const,
    customTitles: (query: Query = {}) => ['library', 'custom-titles', query] as const,
    customTitle: (id: string) => ['library', 'custom-title', id] as const,
    profile: (username: string) => ['library', 'profile', username.toLowerCase()] as const,
  },
  admin: {
    all: ['admin'] as const,
    access: () => ['admin', 'access'] as const,
    stats: () => ['admin', 'stats'] as const,
    users: (query: Query = {}) => ['admin', 'users', query] as const,
    reviews: (query: Query = {}) => ['admin', 'reviews', query] as const,
    customTitles: (query: Query = {}) => ['admin', 'custom-titles', query] as const,
    cacheAll: ['admin', 'cache'] as const,
    cache: (query: Query = {}) => ['admin', 'cache', 'entries', query] as const,
    cacheGroups: () => ['admin', 'cache', 'groups'] as const,
    jobsAll: ['admin', 'jobs'] as const,
    jobs: (query: Query = {}) => ['admin', 'jobs', query] as const,
    outbox: (query: Query = {}) => ['admin', 'outbox', query] as const,
    audit: (query: Query = {}) => ['admin', 'audit', query] as const,
  },
  /** What the WebSocket told this page (use-live-events.ts): never fetched, only written by the socket. */
  live: {
    status: () => ['live', 'status'] as const,
    jobs: () => ['live', 'jobs'] as const,
  },
};
