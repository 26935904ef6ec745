import { and, desc, eq, inArray, lt, sql } from 'drizzle-orm';
import { catalogTitles, tmdbCache } from '#shared/schema';
import { CatalogItem } from '#shared/contracts/catalog';
import type { Executor } from '../db/database.ts';

export interface CacheEntrySpec {
  key: string;
  type: string;
  category: string;
  tmdbId?: number | null;
  page?: number | null;
}

export interface EntryFilter {
  type?: string;
  category?: string;
}

const entryWhere = (filter: EntryFilter) => {
  const conds = [];
  if (filter.type) conds.push(eq(tmdbCache.type, filter.type));
  if (filter.category) conds.push(eq(tmdbCache.category, filter.category));
  return conds.length ? and(...conds) : undefined;
};

export function createTmdbCacheRepository(db: Executor) {
  return {
    async find(key: string) {
      const [row] = await db
        .select({ data: tmdbCache.data, expiresAt: tmdbCache.expiresAt })
        .from(tmdbCache)
        .where(eq(tmdbCache.cacheKey, key));
      return row ?? null;
    },
    async upsert(spec: CacheEntrySpec, data: unknown, expiresAt: Date) {
      const values = {
        cacheKey: spec.key,
        type: spec.type,
        category: spec.category,
        tmdbId: spec.tmdbId ?? null,
        page: spec.page ?? null,
        data,
        fetchedAt: new Date(),
        expiresAt,
      };
      await db
        .insert(tmdbCache)
        .values(values)
        .onConflictDoUpdate({
          target: tmdbCache.cacheKey,
          set: { data, fetchedAt: values.fetchedAt, expiresAt },
        });
    },
    async remove(key: string) {
      await db.delete(tmdbCache).where(eq(tmdbCache.cacheKey, key));
    },
    /**
     * Entries of these types that expired before `before`: searches and discover queries are a
     * long tail of one-off keys that would otherwise be kept (for stale serving) for ever.
     */
    async pruneExpired(types: string[], before: Date) {
      const rows = await db
        .delete(tmdbCache)
        .where(and(inArray(tmdbCache.type, types), lt(tmdbCache.expiresAt, before)))
        .returning({ key: tmdbCache.cacheKey });
      return rows.length;
    },
    /** Remembers titles seen in TMDB answers, for the fallback search. */
    async rememberTitles(items: CatalogItem[]) {
      // One row per title (an insert may not touch a row twice), stored as a list item only.
      const seen = new Map<string, CatalogItem>();
      for (const i of items) {
        if ((i.mediaType === 'movie' || i.mediaType === 'tv') && typeof i.id === 'number' && i.title) {
          seen.set(`${i.mediaType}:${i.id}`, CatalogItem.parse(i));
        }
      }
      // Sorted, so two concurrent upserts lock rows in the same order and cannot deadlock.
      const rows = [...seen.values()]
        .sort((a, b) => a.mediaType.localeCompare(b.mediaType) || Number(a.id) - Number(b.id))
        .map((i) => ({
          mediaType: i.mediaType,
          tmdbId: i.id as number,
          searchTitle: normalizeTitle(i.title),
          year: i.year,
          popularity: i.popularity,
          item: i,
          updatedAt: new Date(),
        }));
      if (rows.length === 0) return;
      await db
        .insert(catalogTitles)
        .values(rows)
        .onConflictDoUpdate({
          target: [catalogTitles.mediaType, catalogTitles.tmdbId],
          set: {
            searchTitle: sql`excluded.search_title`,
            year: sql`excluded.year`,
            popularity: sql`excluded.popularity`,
            item: sql`excluded.item`,
            updatedAt: sql`excluded.updated_at`,
          },
        });
    },
    /** Titles already seen whose names resemble the query (pg_trgm word similarity), best first. */
    async similarTitles(query: string, opts: { mediaType?: 'movie' | 'tv'; year?: number; limit: number }) {
      const q = normalizeTitle(query);
      const conds = [sql`${q} <% ${catalogTitles.searchTitle}`];
      if (opts.mediaType) conds.push(eq(catalogTitles.mediaType, opts.mediaType));
      if (opts.year) conds.push(eq(catalogTitles.year, opts.year));
      const rows = await db
        .select({ item: catalogTitles.item })
        .from(catalogTitles)
        .where(and(...conds))
        .orderBy(
          sql`word_similarity(${q}, ${catalogTitles.searchTitle}) desc`,
          sql`${catalogTitles.popularity} desc nulls last`,
        )
        .limit(opts.limit);
      return rows.map((r) => r.item as CatalogItem);
    },
    async count() {
      const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(tmdbCache);
      return row?.n ?? 0;
    },
    /** Entries by type and category, newest first, without their bodies. */
    async listEntries(filter: EntryFilter, page: { offset: number; limit: number }) {
      const where = entryWhere(filter);
      const [rows, [total]] = await Promise.all([
        db
          .select({
            key: tmdbCache.cacheKey,
            type: tmdbCache.type,
            category: tmdbCache.category,
            tmdbId: tmdbCache.tmdbId,
            page: tmdbCache.page,
            fetchedAt: tmdbCache.fetchedAt,
            expiresAt: tmdbCache.expiresAt,
            bytes: sql<number>`octet_length(${tmdbCache.data}::text)`,
          })
          .from(tmdbCache)
          .where(where)
          .orderBy(desc(tmdbCache.fetchedAt), tmdbCache.cacheKey)
          .offset(page.offset)
          .limit(page.limit),
        db
          .select({ n: sql<number>`count(*)::int` })
          .from(tmdbCache)
          .where(where),
      ]);
      return { rows, total: total?.n ?? 0 };
    },
    /** Entry counts per type and category, with how many have expired (served stale until refreshed). */
    async countByType() {
      return db
        .select({
          type: tmdbCache.type,
          category: tmdbCache.category,
          entries: sql<number>`count(*)::int`,
          expired: sql<number>`(count(*) filter (where ${tmdbCache.expiresAt} <= now()))::int`,
        })
        .from(tmdbCache)
        .groupBy(tmdbCache.type, tmdbCache.category)
        .orderBy(tmdbCache.type, tmdbCache.category);
    },
    /** Deletes the matching entries; returns how many went. */
    async purge(filter: EntryFilter) {
      const rows = await db.delete(tmdbCache).where(entryWhere(filter)).returning({ key: tmdbCache.cacheKey });
      return rows.length;
    },
  };
}
export type TmdbCacheRepository = ReturnType<typeof createTmdbCacheRepository>;

/** Lower case, accents stripped: "Amélie" and "amelie" compare equal. */
export const normalizeTitle = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();
