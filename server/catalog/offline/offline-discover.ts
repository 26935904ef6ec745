// /discover/movie and /discover/tv: real filtering and sorting over the whole snapshot. Sorted orders
// are cached per sort key, so a request is one filtered walk over an already sorted array.
import {
  SYNTHETIC_KEYWORD_ID_OFFSET,
  type OfflineCatalog,
  type OfflineMovie,
  type OfflineShow,
} from './offline-data.ts';
import { invalidParameters, type QueryParams } from './offline-params.ts';

type Predicate<T> = (item: T) => boolean;

/**
 * Movies without a vote count come from a source that only took titles with at least 100 votes;
 * vote_count filters use that as their count (a lower bound, so "at most N votes" excludes them).
 */
const UNCOUNTED_MIN_VOTES = 100;

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

type SortValue = number | string | null;

const MOVIE_SORTS: Record<string, (m: OfflineMovie) => SortValue> = {
  popularity: (m) => m.popularity,
  vote_average: (m) => m.vote_average,
  vote_count: (m) => m.vote_count,
  primary_release_date: (m) => m.releaseMs,
  release_date: (m) => m.releaseMs,
  title: (m) => m.title,
  original_title: (m) => m.original_title,
  revenue: (m) => m.revenue,
};

const TV_SORTS: Record<string, (s: OfflineShow) => SortValue> = {
  popularity: (s) => s.popularity,
  vote_average: (s) => s.vote_average,
  vote_count: (s) => s.vote_count,
  first_air_date: (s) => s.firstAirMs,
  name: (s) => s.name,
  original_name: (s) => s.original_name,
};

// TMDB's with_status and with_type take these numeric codes.
const TV_STATUS_CODES: Record<string, string> = {
  '0': 'Returning Series',
  '1': 'Planned',
  '2': 'In Production',
  '3': 'Ended',
  '4': 'Canceled',
  '5': 'Pilot',
};
const TV_TYPE_CODES: Record<string, string> = {
  '0': 'Documentary',
  '1': 'News',
  '2': 'Miniseries',
  '3': 'Reality',
  '4': 'Scripted',
  '5': 'Talk Show',
  '6': 'Video',
};

interface SortCaches {
  movie: Map<string, readonly OfflineMovie[]>;
  tv: Map<string, readonly OfflineShow[]>;
}
const sortCaches = new WeakMap<OfflineCatalog, SortCaches>();

function cachesFor(catalog: OfflineCatalog): SortCaches {
  let caches = sortCaches.get(catalog);
  if (caches === undefined) {
    caches = { movie: new Map(), tv: new Map() };
    sortCaches.set(catalog, caches);
  }
  return caches;
}

function compareValues(a: SortValue, b: SortValue): number {
  if (typeof a === 'string' && typeof b === 'string') return collator.compare(a, b);
  return Number(a) - Number(b);
}

/** Sorted copy, unknown values last in either direction; ties by popularity, then id. */
function sortedBy<T extends { popularity: number; id: number }>(
  cache: Map<string, readonly T[]>,
  items: readonly T[],
  sorts: Record<string, (item: T) => SortValue>,
  sortBy: string,
): readonly T[] {
  const match = /^([a-z_]+)\.(asc|desc)$/.exec(sortBy);
  const key = match?.[1];
  const read = key !== undefined && Object.hasOwn(sorts, key) ? sorts[key] : undefined;
  if (match === null || read === undefined) throw invalidParameters();
  const dir = match[2] === 'asc' ? 1 : -1;
  const hit = cache.get(sortBy);
  if (hit !== undefined) return hit;
  const sorted = [...items].sort((a, b) => {
    const va = read(a);
    const vb = read(b);
    if (va === null || vb === null) return va === vb ? 0 : va === null ? 1 : -1;
    return dir * compareValues(va, vb) || b.popularity - a.popularity || a.id - b.id;
  });
  cache.set(sortBy, sorted);
  return sorted;
}

function range<T>(pred: Predicate<T>[], read: (item: T) => number | null, gte?: number, lte?: number): void {
  if (gte !== undefined) pred.push((item) => (read(item) ?? Number.NaN) >= gte);
  if (lte !== undefined) pred.push((item) => (read(item) ?? Number.NaN) <= lte);
}

// A title's id lists (genres, cast, keywords) are short, so includes() beats building sets per title.
function addGroups<T>(pred: Predicate<T>[], groups: number[][] | undefined, ids: (item: T) => readonly number[]): void {
  if (groups === undefined) return;
  pred.push((item) => {
    const own = ids(item);
    return groups.every((group) => group.some((id) => own.includes(id)));
  });
}

function addWithout<T>(
  pred: Predicate<T>[],
  groups: number[][] | undefined,
  ids: (item: T) => readonly number[],
): void {
  if (groups === undefined) return;
  const banned = new Set(groups.flat());
  pred.push((item) => !ids(item).some((id) => banned.has(id)));
}

function movieKeywordIds(m: OfflineMovie): number[] {
  return m.keywords.map((k) => SYNTHETIC_KEYWORD_ID_OFFSET + k);
}

function moviePeople(m: OfflineMovie, role: 'cast' | 'crew' | 'any'): number[] {
  const cast = role === 'crew' ? [] : m.cast.map((c) => c.id);
  const crew = role === 'cast' ? [] : m.crew.map((c) => c.id);
  return [...cast, ...crew];
}

