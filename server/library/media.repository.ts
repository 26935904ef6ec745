import { and, eq, inArray, or } from 'drizzle-orm';
import { catalogTitles } from '#shared/schema';
import type { Executor } from '../db/database.ts';

/** Reads the catalog's title index (catalog_titles) in one query per page of library rows. */
export function createMediaRepository(db: Executor) {
  return {
    /** Catalog items remembered for these TMDB ids, whatever their number: one query. */
    async catalogItems(refs: { movie: number[]; tv: number[] }) {
      const conds = [];
      if (refs.movie.length)
        conds.push(and(eq(catalogTitles.mediaType, 'movie'), inArray(catalogTitles.tmdbId, refs.movie)));
      if (refs.tv.length) conds.push(and(eq(catalogTitles.mediaType, 'tv'), inArray(catalogTitles.tmdbId, refs.tv)));
      if (conds.length === 0) return [];
      return db
        .select({ mediaType: catalogTitles.mediaType, tmdbId: catalogTitles.tmdbId, item: catalogTitles.item })
        .from(catalogTitles)
        .where(or(...conds));
    },
  };
}
export type MediaRepository = ReturnType<typeof createMediaRepository>;
