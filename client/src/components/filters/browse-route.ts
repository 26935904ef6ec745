import type { QueryClient } from '@tanstack/react-query';
import type { ComponentType } from 'react';
import type { Genre } from '#shared/contracts/catalog';
import { discoverQuery, genresQuery } from '../../hooks/use-catalog.ts';
import { filtersToSearch, parseDiscoverFilters, SORT_OPTIONS, toDiscoverQuery } from '../../lib/discover-filters.ts';
import { queryKeys } from '../../lib/query-keys.ts';
import type { Params, RouteDef } from '../../route-types.ts';
import { browsePath } from './browse-section.tsx';

function titleOf(kind: 'movie' | 'tv', search: URLSearchParams, queryClient: QueryClient): string {
  const f = parseDiscoverFilters(search);
  const genres = queryClient.getQueryData<{ items: Genre[] }>(queryKeys.catalog.genres(kind))?.items ?? [];
  const names = f.genres.map((id) => genres.find((g) => g.id === id)?.name).filter(Boolean);
  const noun = kind === 'movie' ? 'movies' : 'TV shows';
  const sort = f.sort === 'popularity.desc' ? '' : ` · ${SORT_OPTIONS.find((o) => o.value === f.sort)?.label ?? ''}`;
  const years =
    f.yearFrom && f.yearTo
      ? ` from ${f.yearFrom}–${f.yearTo}`
      : f.yearFrom
        ? ` since ${f.yearFrom}`
        : f.yearTo
          ? ` until ${f.yearTo}`
          : '';
  const base = names.length > 0 ? `${names.join(', ')} ${noun}` : `Browse ${noun}`;
  return `${base}${years}${sort}${f.page > 1 ? ` · page ${f.page}` : ''}`;
}

/** The route entry of a browse page: its prefetch reads the URL with the same parser as the page. */
export function browseRoute(kind: 'movie' | 'tv', page: ComponentType<{ params: Params }>): Omit<RouteDef, 'path'> {
  return {
    page,
    prefetch: ({ queryClient, api, search }) =>
      Promise.all([
        queryClient.fetchQuery(genresQuery(api, kind)),
        queryClient.fetchQuery(discoverQuery(api, kind, toDiscoverQuery(parseDiscoverFilters(search)))),
      ]),
    head: ({ queryClient, search }) => ({
      title: titleOf(kind, search, queryClient),
      description: `Discover ${kind === 'movie' ? 'movies' : 'TV shows'} by genre, year, rating, runtime and language.`,
      canonicalPath: `${browsePath(kind)}${filtersToSearch(parseDiscoverFilters(search))}`,
    }),
  };
}
