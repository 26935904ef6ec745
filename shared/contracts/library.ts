import { z } from 'zod';
import { CatalogItem } from './catalog.ts';
import { MediaType, PageQuery, pageOf } from './common.ts';
import { imageUrlProblem } from './safe-url.ts';

// Request and response shapes of the user's library: favorites, watchlists, reviews, custom
// titles, profiles, import and export. Routes validate with these, pages type with them, forms
// resolve with them, and /api/docs is generated from them.

const TmdbId = z.number().int().positive().max(2_147_483_647);
const CustomId = z.string().uuid();
const IsoDate = z.string();
const Uuid = z.string().uuid();

/** A title in our library: a TMDB id (integer) for movies and TV, our UUID for custom titles. */
const mediaRef = <S extends z.ZodRawShape>(extra: S) =>
  z.discriminatedUnion('mediaType', [
    z.object({ mediaType: z.enum(['movie', 'tv']), mediaId: TmdbId, ...extra }).strict(),
    z.object({ mediaType: z.literal('custom'), mediaId: CustomId, ...extra }).strict(),
  ]);
export const MediaRef = mediaRef({});
export type MediaRef = z.infer<typeof MediaRef>;
export const MediaId = z.union([z.number().int(), z.string()]);

/** The same reference read from a query string (`?mediaType=movie&mediaId=603`). */
const mediaQueryFields = { mediaType: MediaType.optional(), mediaId: z.string().max(64).optional() };
function checkMediaQuery(q: { mediaType?: string; mediaId?: string }, ctx: z.RefinementCtx, required: boolean) {
  if (q.mediaType === undefined && q.mediaId === undefined) {
    if (required) ctx.addIssue({ code: 'custom', path: ['mediaType'], message: 'mediaType and mediaId are required' });
    return;
  }
  if (q.mediaType === undefined)
    ctx.addIssue({ code: 'custom', path: ['mediaType'], message: 'is required with mediaId' });
  if (q.mediaId === undefined) {
    ctx.addIssue({ code: 'custom', path: ['mediaId'], message: 'is required with mediaType' });
    return;
  }
  const ok =
    q.mediaType === 'custom'
      ? CustomId.safeParse(q.mediaId).success
      : /^[1-9]\d{0,9}$/.test(q.mediaId) && Number(q.mediaId) <= 2_147_483_647;
  if (q.mediaType && !ok) {
    ctx.addIssue({
      code: 'custom',
      path: ['mediaId'],
      message: q.mediaType === 'custom' ? 'must be a custom title UUID' : 'must be a positive integer TMDB id',
    });
  }
}
export const MediaRefQuery = z
  .object(mediaQueryFields)
  .strict()
  .superRefine((q, ctx) => checkMediaQuery(q, ctx, true));

// ---------------------------------------------------------------------------------------------
// Library state: who is signed in and which titles they have favorited (drives every heart).

export const ViewerSummary = z.object({
  id: Uuid,
  username: z.string(),
  displayName: z.string().nullable(),
  isAdmin: z.boolean(),
});
export type ViewerSummary = z.infer<typeof ViewerSummary>;
export const FavoriteKey = z.object({ id: Uuid, mediaType: MediaType, mediaId: MediaId });
export type FavoriteKey = z.infer<typeof FavoriteKey>;
export const LibraryState = z.object({ viewer: ViewerSummary.nullable(), favorites: z.array(FavoriteKey) });
export type LibraryState = z.infer<typeof LibraryState>;

// ---------------------------------------------------------------------------------------------
// Favorites

export const FavoriteQuery = PageQuery.extend({ mediaType: MediaType.optional() }).strict();
export type FavoriteQuery = z.infer<typeof FavoriteQuery>;
export const FavoriteView = z.object({
  id: Uuid,
  mediaType: MediaType,
  mediaId: MediaId,
  createdAt: IsoDate,
  /** The title as the catalog shows it; null when it cannot be loaded right now (or was removed). */
  media: CatalogItem.nullable(),
});
export type FavoriteView = z.infer<typeof FavoriteView>;
export const FavoritePage = pageOf(FavoriteView);
export type FavoritePage = z.infer<typeof FavoritePage>;

