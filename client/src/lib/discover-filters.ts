import type { Query } from '#shared/api';

/** What a browse page shows, read from its URL; the page and its server prefetch both use this. */
export interface DiscoverFilters {
  genres: number[];
  yearFrom?: number;
  yearTo?: number;
  minRating?: number;
  runtimeMin?: number;
  runtimeMax?: number;
  language?: string;
  sort: string;
  page: number;
}

export const DEFAULT_SORT = 'popularity.desc';
export const BROWSE_PAGE_SIZE = 20;
// TMDB serves at most 500 pages of 20; our page size matches, so the same cap applies.
export const MAX_PAGE = 500;
export const YEAR_MIN = 1870;
export const YEAR_MAX = 2100;
export const RUNTIME_MAX = 1000;

export const SORT_OPTIONS = [
  { value: 'popularity.desc', label: 'Most popular' },
  { value: 'popularity.asc', label: 'Least popular' },
  { value: 'rating.desc', label: 'Highest rated' },
  { value: 'rating.asc', label: 'Lowest rated' },
  { value: 'release_date.desc', label: 'Newest first' },
  { value: 'release_date.asc', label: 'Oldest first' },
  { value: 'title.asc', label: 'Title A–Z' },
  { value: 'title.desc', label: 'Title Z–A' },
] as const;

const SORT_RE = /^(popularity|rating|release_date|title)(\.(asc|desc))?$/;

function intIn(raw: string | null, min: number, max: number): number | undefined {
  if (raw === null || !/^\d{1,7}$/.test(raw.trim())) return undefined;
  const n = Number(raw.trim());
  return n >= min && n <= max ? n : undefined;
}

/** [a, b] in order; a reversed range in a hand-edited URL is read as meant, not dropped. */
function ordered(a: number | undefined, b: number | undefined): [number | undefined, number | undefined] {
  return a !== undefined && b !== undefined && a > b ? [b, a] : [a, b];
}

/**
 * Reads the filters from a browse URL's query. Anything out of range or malformed is left out
 * rather than failing the page: a shared link with one bad value still shows the rest.
 * Genres come comma-separated (`genre=28,12`) or repeated (`genre=28&genre=12`, what the filter
 * form submits without JavaScript).
 */
export function parseDiscoverFilters(search: URLSearchParams | string): DiscoverFilters {
  const p = typeof search === 'string' ? new URLSearchParams(search) : search;
  const genres = [
    ...new Set(
      p
        .getAll('genre')
        .flatMap((v) => v.split(','))
        .map((v) => intIn(v, 1, 2_147_483_647))
        .filter((v): v is number => v !== undefined),
    ),
  ].slice(0, 20);
  const [yearFrom, yearTo] = ordered(
    intIn(p.get('yearFrom'), YEAR_MIN, YEAR_MAX),
    intIn(p.get('yearTo'), YEAR_MIN, YEAR_MAX),
  );
  const [runtimeMin, runtimeMax] = ordered(
    intIn(p.get('runtimeMin'), 0, RUNTIME_MAX),
    intIn(p.get('runtimeMax'), 0, RUNTIME_MAX),
  );
  const ratingRaw = p.get('minRating')?.trim() ?? '';
  const rating = /^\d{1,2}(\.\d{1,2})?$/.test(ratingRaw) ? Number(ratingRaw) : NaN;
  const language = p.get('language')?.trim().toLowerCase() ?? '';
  const sortRaw = p.get('sort')?.trim() ?? '';
  const sortMatch = SORT_RE.exec(sortRaw);
  return {
    genres,
    yearFrom,
    yearTo,
    minRating: rating > 0 && rating <= 10 ? rating : undefined,
    runtimeMin,
    runtimeMax,
    language: /^[a-z]{2}$/.test(language) ? language : undefined,
    sort: sortMatch ? `${sortMatch[1]}.${sortMatch[3] ?? 'desc'}` : DEFAULT_SORT,
    page: intIn(p.get('page'), 1, MAX_PAGE) ?? 1,
  };
}

/** The /api/{movies,tv}/discover query for these filters. */
export function toDiscoverQuery(f: DiscoverFilters): Query {
  return {
    genre: f.genres.length > 0 ? f.genres.join(',') : undefined,
    yearFrom: f.yearFrom,
    yearTo: f.yearTo,
    minRating: f.minRating,
    runtimeMin: f.runtimeMin,
    runtimeMax: f.runtimeMax,
    language: f.language,
    sort: f.sort,
    page: f.page,
    limit: BROWSE_PAGE_SIZE,
  };
}

/** The canonical query string for these filters (defaults left out, stable order), with "?" or "". */
export function filtersToSearch(f: DiscoverFilters): string {
  const parts: string[] = [];
  const add = (k: string, v: string | number | undefined) => {
    if (v !== undefined && v !== '') parts.push(`${k}=${encodeURIComponent(String(v))}`);
  };
  // Commas stay literal: "genre=28,12" reads better in a shared link than "28%2C12".
  if (f.genres.length > 0) parts.push(`genre=${f.genres.join(',')}`);
  add('yearFrom', f.yearFrom);
  add('yearTo', f.yearTo);
  add('minRating', f.minRating);
  add('runtimeMin', f.runtimeMin);
  add('runtimeMax', f.runtimeMax);
  add('language', f.language);
  if (f.sort !== DEFAULT_SORT) add('sort', f.sort);
  if (f.page > 1) add('page', f.page);
  return parts.length > 0 ? `?${parts.join('&')}` : '';
}

/** True when any filter narrows the results (sort and page do not). */
export const hasActiveFilters = (f: DiscoverFilters) =>
  f.genres.length > 0 ||
  [f.yearFrom, f.yearTo, f.minRating, f.runtimeMin, f.runtimeMax, f.language].some((v) => v !== undefined);
