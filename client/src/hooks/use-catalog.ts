import { queryOptions, useSuspenseQuery } from '@tanstack/react-query';
import type { Api, ListName, Query } from '#shared/api';
import { useApi } from '../lib/api-context.tsx';
import { queryKeys } from '../lib/query-keys.ts';

// queryOptions factories: page, prefetch and hook share one key and one fetcher.
export const listQuery = (api: Api, kind: 'movie' | 'tv', list: ListName, query: Query = {}) =>
  queryOptions({
    queryKey: queryKeys.catalog.list(kind, list, query),
    queryFn: () => api.catalog.list(kind, list, query),
  });
export const movieQuery = (api: Api, id: number) =>
  queryOptions({ queryKey: queryKeys.catalog.movie(id), queryFn: () => api.catalog.movie(id), staleTime: 5 * 60_000 });

export const useList = (kind: 'movie' | 'tv', list: ListName, query: Query = {}) =>
  useSuspenseQuery(listQuery(useApi(), kind, list, query));
export const useMovie = (id: number) => useSuspenseQuery(movieQuery(useApi(), id));
