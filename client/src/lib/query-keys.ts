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
};
