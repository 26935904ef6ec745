import type { CatalogItem, DiscoverQuery, Genre } from '#shared/contracts/catalog';
import { toPage, type Page, type PageQuery } from '#shared/contracts/common';
import { NotFoundError } from '../http/errors.ts';
import type { TmdbCache } from './tmdb-cache.ts';
import type { TmdbCacheRepository } from './tmdb-cache.repository.ts';
import type { ListCategory, MediaKind, SearchKind, TmdbClient } from './tmdb-client.ts';
import { toCatalogItem, toMovieDetail, toPersonDetail, toSeason, toTvDetail } from './tmdb-mappers.ts';
import type { TmdbListPage } from './tmdb-schemas.ts';

export interface CatalogDeps {
  tmdb: TmdbClient;
  cache: TmdbCache;
  cacheRepo: TmdbCacheRepository;
  ttl: { detailS: number; personS: number; listS: number };
}

// TMDB pages hold 20 results and stop at page 500.
const TMDB_PAGE = 20;
const TMDB_MAX_PAGE = 500;

interface MappedPage {
  items: CatalogItem[];
  totalResults: number;
}

function mapPage(kind: 'movie' | 'tv' | 'person') {
  return (raw: TmdbListPage): MappedPage => ({
    items: raw.results.map((r) => toCatalogItem(r, kind)),
    totalResults: Math.min(raw.total_results, raw.total_pages * TMDB_PAGE, TMDB_MAX_PAGE * TMDB_PAGE),
  });
}

/** Serves our page/limit from TMDB's fixed 20-per-page lists, each TMDB page cached on its own. */
async function paged(
  deps: CatalogDeps,
  q: PageQuery,
  keyOf: (tmdbPage: number) => { key: string; type: string; category: string },
  fetchPage: (tmdbPage: number) => Promise<TmdbListPage | null>,
  kind: 'movie' | 'tv' | 'person',
): Promise<Page<CatalogItem>> {
  const start = (q.page - 1) * q.limit;
  const end = start + q.limit;
  const first = Math.floor(start / TMDB_PAGE) + 1;
  const last = Math.min(Math.floor((end - 1) / TMDB_PAGE) + 1, TMDB_MAX_PAGE);
  const map = mapPage(kind);
  const pages: MappedPage[] = [];
  for (let p = first; p <= last; p++) {
    const spec = { ...keyOf(p), page: p };
    const page = await deps.cache.get(
      spec,
      deps.ttl.listS,
      async () => {
        const raw = await fetchPage(p);
        if (raw) await deps.cacheRepo.rememberTitles(map(raw).items);
        return raw;
      },
      map,
    );
    if (!page) break;
    pages.push(page);
    if (page.items.length < TMDB_PAGE) break;
  }
  const total = pages[0]?.totalResults ?? 0;
  const all = pages.flatMap((p) => p.items);
  const offset = start - (first - 1) * TMDB_PAGE;
  return toPage(all.slice(offset, offset + q.limit), q, total);
}

export function trending(deps: CatalogDeps, kind: MediaKind, window: 'day' | 'week', q: PageQuery) {
  return paged(
    deps,
    q,
    (p) => ({ key: `list:${kind}:trending-${window}:${p}`, type: 'list', category: `${kind}:trending-${window}` }),
    (p) => deps.tmdb.trending(kind, window, p),
    kind,
  );
}

export function list(deps: CatalogDeps, kind: MediaKind, category: ListCategory, q: PageQuery) {
  return paged(
    deps,
    q,
    (p) => ({ key: `list:${kind}:${category}:${p}`, type: 'list', category: `${kind}:${category}` }),
    (p) => deps.tmdb.list(kind, category, p),
    kind,
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
    q,
    (p) => ({ key: `discover:${kind}:${signature}:${p}`, type: 'discover', category: kind }),
    (p) => deps.tmdb.discover(kind, { ...params, page: p }),
    kind,
  );
}

export async function movieDetail(deps: CatalogDeps, id: number) {
  const movie = await deps.cache.get(
    { key: `movie:${id}`, type: 'movie', category: 'detail', tmdbId: id },
    deps.ttl.detailS,
    () => deps.tmdb.movie(id),
    toMovieDetail,
  );
  if (!movie) throw new NotFoundError('Movie');
  return movie;
}

export async function tvDetail(deps: CatalogDeps, id: number) {
  const show = await deps.cache.get(
    { key: `tv:${id}`, type: 'tv', category: 'detail', tmdbId: id },
    deps.ttl.detailS,
    () => deps.tmdb.tv(id),
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

/** "matrix 1999" searches "matrix" released in 1999; a bare year stays a query. */
export function splitYear(q: string): { text: string; year?: number } {
  const m = /^(.*\S)\s+\(?((?:18[7-9]|19\d|20\d)\d)\)?$/.exec(q.trim());
  if (!m?.[1] || !m[2]) return { text: q.trim() };
  return { text: m[1], year: Number(m[2]) };
}

export async function searchTmdb(deps: CatalogDeps, kind: SearchKind, query: string, q: PageQuery) {
  const { text, year } = splitYear(query);
  const normalized = text.toLowerCase().replace(/\s+/g, ' ');
  const result = await paged(
    deps,
    q,
    (p) => ({ key: `search:${kind}:${year ?? ''}:${normalized}:${p}`, type: 'search', category: kind }),
    (p) => deps.tmdb.search(kind, text, p, year),
    kind === 'multi' ? 'movie' : kind,
  );
  if (result.meta.total > 0 || kind === 'person') return result;
  // TMDB found nothing (a typo?): fall back to titles we have already seen that look alike.
  const items = await deps.cacheRepo.similarTitles(text, {
    mediaType: kind === 'multi' ? undefined : kind,
    year,
    limit: q.limit,
  });
  return toPage(q.page === 1 ? items : [], q, items.length);
}
