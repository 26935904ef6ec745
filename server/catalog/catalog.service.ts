import type { CatalogItem, DiscoverQuery, Genre } from '#shared/contracts/catalog';
import type { Page, PageQuery } from '#shared/contracts/common';
import { NotFoundError } from '../http/errors.ts';
import { learnTitles, paged, type PagingDeps } from './catalog-paging.ts';
import type { ListCategory, MediaKind, TmdbClient } from './tmdb-client.ts';
import { toMovieDetail, toPersonDetail, toSeason, toTvDetail } from './tmdb-mappers.ts';

/**
 * Searches our own custom titles (the library feature provides it). `text` has any trailing year
 * removed ("matrix 1999" → text "matrix", year 1999). Items carry mediaType 'custom' and their
 * UUID as id, posterUrl pointing at /img/custom/:id.
 */
export type SearchCustom = (search: { text: string; year?: number }, q: PageQuery) => Promise<Page<CatalogItem>>;

export interface CatalogDeps extends PagingDeps {
  tmdb: TmdbClient;
  ttl: { detailS: number; personS: number; listS: number };
  searchCustom?: SearchCustom;
}

export function trending(deps: CatalogDeps, kind: MediaKind, window: 'day' | 'week', q: PageQuery) {
  return paged(
    deps,
    {
      keyOf: (p) => ({
        key: `list:${kind}:trending-${window}:${p}`,
        type: 'list',
        category: `${kind}:trending-${window}`,
      }),
      fetchPage: (p) => deps.tmdb.trending(kind, window, p),
      kind,
    },
    q,
  );
}

export function list(deps: CatalogDeps, kind: MediaKind, category: ListCategory, q: PageQuery) {
  return paged(
    deps,
    {
      keyOf: (p) => ({ key: `list:${kind}:${category}:${p}`, type: 'list', category: `${kind}:${category}` }),
      fetchPage: (p) => deps.tmdb.list(kind, category, p),
      kind,
    },
    q,
  );
}

const SORT_TO_TMDB: Record<string, { movie: string; tv: string }> = {
  popularity: { movie: 'popularity', tv: 'popularity' },
  rating: { movie: 'vote_average', tv: 'vote_average' },
  release_date: { movie: 'primary_release_date', tv: 'first_air_date' },
  title: { movie: 'title', tv: 'name' },
};

/** Our discover filters in TMDB's parameter names, in a stable order (it is part of the cache key). */
export function discoverParams(kind: MediaKind, q: DiscoverQuery): Record<string, string> {
  const [field = 'popularity', dir = 'desc'] = q.sort.split('.');
  const date = kind === 'movie' ? 'primary_release_date' : 'first_air_date';
  const out: Record<string, string | number | undefined> = {
    // Comma-separated ids: titles in every one of those genres (TMDB's AND).
    with_genres: q.genre,
    [kind === 'movie' ? 'primary_release_year' : 'first_air_date_year']: q.year,
    [`${date}.gte`]: q.yearFrom ? `${q.yearFrom}-01-01` : undefined,
    [`${date}.lte`]: q.yearTo ? `${q.yearTo}-12-31` : undefined,
    'vote_average.gte': q.minRating,
    'vote_count.gte': q.minVotes,
    'with_runtime.gte': q.runtimeMin,
    'with_runtime.lte': q.runtimeMax,
    with_original_language: q.language,
    sort_by: `${SORT_TO_TMDB[field]?.[kind] ?? 'popularity'}.${dir}`,
  };
  const entries: [string, string][] = [];
  for (const [k, v] of Object.entries(out)) if (v !== undefined) entries.push([k, String(v)]);
  return Object.fromEntries(entries.sort((a, b) => a[0].localeCompare(b[0])));
}

export function discover(deps: CatalogDeps, kind: MediaKind, q: DiscoverQuery) {
  const params = discoverParams(kind, q);
  const signature = new URLSearchParams(params).toString();
  return paged(
    deps,
    {
      keyOf: (p) => ({ key: `discover:${kind}:${signature}:${p}`, type: 'discover', category: kind }),
      fetchPage: (p) => deps.tmdb.discover(kind, { ...params, page: p }),
      kind,
    },
    q,
  );
}

/** A detail fetched from TMDB also teaches the fallback search its title and related titles. */
function learning<Raw>(deps: CatalogDeps, fetch: () => Promise<Raw | null>, items: (raw: Raw) => CatalogItem[]) {
  return async () => {
    const raw = await fetch();
    if (raw) await learnTitles(deps, items(raw));
    return raw;
  };
}

export async function movieDetail(deps: CatalogDeps, id: number) {
  const movie = await deps.cache.get(
    { key: `movie:${id}`, type: 'movie', category: 'detail', tmdbId: id },
    deps.ttl.detailS,
    learning(
      deps,
      () => deps.tmdb.movie(id),
      (raw) => {
        const d = toMovieDetail(raw);
        return [d, ...d.similar, ...d.recommendations];
      },
    ),
    toMovieDetail,
  );
  if (!movie) throw new NotFoundError('Movie');
  return movie;
}

export async function tvDetail(deps: CatalogDeps, id: number) {
  const show = await deps.cache.get(
    { key: `tv:${id}`, type: 'tv', category: 'detail', tmdbId: id },
    deps.ttl.detailS,
    learning(
      deps,
      () => deps.tmdb.tv(id),
      (raw) => {
        const d = toTvDetail(raw);
        return [d, ...d.similar, ...d.recommendations];
      },
    ),
    toTvDetail,
  );
  if (!show) throw new NotFoundError('TV show');
  return show;
}

export async function season(deps: CatalogDeps, tvId: number, seasonNumber: number) {
  const s = await deps.cache.get(
    { key: `season:${tvId}:${seasonNumber}`, type: 'season', category: 'detail', tmdbId: tvId },
    deps.ttl.detailS,
    () => deps.tmdb.season(tvId, seasonNumber),
    (raw) => toSeason(tvId, raw),
  );
  if (!s) throw new NotFoundError('Season');
  return s;
}

export async function person(deps: CatalogDeps, id: number) {
  const p = await deps.cache.get(
    { key: `person:${id}`, type: 'person', category: 'detail', tmdbId: id },
    deps.ttl.personS,
    () => deps.tmdb.person(id),
    toPersonDetail,
  );
  if (!p) throw new NotFoundError('Person');
  return p;
}

export async function genres(deps: CatalogDeps, kind: MediaKind): Promise<{ items: Genre[] }> {
  const list = await deps.cache.get(
    { key: `genres:${kind}`, type: 'genre', category: kind },
    deps.ttl.personS,
    () => deps.tmdb.genres(kind),
    (raw) => raw.genres,
  );
  return { items: list ?? [] };
}
