import { z } from 'zod';

// Shapes of the generated files in ./data (written by scripts/build-catalog.mjs). They are parsed
// rather than trusted so a hand-edited or stale data file fails loudly at load, not mid-request.

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const MovieRecord = z.object({
  id: z.number().int(),
  title: z.string(),
  original_title: z.string().nullable(),
  original_language: z.string().nullable(),
  release_date: IsoDate.nullable(),
  runtime: z.number().nullable(),
  status: z.string().nullable(),
  adult: z.boolean().nullable(),
  genre_ids: z.array(z.number().int()),
  /** Indexes into the keyword dictionary of the movies file. */
  keywords: z.array(z.number().int()),
  popularity: z.number().nullable(),
  vote_average: z.number().nullable(),
  vote_count: z.number().int().nullable(),
  budget: z.number().nullable(),
  revenue: z.number().nullable(),
  cast: z.array(z.object({ id: z.number().int(), character: z.string().nullable(), order: z.number().int() })),
  crew: z.array(z.object({ id: z.number().int(), job: z.string(), department: z.string() })),
  imdb_id: z.string().nullable(),
  poster_path: z.string().nullable(),
  backdrop_path: z.string().nullable(),
  production_companies: z.array(
    z.object({ id: z.number().int(), name: z.string(), origin_country: z.string().nullable() }),
  ),
  production_countries: z.array(z.object({ iso_3166_1: z.string(), name: z.string() })),
  spoken_languages: z.array(z.object({ iso_639_1: z.string(), name: z.string() })),
  belongs_to_collection: z
    .object({
      id: z.number().int(),
      name: z.string(),
      poster_path: z.string().nullable(),
      backdrop_path: z.string().nullable(),
    })
    .nullable(),
  certification: z.string().nullable(),
  origin_country: z.array(z.string()),
});
export type MovieRecord = z.infer<typeof MovieRecord>;

export const MoviesFile = z.object({ keywords: z.array(z.string()), movies: z.array(MovieRecord) });

export const PersonRecord = z.object({
  /** TMDB's person id where known, else SYNTHETIC_PERSON_ID_OFFSET + the catalog's id. */
  id: z.number().int(),
  name: z.string(),
  known_for_department: z.string().nullable(),
  gender: z.number().int().nullable(),
  profile_path: z.string().nullable(),
});
export type PersonRecord = z.infer<typeof PersonRecord>;

export const PeopleFile = z.array(PersonRecord);

const EpisodeRef = z.object({
  id: z.number().int(),
  name: z.string(),
  air_date: IsoDate.nullable(),
  season_number: z.number().int(),
  episode_number: z.number().int(),
});

export const ShowRecord = z.object({
  id: z.number().int(),
  name: z.string(),
  original_name: z.string().nullable(),
  original_language: z.string().nullable(),
  origin_country: z.array(z.string()),
  languages: z.array(z.string()),
  first_air_date: IsoDate.nullable(),
  last_air_date: IsoDate.nullable(),
  status: z.string().nullable(),
  type: z.string().nullable(),
  in_production: z.boolean().nullable(),
  genre_ids: z.array(z.number().int()),
  networks: z.array(z.object({ id: z.number().int(), name: z.string(), origin_country: z.string().nullable() })),
  /** Person ids (same id space as PersonRecord.id). */
  creators: z.array(z.number().int()),
  production_companies: z.array(z.string()),
  episode_run_time: z.array(z.number()),
  number_of_seasons: z.number().int().nullable(),
  number_of_episodes: z.number().int().nullable(),
  popularity: z.number().nullable(),
  vote_average: z.number().nullable(),
  vote_count: z.number().int().nullable(),
  poster_path: z.string().nullable(),
  backdrop_path: z.string().nullable(),
  seasons: z.array(
    z.object({
      id: z.number().int(),
      season_number: z.number().int(),
      name: z.string(),
      air_date: IsoDate.nullable(),
      episode_count: z.number().int(),
      poster_path: z.string().nullable(),
    }),
  ),
  last_episode_to_air: EpisodeRef.nullable(),
  next_episode_to_air: EpisodeRef.nullable(),
});
export type ShowRecord = z.infer<typeof ShowRecord>;
export type EpisodeRef = z.infer<typeof EpisodeRef>;

export const ShowsFile = z.array(ShowRecord);

const Genre = z.object({ id: z.number().int(), name: z.string() });
export type Genre = z.infer<typeof Genre>;

export const GenresFile = z.object({
  movie: z.array(Genre),
  tv: z.array(Genre),
  /** Ids found on records but no longer in TMDB's lists (e.g. movie 10769 "Foreign"). */
  movie_extra: z.array(Genre),
  tv_extra: z.array(Genre),
});

export const MetaFile = z.object({
  /** The snapshot's "today" for movie lists (upcoming, now playing, trending recency). */
  reference_date: IsoDate,
  /** The TV facts are older (2019); TV lists (on the air, airing today) use this "today". */
  tv_reference_date: IsoDate,
});
