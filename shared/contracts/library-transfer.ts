import { z } from 'zod';
import { MediaType } from './common.ts';
import { CustomTitleView, MediaId, PersonSummary } from './library.ts';

// Import (Letterboxd / IMDb CSV into a watchlist) and export (everything a user owns).
const IsoDate = z.string();
const Uuid = z.string().uuid();

export const IMPORT_MAX_ROWS = 1000;
export const IMPORT_MAX_CHARS = 512 * 1024;
export const ImportBody = z
  .object({
    csv: z.string().min(1, 'is required').max(IMPORT_MAX_CHARS, `must be at most ${IMPORT_MAX_CHARS} characters`),
  })
  .strict();
export const ImportReport = z.object({
  matched: z.array(
    z.object({
      /** The CSV record number, the header being 1 (as a spreadsheet shows it). */
      row: z.number().int(),
      title: z.string(),
      year: z.number().int().nullable(),
      mediaType: MediaType,
      mediaId: MediaId,
      itemId: Uuid,
      /** The title was already on the list; nothing was added for this row. */
      alreadyInList: z.boolean(),
    }),
  ),
  unmatched: z.array(z.object({ row: z.number().int(), title: z.string(), year: z.number().int().nullable() })),
});
export type ImportReport = z.infer<typeof ImportReport>;

export const ExportQuery = z.object({ format: z.enum(['json', 'csv']).default('json') }).strict();
const ExportTitle = {
  mediaType: MediaType,
  mediaId: MediaId,
  title: z.string().nullable(),
  year: z.number().int().nullable(),
};
export const LibraryExport = z.object({
  exportedAt: IsoDate,
  user: PersonSummary,
  favorites: z.array(z.object({ ...ExportTitle, createdAt: IsoDate })),
  watchlists: z.array(
    z.object({
      id: Uuid,
      name: z.string(),
      description: z.string().nullable(),
      isPublic: z.boolean(),
      createdAt: IsoDate,
      items: z.array(
        z.object({ ...ExportTitle, position: z.number().int(), notes: z.string().nullable(), addedAt: IsoDate }),
      ),
    }),
  ),
  reviews: z.array(
    z.object({
      ...ExportTitle,
      rating: z.number(),
      content: z.string(),
      status: z.string(),
      createdAt: IsoDate,
      updatedAt: IsoDate,
    }),
  ),
  customTitles: z.array(CustomTitleView),
});
export type LibraryExport = z.infer<typeof LibraryExport>;
