import { z } from 'zod';

// TMDB v3 response shapes, as far as we read them. Unknown keys are dropped; a body that lacks
// what we need is "garbage" and counts as an upstream failure.
const nullableString = z
  .string()
  .nullish()
  .transform((v) => v ?? null);
const num = z
  .number()
  .nullish()
  .transform((v) => v ?? null);

export const TmdbGenre = z.object({ id: z.number().int(), name: z.string() });

export const TmdbListItem = z.object({
  id: z.number().int(),
  media_type: z.enum(['movie', 'tv', 'person']).optional(),
  title: z.string().optional(),
  name: z.string().optional(),
  release_date: nullableString,
  first_air_date: nullableString,
  poster_path: nullableString,
  backdrop_path: nullableString,
  profile_path: nullableString,
  vote_average: num,
  vote_count: num,
  popularity: num,
  genre_ids: z.array(z.number().int()).nullish(),
  known_for_department: nullableString,
  original_language: nullableString,
});
export type TmdbListItem = z.infer<typeof TmdbListItem>;

export const tmdbPage = <T extends z.ZodTypeAny>(item: T) =>
  z.object({
    page: z.number().int(),
    results: z.array(item),
    total_pages: z.number().int(),
    total_results: z.number().int(),
  });
export const TmdbListPage = tmdbPage(TmdbListItem);
export type TmdbListPage = z.infer<typeof TmdbListPage>;

export const TmdbCast = z.object({
  id: z.number().int(),
  name: z.string(),
  character: nullableString,
  order: z.number().int().nullish(),
  profile_path: nullableString,
  known_for_department: nullableString,
});
export const TmdbCrew = z.object({
  id: z.number().int(),
  name: z.string(),
  job: nullableString,
  department: nullableString,
  profile_path: nullableString,
});
export const TmdbCredits = z.object({ cast: z.array(TmdbCast), crew: z.array(TmdbCrew) });
export const TmdbVideo = z.object({
  id: z.string(),
  key: z.string(),
  name: z.string(),
  site: z.string(),
  type: z.string(),
  official: z.boolean().nullish(),
});

const detailCommon = {
  id: z.number().int(),
  original_language: nullableString,
  poster_path: nullableString,
  backdrop_path: nullableString,
  vote_average: num,
  vote_count: num,
  popularity: num,
  status: nullableString,
  genres: z.array(TmdbGenre).default([]),
  credits: TmdbCredits.optional(),
  videos: z.object({ results: z.array(TmdbVideo) }).optional(),
  similar: TmdbListPage.optional(),
  recommendations: TmdbListPage.optional(),
};

export const TmdbMovie = z.object({
  ...detailCommon,
  title: z.string(),
  original_title: nullableString,
  release_date: nullableString,
  runtime: num,
  imdb_id: nullableString,
  budget: num,
  revenue: num,
  production_companies: z.array(z.object({ id: z.number().int(), name: z.string() })).default([]),
});
export type TmdbMovie = z.infer<typeof TmdbMovie>;

export const TmdbSeasonSummary = z.object({
  id: z.number().int(),
  season_number: z.number().int(),
  name: z.string(),
  air_date: nullableString,
  episode_count: num,
  poster_path: nullableString,
});
export const TmdbTv = z.object({
  ...detailCommon,
  name: z.string(),
  original_name: nullableString,
  first_air_date: nullableString,
  last_air_date: nullableString,
  number_of_seasons: num,
  number_of_episodes: num,
  episode_run_time: z.array(z.number()).default([]),
  networks: z.array(z.object({ id: z.number().int(), name: z.string() })).default([]),
  created_by: z.array(z.object({ id: z.number().int(), name: z.string() })).default([]),
  seasons: z.array(TmdbSeasonSummary).default([]),
});
export type TmdbTv = z.infer<typeof TmdbTv>;

export const TmdbSeason = z.object({
  id: z.number().int(),
  season_number: z.number().int(),
  name: z.string(),
  air_date: nullableString,
  poster_path: nullableString,
  episodes: z.array(
    z.object({
      id: z.number().int(),
      episode_number: z.number().int(),
      name: z.string(),
      air_date: nullableString,
      runtime: num,
      still_path: nullableString,
      vote_average: num,
    }),
  ),
});
export type TmdbSeason = z.infer<typeof TmdbSeason>;

const TmdbPersonCredit = TmdbListItem.extend({ character: nullableString, job: nullableString });
export const TmdbPerson = z.object({
  id: z.number().int(),
  name: z.string(),
  known_for_department: nullableString,
  profile_path: nullableString,
  birthday: nullableString,
  deathday: nullableString,
  place_of_birth: nullableString,
  popularity: num,
  combined_credits: z.object({ cast: z.array(TmdbPersonCredit), crew: z.array(TmdbPersonCredit) }).optional(),
});
export type TmdbPerson = z.infer<typeof TmdbPerson>;

export const TmdbGenreList = z.object({ genres: z.array(TmdbGenre) });
