import { keepPreviousData, queryOptions, useQuery, useSuspenseQueries, useSuspenseQuery } from '@tanstack/react-query';
import type { Api, ListName, Query } from '#shared/api';
import { useApi } from '../lib/api-context.tsx';
import { queryKeys } from '../lib/query-keys.ts';

type Kind = 'movie' | 'tv';
const DETAIL_STALE = 5 * 60_000;

// queryOptions factories: page, prefetch and hook share one key and one fetcher.
export const listQuery = (api: Api, kind: Kind, list: ListName, query: Query = {}) =>
  queryOptions({
    queryKey: queryKeys.catalog.list(kind, list, query),
    queryFn: () => api.catalog.list(kind, list, query),
  });
export const discoverQuery = (api: Api, kind: Kind, query: Query) =>
  queryOptions({
    queryKey: queryKeys.catalog.discover(kind, query),
    queryFn: () => api.catalog.discover(kind, query),
  });
export const movieQuery = (api: Api, id: number) =>
  queryOptions({
    queryKey: queryKeys.catalog.movie(id),
    queryFn: () => api.catalog.movie(id),
    staleTime: DETAIL_STALE,
  });
export const tvQuery = (api: Api, id: number) =>
  queryOptions({ queryKey: queryKeys.catalog.tv(id), queryFn: () => api.catalog.tv(id), staleTime: DETAIL_STALE });
export const seasonQuery = (api: Api, tvId: number, n: number) =>
  queryOptions({
    queryKey: queryKeys.catalog.season(tvId, n),
    queryFn: () => api.catalog.season(tvId, n),
    staleTime: DETAIL_STALE,
  });
export const personQuery = (api: Api, id: number) =>
  queryOptions({
    queryKey: queryKeys.catalog.person(id),
    queryFn: () => api.catalog.person(id),
    staleTime: DETAIL_STALE,
  });
export const searchQuery = (api: Api, query: Query) =>
  queryOptions({ queryKey: queryKeys.catalog.search(query), queryFn: () => api.catalog.search(query) });
// Genre names hardly ever change.
export const genresQuery = (api: Api, kind: Kind) =>
  queryOptions({
    queryKey: queryKeys.catalog.genres(kind),
    queryFn: () => api.catalog.genres(kind),
    staleTime: 60 * 60_000,
  });

export const useList = (kind: Kind, list: ListName, query: Query = {}) =>
  useSuspenseQuery(listQuery(useApi(), kind, list, query));
export const useDiscover = (kind: Kind, query: Query) => useSuspenseQuery(discoverQuery(useApi(), kind, query));
export const useMovie = (id: number) => useSuspenseQuery(movieQuery(useApi(), id));
export const useTv = (id: number) => useSuspenseQuery(tvQuery(useApi(), id));
export const useSeason = (tvId: number, n: number) => useSuspenseQuery(seasonQuery(useApi(), tvId, n));
/** A show and one of its seasons, fetched side by side rather than one after the other. */
export function useShowSeason(tvId: number, n: number) {
  const api = useApi();
  return useSuspenseQueries({ queries: [tvQuery(api, tvId), seasonQuery(api, tvId, n)] });
}
export const usePerson = (id: number) => useSuspenseQuery(personQuery(useApi(), id));
export const useSearchResults = (query: Query) => useSuspenseQuery(searchQuery(useApi(), query));
export const useGenres = (kind: Kind) => useSuspenseQuery(genresQuery(useApi(), kind));

/**
 * Instant results for the header search box: not suspending (the header must stay put while
 * typing), keeping the last answer on screen until the next one arrives.
 */
export function useSearchSuggestions(q: string) {
  const query = { q, type: 'multi', limit: 8 };
  return useQuery({ ...searchQuery(useApi(), query), enabled: q.length > 0, placeholderData: keepPreviousData });
}
