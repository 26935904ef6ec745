import type { Query } from '#shared/api';

/** Every TanStack Query key is built here, so invalidation can find them. */
export const queryKeys = {
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
    reviewSummary: (mediaType: string, mediaId: string | number) => ['library', 'review-summary', mediaType, String(mediaId)] as const,
    customTitles: (query: Query = {}) => ['library', 'custom-titles', query] as const,
    customTitle: (id: string) => ['library', 'custom-title', id] as const,
    profile: (username: string) => ['library', 'profile', username.toLowerCase()] as const,
  },
};