export function discoverMovies(catalog: OfflineCatalog, q: QueryParams): readonly OfflineMovie[] {
  const pred: Predicate<OfflineMovie>[] = [];
  addGroups(pred, q.idGroups('with_genres'), (m) => m.genre_ids);
  addWithout(pred, q.idGroups('without_genres'), (m) => m.genre_ids);
  addGroups(pred, q.idGroups('with_keywords'), movieKeywordIds);
  addWithout(pred, q.idGroups('without_keywords'), movieKeywordIds);
  addGroups(pred, q.idGroups('with_cast'), (m) => moviePeople(m, 'cast'));
  addGroups(pred, q.idGroups('with_crew'), (m) => moviePeople(m, 'crew'));
  addGroups(pred, q.idGroups('with_people'), (m) => moviePeople(m, 'any'));
  addGroups(pred, q.idGroups('with_companies'), (m) => m.production_companies.map((c) => c.id));
  addWithout(pred, q.idGroups('without_companies'), (m) => m.production_companies.map((c) => c.id));
  const year = q.integer('primary_release_year') ?? q.integer('year');
  if (year !== undefined) pred.push((m) => m.year === year);
  range(pred, (m) => m.releaseMs, q.date('primary_release_date.gte'), q.date('primary_release_date.lte'));
  range(pred, (m) => m.releaseMs, q.date('release_date.gte'), q.date('release_date.lte'));
  range(pred, (m) => m.vote_average, q.number('vote_average.gte'), q.number('vote_average.lte'));
  range(pred, (m) => m.vote_count ?? UNCOUNTED_MIN_VOTES, q.number('vote_count.gte'));
  range(pred, (m) => m.vote_count, undefined, q.number('vote_count.lte'));
  range(pred, (m) => m.runtime, q.number('with_runtime.gte'), q.number('with_runtime.lte'));
  const languages = q.list('with_original_language');
  if (languages !== undefined)
    pred.push((m) => m.original_language !== null && languages.includes(m.original_language));
  const countries = q.list('with_origin_country');
  if (countries !== undefined) pred.push((m) => m.origin_country.some((c) => countries.includes(c)));
  // The catalog's certifications are US ratings (from the IMDB 5000 set).
  const certifications = q.list('certification');
  const certCountry = q.string('certification_country');
  if (certifications !== undefined && (certCountry === undefined || certCountry === 'US')) {
    pred.push((m) => m.certification !== null && certifications.includes(m.certification));
  }
  if (q.boolean('include_adult') !== true) pred.push((m) => m.adult !== true);
  const sorted = sortedBy(
    cachesFor(catalog).movie,
    catalog.movies,
    MOVIE_SORTS,
    q.string('sort_by') ?? 'popularity.desc',
  );
  return sorted.filter((m) => pred.every((p) => p(m)));
}

function codes(q: QueryParams, name: string, table: Record<string, string>): string[] | undefined {
  const list = q.list(name);
  if (list === undefined) return undefined;
  return list.map((code) => {
    const value = Object.hasOwn(table, code) ? table[code] : undefined;
    if (value === undefined) throw invalidParameters();
    return value;
  });
}

export function discoverShows(catalog: OfflineCatalog, q: QueryParams): readonly OfflineShow[] {
  const pred: Predicate<OfflineShow>[] = [];
  addGroups(pred, q.idGroups('with_genres'), (s) => s.genre_ids);
  addWithout(pred, q.idGroups('without_genres'), (s) => s.genre_ids);
  addGroups(pred, q.idGroups('with_networks'), (s) => s.networks.map((n) => n.id));
  const year = q.integer('first_air_date_year');
  if (year !== undefined) pred.push((s) => s.first_air_date?.startsWith(`${year}-`) === true);
  range(pred, (s) => s.firstAirMs, q.date('first_air_date.gte'), q.date('first_air_date.lte'));
  // "Has an episode airing in the range": the show's run overlaps it (a running show has no end).
  const airGte = q.date('air_date.gte');
  const airLte = q.date('air_date.lte');
  if (airGte !== undefined)
    pred.push((s) => (s.in_production === true ? Infinity : (s.lastAirMs ?? -Infinity)) >= airGte);
  if (airLte !== undefined) pred.push((s) => s.firstAirMs !== null && s.firstAirMs <= airLte);
  range(pred, (s) => s.vote_average, q.number('vote_average.gte'), q.number('vote_average.lte'));
  range(pred, (s) => s.vote_count, q.number('vote_count.gte'), q.number('vote_count.lte'));
  const runGte = q.number('with_runtime.gte');
  const runLte = q.number('with_runtime.lte');
  if (runGte !== undefined || runLte !== undefined) {
    pred.push((s) => s.episode_run_time.some((r) => r >= (runGte ?? -Infinity) && r <= (runLte ?? Infinity)));
  }
  const languages = q.list('with_original_language');
  if (languages !== undefined)
    pred.push((s) => s.original_language !== null && languages.includes(s.original_language));
  const countries = q.list('with_origin_country');
  if (countries !== undefined) pred.push((s) => s.origin_country.some((c) => countries.includes(c)));
  const statuses = codes(q, 'with_status', TV_STATUS_CODES);
  if (statuses !== undefined) pred.push((s) => s.status !== null && statuses.includes(s.status));
  const types = codes(q, 'with_type', TV_TYPE_CODES);
  if (types !== undefined) pred.push((s) => s.type !== null && types.includes(s.type));
  if (q.boolean('include_null_first_air_dates') !== true) pred.push((s) => s.first_air_date !== null);
  const sorted = sortedBy(cachesFor(catalog).tv, catalog.shows, TV_SORTS, q.string('sort_by') ?? 'popularity.desc');
  return sorted.filter((s) => pred.every((p) => p(s)));
}