// ---------------------------------------------------------------------------------------------
// Watchlists and their items

export const WATCHLIST_MAX_ITEMS = 1000;
const WatchlistName = z.string().trim().min(1, 'is required').max(100, 'must be at most 100 characters');
const WatchlistDescription = z.string().max(1000, 'must be at most 1000 characters');
const Notes = z.string().max(2000, 'must be at most 2000 characters');

export const CreateWatchlistBody = z
  .object({
    name: WatchlistName,
    description: WatchlistDescription.nullable().optional(),
    isPublic: z.boolean().default(false),
  })
  .strict();
export type CreateWatchlistBody = z.infer<typeof CreateWatchlistBody>;
export const UpdateWatchlistBody = z
  .object({
    name: WatchlistName.optional(),
    description: WatchlistDescription.nullable().optional(),
    isPublic: z.boolean().optional(),
  })
  .strict();
export type UpdateWatchlistBody = z.infer<typeof UpdateWatchlistBody>;
export const WatchlistQuery = PageQuery.strict();

export const PersonSummary = z.object({ id: Uuid, username: z.string(), displayName: z.string().nullable() });
export type PersonSummary = z.infer<typeof PersonSummary>;

export const WatchlistSummary = z.object({
  id: Uuid,
  name: z.string(),
  description: z.string().nullable(),
  isPublic: z.boolean(),
  ownerId: Uuid,
  itemCount: z.number().int(),
  createdAt: IsoDate,
  updatedAt: IsoDate,
});
export type WatchlistSummary = z.infer<typeof WatchlistSummary>;
export const WatchlistPage = pageOf(WatchlistSummary);
export type WatchlistPage = z.infer<typeof WatchlistPage>;

export const AddWatchlistItemBody = mediaRef({ notes: Notes.nullable().optional() });
export type AddWatchlistItemBody = z.infer<typeof AddWatchlistItemBody>;
export const UpdateWatchlistItemBody = z
  .object({
    notes: Notes.nullable().optional(),
    /** 1-based; a position past the end moves the item last. */
    position: z.number().int().min(1).max(WATCHLIST_MAX_ITEMS).optional(),
  })
  .strict();
export type UpdateWatchlistItemBody = z.infer<typeof UpdateWatchlistItemBody>;
export const WatchlistItemParams = z.object({ id: Uuid, itemId: Uuid });

export const WatchlistItemView = z.object({
  id: Uuid,
  watchlistId: Uuid,
  mediaType: MediaType,
  mediaId: MediaId,
  notes: z.string().nullable(),
  position: z.number().int(),
  addedAt: IsoDate,
  media: CatalogItem.nullable(),
});
export type WatchlistItemView = z.infer<typeof WatchlistItemView>;
export const WatchlistDetail = WatchlistSummary.extend({
  owner: PersonSummary,
  /** Whether the asking user may change this list (its owner). */
  canEdit: z.boolean(),
  items: z.array(WatchlistItemView),
});
export type WatchlistDetail = z.infer<typeof WatchlistDetail>;

// ---------------------------------------------------------------------------------------------
// Reviews

export const Rating = z
  .number()
  .min(0, 'must be between 0 and 10')
  .max(10, 'must be between 0 and 10')
  .multipleOf(0.5, 'must be a multiple of 0.5');
const ReviewContent = z.string().trim().min(1, 'is required').max(5000, 'must be at most 5000 characters');
/** The fields a person types; the form resolves with this, the route adds the title. */
export const ReviewFields = z.object({ rating: Rating, content: ReviewContent }).strict();
export type ReviewFields = z.infer<typeof ReviewFields>;
export const CreateReviewBody = mediaRef({ rating: Rating, content: ReviewContent });
export type CreateReviewBody = z.infer<typeof CreateReviewBody>;
export const UpdateReviewBody = z.object({ rating: Rating.optional(), content: ReviewContent.optional() }).strict();
export type UpdateReviewBody = z.infer<typeof UpdateReviewBody>;
export const ReportReviewBody = z
  .object({ reason: z.string().trim().min(1, 'is required').max(500, 'must be at most 500 characters') })
  .strict();
