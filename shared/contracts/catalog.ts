import { z } from 'zod';
import { PageQuery, pageOf } from './common.ts';

/** Every movie/show/person in a list, in our shape (TMDB's names never reach the client). */
export const CatalogItem = z.object({
  id: z.union([z.number().int(), z.string()]),
  mediaType: z.enum(['movie', 'tv', 'person', 'custom']),
  title: z.string(),
  releaseDate: z.string().nullable(),
  year: z.number().int().nullable(),
  posterUrl: z.string().nullable(),
  backdropUrl: z.string().nullable(),
  voteAverage: z.number().nullable(),
  voteCount: z.number().int().nullable(),
  genreIds: z.array(z.number().int()),
  popularity: z.number().nullable(),
  knownForDepartment: z.string().nullable().optional(),
});
export type CatalogItem = z.infer<typeof CatalogItem>;
export const CatalogPage = pageOf(CatalogItem);
export type CatalogPage = z.infer<typeof CatalogPage>;

export const Genre = z.object({ id: z.number().int(), name: z.string() });
export type Genre = z.infer<typeof Genre>;
export const GenreList = z.object({ items: z.array(Genre) });

export const CastMember = z.object({
  id: z.number().int(),
  name: z.string(),
  character: z.string().nullable(),
  order: z.number().int().nullable(),
  profileUrl: z.string().nullable(),
});
export const CrewMember = z.object({
  id: z.number().int(),
  name: z.string(),
  job: z.string().nullable(),
  department: z.string().nullable(),
  profileUrl: z.string().nullable(),
});
export const Video = z.object({
  id: z.string(),
  key: z.string(),
  name: z.string(),
  site: z.string(),
  type: z.string(),
});
export type Video = z.infer<typeof Video>;

const detailCommon = {
  originalTitle: z.string().nullable(),
  originalLanguage: z.string().nullable(),
  status: z.string().nullable(),
  genres: z.array(Genre),
  credits: z.object({ cast: z.array(CastMember), crew: z.array(CrewMember) }),
  videos: z.array(Video),
  similar: z.array(CatalogItem),
  recommendations: z.array(CatalogItem),
};

export const MovieDetail = CatalogItem.extend({
  ...detailCommon,
  runtime: z.number().int().nullable(),
  imdbId: z.string().nullable(),
  budget: z.number().nullable(),
  revenue: z.number().nullable(),
});
export type MovieDetail = z.infer<typeof MovieDetail>;

export const SeasonSummary = z.object({
  id: z.number().int(),
  seasonNumber: z.number().int(),
  name: z.string(),
  airDate: z.string().nullable(),
  episodeCount: z.number().int().nullable(),
  posterUrl: z.string().nullable(),
});
export const TvDetail = CatalogItem.extend({
  ...detailCommon,
  lastAirDate: z.string().nullable(),
  numberOfSeasons: z.number().int().nullable(),
  numberOfEpisodes: z.number().int().nullable(),
  episodeRunTime: z.number().int().nullable(),
  networks: z.array(z.string()),
  createdBy: z.array(z.object({ id: z.number().int(), name: z.string() })),
  seasons: z.array(SeasonSummary),
});
export type TvDetail = z.infer<typeof TvDetail>;

export const Season = z.object({
  tvId: z.number().int(),
  seasonNumber: z.number().int(),
  name: z.string(),
  airDate: z.string().nullable(),
  posterUrl: z.string().nullable(),
  episodes: z.array(
    z.object({
      id: z.number().int(),
      episodeNumber: z.number().int(),
      name: z.string(),
      airDate: z.string().nullable(),
      runtime: z.number().int().nullable(),
      stillUrl: z.string().nullable(),
      voteAverage: z.number().nullable(),
    }),
  ),
});
export type Season = z.infer<typeof Season>;

export const PersonCredit = CatalogItem.extend({ character: z.string().nullable(), job: z.string().nullable() });
export const PersonDetail = z.object({
  id: z.number().int(),
  name: z.string(),
  knownForDepartment: z.string().nullable(),
  profileUrl: z.string().nullable(),
  birthday: z.string().nullable(),
  deathday: z.string().nullable(),
  placeOfBirth: z.string().nullable(),
  credits: z.object({ cast: z.array(PersonCredit), crew: z.array(PersonCredit) }),
});
export type PersonDetail = z.infer<typeof PersonDetail>;

// Queries
export const TrendingQuery = PageQuery.extend({ window: z.enum(['day', 'week']).default('week') }).strict();
export const ListQuery = PageQuery.strict();

const idList = z
  .string()
  .regex(/^\d{1,9}(,\d{1,9}){0,19}$/, 'must be up to 20 genre ids separated by commas')
  .optional();
const year = z.coerce.number().int().min(1870).max(2100).optional();
export const SORT_FIELDS = ['popularity', 'rating', 'release_date', 'title'] as const;
export const DiscoverQuery = PageQuery.extend({
  genre: idList,
  year,
  yearFrom: year,
  yearTo: year,
  minRating: z.coerce.number().min(0).max(10).optional(),
  minVotes: z.coerce.number().int().min(0).max(100_000_000).optional(),
  runtimeMin: z.coerce.number().int().min(0).max(1000).optional(),
  runtimeMax: z.coerce.number().int().min(0).max(1000).optional(),
  language: z
    .string()
    .regex(/^[a-z]{2}$/, 'must be an ISO 639-1 code such as "en"')
    .optional(),
  sort: z
    .string()
    .regex(
      new RegExp(`^(${SORT_FIELDS.join('|')})(\\.(asc|desc))?$`),
      `must be one of ${SORT_FIELDS.join(', ')}, optionally with .asc or .desc`,
    )
    .default('popularity.desc'),
})
  .strict()
  .refine((q) => q.yearFrom === undefined || q.yearTo === undefined || q.yearFrom <= q.yearTo, {
    path: ['yearFrom'],
    message: 'must not be after yearTo',
  })
  .refine((q) => q.runtimeMin === undefined || q.runtimeMax === undefined || q.runtimeMin <= q.runtimeMax, {
    path: ['runtimeMin'],
    message: 'must not be more than runtimeMax',
  });
export type DiscoverQuery = z.infer<typeof DiscoverQuery>;

export const SearchQuery = PageQuery.extend({
  q: z.string().trim().min(1, 'is required').max(200),
  type: z.enum(['multi', 'movie', 'tv', 'person', 'custom']).default('multi'),
}).strict();
export type SearchQuery = z.infer<typeof SearchQuery>;

export const GenreQuery = z.object({ type: z.enum(['movie', 'tv']).default('movie') }).strict();
export const TmdbIdParams = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) });
export const SeasonParams = TmdbIdParams.extend({ number: z.coerce.number().int().min(0).max(1000) });
