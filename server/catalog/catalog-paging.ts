import type { CatalogItem } from '#shared/contracts/catalog';
import { toPage, type Page, type PageQuery } from '#shared/contracts/common';
import type { TmdbCache } from './tmdb-cache.ts';
import type { CacheEntrySpec, TmdbCacheRepository } from './tmdb-cache.repository.ts';
import { toCatalogItem } from './tmdb-mappers.ts';
import type { TmdbListPage } from './tmdb-schemas.ts';

// TMDB pages hold 20 results and stop at page 500.
export const TMDB_PAGE = 20;
const TMDB_MAX_PAGE = 500;

export interface PagingDeps {
  cache: TmdbCache;
  cacheRepo: TmdbCacheRepository;
  ttl: { listS: number };
  /** Told about every list page fetched from TMDB (never about cache hits): queues poster caching. */
  onUpstreamList?: (items: CatalogItem[]) => void;
  /** Told when remembering titles for the fallback search failed (the answer is served anyway). */
  onLearnError?: (err: unknown) => void;
}

/** Teaches the fallback search titles TMDB returned; a failure here never fails the request. */
export async function learnTitles(deps: PagingDeps, items: CatalogItem[]) {
  try {
    await deps.cacheRepo.rememberTitles(items);
  } catch (err) {
    deps.onLearnError?.(err);
  }
}

export interface MappedPage {
  items: CatalogItem[];
  totalResults: number;
}

export interface ListSource {
  /** The cache entry of one TMDB page. */
  keyOf: (tmdbPage: number) => Omit<CacheEntrySpec, 'page'>;
  fetchPage: (tmdbPage: number) => Promise<TmdbListPage | null>;
  kind: 'movie' | 'tv' | 'person';
}

export function mapPage(kind: 'movie' | 'tv' | 'person') {
  return (raw: TmdbListPage): MappedPage => ({
    items: raw.results.map((r) => toCatalogItem(r, kind)),
    totalResults: Math.min(raw.total_results, raw.total_pages * TMDB_PAGE, TMDB_MAX_PAGE * TMDB_PAGE),
  });
}

function tmdbPage(deps: PagingDeps, src: ListSource, p: number): Promise<MappedPage | null> {
  const map = mapPage(src.kind);
  return deps.cache.get(
    { ...src.keyOf(p), page: p },
    deps.ttl.listS,
    async () => {
      const raw = await src.fetchPage(p);
      if (raw) {
        const items = map(raw).items;
        await learnTitles(deps, items);
        deps.onUpstreamList?.(items);
      }
      return raw;
    },
    map,
  );
}

/**
 * Items [start, start + count) of a TMDB list, read from its fixed 20-item pages (each cached on
 * its own). The first page says how many exist, so the others are fetched together.
 */
export async function listWindow(
  deps: PagingDeps,
  src: ListSource,
  start: number,
  count: number,
): Promise<{ items: CatalogItem[]; total: number }> {
  const first = Math.floor(start / TMDB_PAGE) + 1;
  if (count <= 0 || first > TMDB_MAX_PAGE) {
    // TMDB refuses pages past 500: past the end is an empty page, not an upstream error.
    const head = await tmdbPage(deps, src, 1);
    return { items: [], total: head?.totalResults ?? 0 };
  }
  const wanted = Math.min(Math.floor((start + count - 1) / TMDB_PAGE) + 1, TMDB_MAX_PAGE);
  const head = await tmdbPage(deps, src, first);
  if (!head) return { items: [], total: 0 };
  const total = head.totalResults;
  const last = Math.min(wanted, Math.max(first, Math.ceil(total / TMDB_PAGE)));
  const rest: (MappedPage | null)[] = [];
  if (head.items.length >= TMDB_PAGE && last > first) {
    const pages = [];
    for (let p = first + 1; p <= last; p++) pages.push(tmdbPage(deps, src, p));
    rest.push(...(await Promise.all(pages)));
  }
  const all: CatalogItem[] = [...head.items];
  for (const page of rest) {
    if (!page) break;
    all.push(...page.items);
    if (page.items.length < TMDB_PAGE) break;
  }
  const offset = start - (first - 1) * TMDB_PAGE;
  return { items: all.slice(offset, offset + count), total };
}

/** Our page/limit over a TMDB list. */
export async function paged(deps: PagingDeps, src: ListSource, q: PageQuery): Promise<Page<CatalogItem>> {
  const { items, total } = await listWindow(deps, src, (q.page - 1) * q.limit, q.limit);
  return toPage(items, q, total);
}
