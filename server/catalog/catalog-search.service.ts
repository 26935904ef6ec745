import type { CatalogItem, SearchQuery } from '#shared/contracts/catalog';
import { toPage, type Page, type PageQuery } from '#shared/contracts/common';
import { UpstreamUnavailableError } from '../http/errors.ts';
import { listWindow, type ListSource } from './catalog-paging.ts';
import type { CatalogDeps } from './catalog.service.ts';
import type { SearchKind } from './tmdb-client.ts';

/** Custom titles shown at the head of a multi search (type=custom pages through all of them). */
export const CUSTOM_IN_MULTI = 5;
/** A multi search with a year merges two lists; it looks this far into each. */
const YEAR_MERGE_DEPTH = 200;

/**
 * "matrix 1999" or "matrix (1999)" searches "matrix" released in 1999; a bare year stays a query,
 * and so does a number past next year ("Blade Runner 2049" is a title, not a year).
 */
export function splitYear(q: string, thisYear = new Date().getUTCFullYear()): { text: string; year?: number } {
  const m = /^(.*\S)\s+\(?((?:18[7-9]|19\d|20\d)\d)\)?$/.exec(q.trim());
  if (!m?.[1] || !m[2] || Number(m[2]) > thisYear + 1) return { text: q.trim() };
  return { text: m[1], year: Number(m[2]) };
}

function source(deps: CatalogDeps, kind: SearchKind, text: string, year: number | undefined): ListSource {
  const normalized = text.toLowerCase().replace(/\s+/g, ' ');
  return {
    keyOf: (p) => ({ key: `search:${kind}:${year ?? ''}:${normalized}:${p}`, type: 'search', category: kind }),
    fetchPage: (p) => deps.tmdb.search(kind, text, p, year),
    kind: kind === 'multi' ? 'movie' : kind,
  };
}

type Window = (start: number, count: number) => Promise<{ items: CatalogItem[]; total: number }>;

/**
 * TMDB's /search/multi ignores years, so "matrix 1999" searches movies and shows of that year
 * and merges them by popularity, as one list.
 */
function yearMerged(deps: CatalogDeps, text: string, year: number): Window {
  return async (start, count) => {
    // Always the same depth: merging a deeper prefix for a later page would reorder the earlier
    // pages' items, repeating some and skipping others (the lists are cached, so this is cheap).
    const depth = YEAR_MERGE_DEPTH;
    const [movies, shows] = await Promise.all([
      listWindow(deps, source(deps, 'movie', text, year), 0, depth),
      listWindow(deps, source(deps, 'tv', text, year), 0, depth),
    ]);
    const merged = [...movies.items, ...shows.items].sort((a, b) => (b.popularity ?? 0) - (a.popularity ?? 0));
    return {
      items: merged.slice(start, start + count),
      total: Math.min(movies.total + shows.total, YEAR_MERGE_DEPTH),
    };
  };
}

/** Custom titles first (a few), then TMDB's: one list, paged as one. */
function withCustomHead(custom: CatalogItem[], tmdb: Window): Window {
  return async (start, count) => {
    const head = custom.slice(start, start + count);
    const rest = await tmdb(Math.max(0, start - custom.length), count - head.length);
    return { items: [...head, ...rest.items], total: custom.length + rest.total };
  };
}

/** Titles already seen whose names look like the query: TMDB found nothing, or TMDB is away. */
function lookAlikes(deps: CatalogDeps, kind: SearchKind, text: string, year: number | undefined) {
  return deps.cacheRepo.similarTitles(text, {
    mediaType: kind === 'movie' || kind === 'tv' ? kind : undefined,
    year,
    limit: 100,
  });
}

const pageOfAll = (items: CatalogItem[], q: PageQuery) =>
  toPage(items.slice((q.page - 1) * q.limit, q.page * q.limit), q, items.length);

/**
 * GET /api/search. Results carry mediaType. A year at the end of the query filters by year; a
 * query TMDB finds nothing for (a typo TMDB's matching misses) falls back to trigram matches over
 * titles the cache has seen; with TMDB down and nothing cached, those matches are served too,
 * and only with none of them is it a 503.
 */
export async function search(deps: CatalogDeps, q: SearchQuery): Promise<Page<CatalogItem>> {
  const split = splitYear(q.q);
  if (split.year === undefined) return searchFor(deps, q, split);
  // "Wonder Woman 1984" is a title too: when the year filter finds nothing, the whole text is
  // searched, and its answer stands if the number is in a title it found.
  const filtered = await searchFor(deps, q, split);
  if (filtered.meta.total > 0 || q.type === 'person') return filtered;
  const whole = await searchFor(deps, q, { text: q.q.trim() });
  return whole.items.some((i) => i.title.includes(String(split.year))) ? whole : filtered;
}

async function searchFor(
  deps: CatalogDeps,
  q: SearchQuery,
  { text, year }: { text: string; year?: number },
): Promise<Page<CatalogItem>> {
  if (q.type === 'custom') {
    return (await deps.searchCustom?.({ text, year }, { page: q.page, limit: q.limit })) ?? toPage([], q, 0);
  }
  const kind = q.type;
  const tmdb: Window =
    kind === 'multi' && year !== undefined
      ? yearMerged(deps, text, year)
      : (start, count) =>
          listWindow(deps, source(deps, kind, text, kind === 'person' ? undefined : year), start, count);
  const custom =
    kind === 'multi' && deps.searchCustom
      ? (await deps.searchCustom({ text, year }, { page: 1, limit: CUSTOM_IN_MULTI })).items
      : [];
  let result;
  try {
    result = await withCustomHead(custom, tmdb)((q.page - 1) * q.limit, q.limit);
  } catch (err) {
    if (!(err instanceof UpstreamUnavailableError) || kind === 'person') throw err;
    const local = await lookAlikes(deps, kind, text, year);
    if (local.length === 0 && custom.length === 0) throw err;
    return pageOfAll([...custom, ...local], q);
  }
  if (result.total > custom.length || kind === 'person') return toPage(result.items, q, result.total);
  return pageOfAll([...custom, ...(await lookAlikes(deps, kind, text, year))], q);
}