export type ReportReviewBody = z.infer<typeof ReportReviewBody>;

export const ReviewQuery = PageQuery.extend({ ...mediaQueryFields, userId: Uuid.optional() })
  .strict()
  .superRefine((q, ctx) => {
    checkMediaQuery(q, ctx, q.userId === undefined);
  });
export type ReviewQuery = z.infer<typeof ReviewQuery>;

export const ReviewView = z.object({
  id: Uuid,
  mediaType: MediaType,
  mediaId: MediaId,
  rating: z.number(),
  content: z.string(),
  createdAt: IsoDate,
  updatedAt: IsoDate,
  author: PersonSummary,
  media: CatalogItem.nullable(),
});
export type ReviewView = z.infer<typeof ReviewView>;
export const ReviewPage = pageOf(ReviewView);
export type ReviewPage = z.infer<typeof ReviewPage>;
export const ReviewSummary = z.object({
  /** Mean of our users' visible ratings, to two decimals; null with no ratings. */
  average: z.number().nullable(),
  count: z.number().int(),
});
export type ReviewSummary = z.infer<typeof ReviewSummary>;
export const ReportReceipt = z.object({ reviewId: Uuid, status: z.literal('received') });

// ---------------------------------------------------------------------------------------------
// Custom titles

const YEAR_RE = /^\d{4}$/;
export const CustomYear = z.string().superRefine((y, ctx) => {
  if (!YEAR_RE.test(y)) ctx.addIssue({ code: 'custom', message: 'must be a four-digit year (YYYY)' });
  else if (Number(y) < 1870 || Number(y) > new Date().getUTCFullYear() + 1) {
    ctx.addIssue({ code: 'custom', message: 'must be between 1870 and next year' });
  }
});
export const ImageUrl = z
  .string()
  .trim()
  .max(2048, 'must be at most 2048 characters')
  .superRefine((v, ctx) => {
    const problem = imageUrlProblem(v);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
// An empty form field means "none".
const blankToNull = (v: unknown) => (v === '' ? null : v);
export const CustomTitleBody = z
  .object({
    title: z.string().trim().min(1, 'is required').max(200, 'must be at most 200 characters'),
    year: z.preprocess(blankToNull, CustomYear.nullable()).optional(),
    imageUrl: z.preprocess(blankToNull, ImageUrl.nullable()).optional(),
  })
  .strict();
export type CustomTitleBody = z.infer<typeof CustomTitleBody>;
export const CustomTitleQuery = PageQuery.extend({
  owner: z.union([z.literal('me'), Uuid], { error: 'must be "me" or a user id' }).optional(),
}).strict();
export type CustomTitleQuery = z.infer<typeof CustomTitleQuery>;
export const CustomTitleView = z.object({
  id: Uuid,
  title: z.string(),
  year: z.string().nullable(),
  imageUrl: z.string().nullable(),
  /** Our copy of the image at imageUrl (/img/custom/:id…), once it has been fetched safely; else null. */
  posterUrl: z.string().nullable(),
  ownerId: Uuid,
  createdAt: IsoDate,
  updatedAt: IsoDate,
});
export type CustomTitleView = z.infer<typeof CustomTitleView>;
export const CustomTitlePage = pageOf(CustomTitleView);
export type CustomTitlePage = z.infer<typeof CustomTitlePage>;

// ---------------------------------------------------------------------------------------------
// Profiles

export const ProfileParams = z.object({ username: z.string().min(1).max(64) });
export const ProfileView = z.object({
  id: Uuid,
  username: z.string(),
  displayName: z.string().nullable(),
  profileImageUrl: z.string().nullable(),
  createdAt: IsoDate,
  watchlists: z.array(WatchlistSummary),
  reviews: z.array(ReviewView),
});
export type ProfileView = z.infer<typeof ProfileView>;
