import { CatalogItem } from '#shared/contracts/catalog';
import * as catalog from '../catalog/catalog.service.ts';
import { NotFoundError } from '../http/errors.ts';
import { customImagePath } from '../images/custom-images.service.ts';
import type { CustomTitleRow } from './custom-titles.repository.ts';
import type { LibraryDeps } from './library.deps.ts';
import { mapLimit, refKey, type StoredRef } from './media-ref.ts';

type Deps = Pick<LibraryDeps, 'repos' | 'catalog'>;

/** A custom title in the catalog's item shape (search results, cards, summaries). */
export function customItem(
  row: Pick<CustomTitleRow, 'id' | 'title' | 'year' | 'imageUrl' | 'imageReady'>,
): CatalogItem {
  return {
    id: row.id,
    mediaType: 'custom',
    title: row.title,
    releaseDate: null,
    year: row.year ? Number(row.year) : null,
    // Shown once a background job has fetched imageUrl safely and stored it (custom-title-images.ts).
    posterUrl: row.imageReady && row.imageUrl ? customImagePath(row.id, row.imageUrl) : null,
    backdropUrl: null,
    voteAverage: null,
    voteCount: null,
    genreIds: [],
    popularity: null,
  };
}

async function detailItem(deps: Deps, ref: StoredRef): Promise<CatalogItem> {
  const id = Number(ref.mediaId);
  const detail =
    ref.mediaType === 'movie' ? await catalog.movieDetail(deps.catalog, id) : await catalog.tvDetail(deps.catalog, id);
  return CatalogItem.parse(detail);
}

/**
 * The title exists (movie/TV in the catalog, custom in our table) or NotFoundError. Movie and TV
 * titles are remembered in the catalog's title index, so list pages find their summaries in one query.
 */
export async function requireTitle(deps: Deps, ref: StoredRef): Promise<CatalogItem> {
  if (ref.mediaType === 'custom') {
    const row = await deps.repos.customTitles.findById(ref.mediaId);
    if (!row) throw new NotFoundError('Custom title');
    return customItem(row);
  }
  const item = await detailItem(deps, ref);
  await deps.catalog.cacheRepo.rememberTitles([item]);
  return item;
}

/**
 * Catalog summaries for a page of library rows, by `refKey`: one query for TMDB titles (the title
 * index) and one for custom titles, whatever the page size. A title the index has never seen
 * (rare: it was added before the index existed) is loaded through the catalog cache, in parallel,
 * and remembered; one that cannot be loaded now is left out (its row shows no summary).
 */
export async function summaries(deps: Deps, refs: readonly StoredRef[]): Promise<Map<string, CatalogItem>> {
  const out = new Map<string, CatalogItem>();
  const movie = new Set<number>();
  const tv = new Set<number>();
  const custom = new Set<string>();
  for (const r of refs) {
    if (r.mediaType === 'movie') movie.add(Number(r.mediaId));
    else if (r.mediaType === 'tv') tv.add(Number(r.mediaId));
    else custom.add(r.mediaId);
  }
  const [indexed, customs] = await Promise.all([
    deps.repos.media.catalogItems({ movie: [...movie], tv: [...tv] }),
    deps.repos.customTitles.byIds([...custom]),
  ]);
  for (const row of indexed) {
    const item = CatalogItem.safeParse(row.item);
    if (item.success) out.set(refKey({ mediaType: row.mediaType, mediaId: row.tmdbId }), item.data);
  }
  for (const row of customs) out.set(refKey({ mediaType: 'custom', mediaId: row.id }), customItem(row));

  const missing = refs.filter((r) => r.mediaType !== 'custom' && !out.has(refKey(r)));
  const unique = [...new Map(missing.map((r) => [refKey(r), r])).values()];
  if (unique.length > 0) {
    const loaded = await mapLimit(unique, 8, (r) => detailItem(deps, r).catch(() => null));
    const found = loaded.filter((i): i is CatalogItem => i !== null);
    for (const item of found) out.set(refKey({ mediaType: item.mediaType, mediaId: item.id }), item);
    if (found.length) await deps.catalog.cacheRepo.rememberTitles(found);
  }
  return out;
}
