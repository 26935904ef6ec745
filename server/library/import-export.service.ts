import type { CatalogItem } from '#shared/contracts/catalog';
import type { MediaType } from '#shared/contracts/common';
import { WATCHLIST_MAX_ITEMS } from '#shared/contracts/library';
import { IMPORT_MAX_ROWS, type ImportReport, type LibraryExport } from '#shared/contracts/library-transfer';
import { search } from '../catalog/catalog-search.service.ts';
import { ConflictError, NotFoundError, ValidationError } from '../http/errors.ts';
import type { Viewer } from '../http/viewer.ts';
import { csvLine, parseCsv } from './csv.ts';
import { toView } from './custom-titles.service.ts';
import type { LibraryDeps } from './library.deps.ts';
import { apiMediaId, iso, mapLimit, refKey, toStoredRef, type StoredRef } from './media-ref.ts';
import { summaries } from './media.service.ts';
import { ownedList } from './watchlists.service.ts';

type Deps = Pick<LibraryDeps, 'repos' | 'catalog' | 'transaction' | 'publicChanged'>;

// ---------------------------------------------------------------------------------------------
// Export: everything the user owns, as one JSON document or one CSV with a `kind` column.

export async function exportLibrary(deps: Deps, viewer: Viewer): Promise<LibraryExport> {
  const user = await deps.repos.profiles.findById(viewer.userId);
  if (!user) throw new NotFoundError('User');
  const [favorites, lists, reviews, customTitles] = await Promise.all([
    deps.repos.favorites.allByUser(viewer.userId, 100_000),
    deps.repos.watchlists.allByOwner(viewer.userId),
    deps.repos.reviews.allByUser(viewer.userId),
    deps.repos.customTitles.allByOwner(viewer.userId),
  ]);
  const items = await deps.repos.items.listByWatchlists(lists.map((l) => l.id));
  const media = await summaries(deps, [...favorites, ...items, ...reviews] as StoredRef[]);
  const title = (r: { mediaType: string; mediaId: string }) => {
    const m = media.get(refKey(r));
    return {
      mediaType: r.mediaType as MediaType,
      mediaId: apiMediaId(r),
      title: m?.title ?? null,
      year: m?.year ?? null,
    };
  };
  return {
    exportedAt: new Date().toISOString(),
    user: { id: user.id, username: user.username, displayName: user.displayName },
    favorites: favorites.map((f) => ({ ...title(f), createdAt: iso(f.createdAt) })),
    watchlists: lists.map((l) => ({
      id: l.id,
      name: l.name,
      description: l.description,
      isPublic: l.isPublic,
      createdAt: iso(l.createdAt),
      items: items
        .filter((i) => i.watchlistId === l.id)
        .map((i) => ({ ...title(i), position: i.position, notes: i.notes, addedAt: iso(i.addedAt) })),
    })),
    reviews: reviews.map((r) => ({
      ...title(r),
      rating: r.rating,
      content: r.content,
      status: r.status,
      createdAt: iso(r.createdAt),
      updatedAt: iso(r.updatedAt),
    })),
    customTitles: customTitles.map(toView),
  };
}

export const EXPORT_CSV_COLUMNS = [
  'kind',
  'list',
  'position',
  'mediaType',
  'mediaId',
  'title',
  'year',
  'rating',
  'notes',
  'text',
  'isPublic',
  'imageUrl',
  'status',
  'createdAt',
] as const;
type CsvRow = Partial<Record<(typeof EXPORT_CSV_COLUMNS)[number], string | number | boolean | null>>;

/** The same export flattened: one row per favorite, list, list item, review and custom title. */
export function exportToCsv(data: LibraryExport): string {
  const rows: CsvRow[] = [];
  for (const f of data.favorites) rows.push({ kind: 'favorite', ...f });
  for (const l of data.watchlists) {
    rows.push({ kind: 'watchlist', list: l.name, text: l.description, isPublic: l.isPublic, createdAt: l.createdAt });
    for (const i of l.items) rows.push({ kind: 'watchlist_item', list: l.name, ...i, createdAt: i.addedAt });
  }
  for (const r of data.reviews) rows.push({ kind: 'review', ...r, text: r.content });
  for (const c of data.customTitles) {
    rows.push({
      kind: 'custom_title',
      mediaType: 'custom',
      mediaId: c.id,
      title: c.title,
      year: c.year,
      imageUrl: c.imageUrl,
      createdAt: c.createdAt,
    });
  }
  const lines = [EXPORT_CSV_COLUMNS.join(','), ...rows.map((r) => csvLine(EXPORT_CSV_COLUMNS.map((k) => r[k])))];
  return `${lines.join('\r\n')}\r\n`;
}

// ---------------------------------------------------------------------------------------------
// Import: a Letterboxd (Name, Year) or IMDb (Title, Year, Const, Title Type) CSV into a watchlist.

interface ImportRow {
  row: number;
  title: string;
  original: string | null;
  year: number | null;
  kind: 'movie' | 'tv';
}

/** Lower case, no accents or punctuation, "&" as "and": "Amélie" = "amelie", "Se7en" stays. */
export const normalizeTitle = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

const TV_TYPES = new Set(['tvseries', 'tvminiseries', 'tv series', 'tv mini series', 'tvshort', 'tv']);
const TRAILING_YEAR = /\(?(18[7-9]|19\d|20\d)\d\)?$/;

function readRows(csv: string): ImportRow[] {
  const records = parseCsv(csv, IMPORT_MAX_ROWS + 1);
  const header = (records[0] ?? []).map((h) => h.trim().toLowerCase());
  const col = (...names: string[]) => header.findIndex((h) => names.includes(h));
  const titleCol = col('name', 'title');
  if (titleCol < 0)
    throw new ValidationError([
      { field: 'csv', message: 'needs a header row with a Name (Letterboxd) or Title (IMDb) column' },
    ]);
  if (records.length - 1 > IMPORT_MAX_ROWS) {
    throw new ValidationError([{ field: 'csv', message: `has more than ${IMPORT_MAX_ROWS} rows; split it` }]);
  }
  const yearCol = col('year');
  const originalCol = col('original title');
  const typeCol = col('title type', 'type');
  return records.slice(1).flatMap((r, i) => {
    const title = (r[titleCol] ?? '').trim();
    if (!title) return [];
    const y = Number((r[yearCol] ?? '').trim());
    const type = (r[typeCol] ?? '').trim().toLowerCase();
    return [
      {
        row: i + 2,
        title: title.slice(0, 200),
        original: (r[originalCol] ?? '').trim() || null,
        year: Number.isInteger(y) && y >= 1870 && y <= 2200 ? y : null,
        kind: TV_TYPES.has(type) ? ('tv' as const) : ('movie' as const),
      },
    ];
  });
}

/** The catalog's title with the same name (and, given a year, within a year of it), else null. */
async function matchRow(deps: Deps, r: ImportRow): Promise<CatalogItem | null> {
  const names = new Set([normalizeTitle(r.title), ...(r.original ? [normalizeTitle(r.original)] : [])]);
  const pick = (items: CatalogItem[]) =>
    items
      .filter((i) => i.mediaType === r.kind && names.has(normalizeTitle(i.title)))
      .filter((i) => r.year === null || i.year === null || Math.abs(i.year - r.year) <= 1)
      .sort((a, b) => Math.abs((a.year ?? 0) - (r.year ?? 0)) - Math.abs((b.year ?? 0) - (r.year ?? 0)))[0] ?? null;
  const find = async (q: string) => (await search(deps.catalog, { q, type: r.kind, page: 1, limit: 20 })).items;
  const first = await find(r.year ? `${r.title} ${r.year}` : r.title);
  const hit = pick(first);
  // Release years differ between sites by a year or so; try once more without the year, unless the
  // title itself ends in a year (the search would read it as one).
  if (hit || r.year === null || TRAILING_YEAR.test(r.title)) return hit;
  return pick(await find(r.title));
}

/** Matches every row against the catalog, then adds the matches to the list in one transaction. */
export async function importIntoWatchlist(
  deps: Deps,
  viewer: Viewer,
  watchlistId: string,
  csv: string,
): Promise<ImportReport> {
  await ownedList(deps.repos, viewer, watchlistId); // 404/403 before any work
  const rows = readRows(csv);
  const found = await mapLimit(rows, 6, (r) => matchRow(deps, r));
  const matchedRows = rows.flatMap((r, i) => (found[i] ? [{ r, item: found[i]! }] : []));
  const refs = [
    ...new Map(
      matchedRows.map(({ item }) => [
        refKey({ mediaType: item.mediaType, mediaId: item.id }),
        toStoredRef({ mediaType: item.mediaType as 'movie' | 'tv', mediaId: item.id }),
      ]),
    ).values(),
  ];

  const { itemIds, preexisting, isPublic } = await deps.transaction(async (repos) => {
    const list = await ownedList(repos, viewer, watchlistId, { lock: true });
    const existing = await repos.items.existing(watchlistId, refs);
    const ids = new Map(existing.map((e) => [refKey(e), e.id]));
    const fresh = refs.filter((r) => !ids.has(refKey(r)));
    const { count, maxPosition } = await repos.items.stats(watchlistId);
    if (count + fresh.length > WATCHLIST_MAX_ITEMS) {
      throw new ConflictError(
        `A watchlist holds at most ${WATCHLIST_MAX_ITEMS} titles; this import would make ${count + fresh.length}`,
      );
    }
    const inserted = await repos.items.insertMany(
      watchlistId,
      fresh.map((ref, i) => ({ ref, position: maxPosition + 1 + i })),
    );
    for (const row of inserted) ids.set(refKey(row), row.id);
    if (inserted.length) await repos.watchlists.touch(watchlistId);
    return { itemIds: ids, preexisting: new Set(existing.map((e) => refKey(e))), isPublic: list.isPublic };
  });
  if (isPublic) deps.publicChanged();

  const seen = new Set<string>();
  const report: ImportReport = { matched: [], unmatched: [] };
  rows.forEach((r, i) => {
    const item = found[i];
    if (!item) {
      report.unmatched.push({ row: r.row, title: r.title, year: r.year });
      return;
    }
    const key = refKey({ mediaType: item.mediaType, mediaId: item.id });
    report.matched.push({
      row: r.row,
      title: item.title,
      year: item.year,
      mediaType: item.mediaType as MediaType,
      mediaId: item.id,
      itemId: itemIds.get(key)!,
      alreadyInList: preexisting.has(key) || seen.has(key),
    });
    seen.add(key);
  });
  return report;
}
