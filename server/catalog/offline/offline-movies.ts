// /movie/{id} and its sub-resources, also reachable through append_to_response.
import {
  collectionImagePath,
  SYNTHETIC_KEYWORD_ID_OFFSET,
  type OfflineCatalog,
  type OfflineMovie,
  type OfflinePerson,
} from './offline-data.ts';
import { recommendedMovies, similarMovies } from './offline-related.ts';
import { paginate, syntheticHexId } from './offline-scores.ts';
import { genreObjects, imageEntry, movieListItem, spokenLanguage } from './offline-shapes.ts';

/** Builds one sub-resource's body; `page` matters only for the paginated ones. */
export interface SubResource<T> {
  build: (catalog: OfflineCatalog, subject: T, page: number) => object;
  /** Standalone, TMDB puts the subject's id in the body (credits, videos…), not in paged lists. */
  withId: boolean;
}

/** The person fields TMDB repeats in every cast and crew entry. */
export function creditPerson(person: OfflinePerson | undefined, id: number) {
  return {
    adult: false,
    gender: person?.gender ?? 0,
    id,
    known_for_department: person?.known_for_department ?? null,
    name: person?.name ?? '',
    original_name: person?.name ?? '',
    popularity: person?.popularity ?? 0,
    profile_path: person?.profile_path ?? null,
  };
}

function movieCredits(catalog: OfflineCatalog, movie: OfflineMovie) {
  return {
    cast: movie.cast.map((c) => ({
      ...creditPerson(catalog.personById.get(c.id), c.id),
      cast_id: c.order,
      character: c.character,
      credit_id: syntheticHexId('movie', movie.id, 'cast', c.id, c.order),
      order: c.order,
    })),
    crew: movie.crew.map((c) => ({
      ...creditPerson(catalog.personById.get(c.id), c.id),
      credit_id: syntheticHexId('movie', movie.id, 'crew', c.id, c.job),
      department: c.department,
      job: c.job,
    })),
  };
}

function releaseDates(movie: OfflineMovie) {
  // The catalog knows a US certification and the primary release date, not per-country release
  // lists; they are reported as the one US theatrical entry TMDB clients read ratings from.
  if (movie.certification === null || movie.release_date === null) return { results: [] };
  return {
    results: [
      {
        iso_3166_1: 'US',
        release_dates: [
          {
            certification: movie.certification,
            descriptors: [],
            iso_639_1: '',
            note: '',
            release_date: `${movie.release_date}T00:00:00.000Z`,
            type: 3,
          },
        ],
      },
    ],
  };
}

const emptyPage = { page: 1, results: [], total_pages: 1, total_results: 0 };

export const MOVIE_SUBRESOURCES: Record<string, SubResource<OfflineMovie>> = {
  credits: { withId: true, build: (catalog, movie) => movieCredits(catalog, movie) },
  // The catalog has no videos; an empty list is the truth, invented trailer keys would not be.
  videos: { withId: true, build: () => ({ results: [] }) },
  images: {
    withId: true,
    build: (_catalog, movie) => ({
      backdrops: [imageEntry(movie.backdrop_path, 'backdrop')],
      logos: [],
      posters: [imageEntry(movie.poster_path, 'poster')],
    }),
  },
  keywords: {
    withId: true,
    build: (catalog, movie) => ({
      keywords: movie.keywords.map((k) => ({ id: SYNTHETIC_KEYWORD_ID_OFFSET + k, name: catalog.keywords[k] ?? '' })),
    }),
  },
  release_dates: { withId: true, build: (_catalog, movie) => releaseDates(movie) },
  external_ids: {
    withId: true,
    build: (_catalog, movie) => ({
      imdb_id: movie.imdb_id,
      wikidata_id: null,
      facebook_id: null,
      instagram_id: null,
      twitter_id: null,
    }),
  },
  alternative_titles: { withId: true, build: () => ({ titles: [] }) },
  reviews: { withId: true, build: () => emptyPage },
  'watch/providers': { withId: true, build: () => ({ results: {} }) },
  similar: {
    withId: false,
    build: (catalog, movie, page) => paginate(similarMovies(catalog, movie), page, movieListItem),
  },
  recommendations: {
    withId: false,
    build: (catalog, movie, page) => paginate(recommendedMovies(catalog, movie), page, movieListItem),
  },
};

export function movieDetails(catalog: OfflineCatalog, m: OfflineMovie): Record<string, unknown> {
  const collection = m.belongs_to_collection;
  return {
    adult: m.adult ?? false,
    backdrop_path: m.backdrop_path,
    belongs_to_collection:
      collection === null
        ? null
        : {
            id: collection.id,
            name: collection.name,
            poster_path: collectionImagePath(collection, 'poster'),
            backdrop_path: collectionImagePath(collection, 'backdrop'),
          },
    budget: m.budget,
    genres: genreObjects(m.genre_ids, catalog.movieGenreNames),
    homepage: null,
    id: m.id,
    imdb_id: m.imdb_id,
    origin_country: m.origin_country,
    original_language: m.original_language,
    original_title: m.original_title,
    overview: '',
    popularity: m.popularity,
    poster_path: m.poster_path,
    production_companies: m.production_companies.map((c) => ({
      id: c.id,
      logo_path: null,
      name: c.name,
      origin_country: c.origin_country,
    })),
    production_countries: m.production_countries,
    release_date: m.release_date,
    revenue: m.revenue,
    runtime: m.runtime,
    spoken_languages: m.spoken_languages.map((l) => spokenLanguage(l.iso_639_1, l.name)),
    status: m.status,
    tagline: '',
    title: m.title,
    video: false,
    vote_average: m.vote_average,
    vote_count: m.vote_count,
  };
}

/** Details plus each known append_to_response entry (unknown names are ignored, as TMDB does). */
export function withAppends<T>(
  catalog: OfflineCatalog,
  subject: T,
  details: Record<string, unknown>,
  appends: readonly string[],
  resources: Record<string, SubResource<T>>,
): Record<string, unknown> {
  const out = { ...details };
  for (const name of appends) {
    const resource = Object.hasOwn(resources, name) ? resources[name] : undefined;
    if (resource !== undefined) out[name] = resource.build(catalog, subject, 1);
  }
  return out;
}

/** A sub-resource requested on its own path, e.g. /movie/550/credits. */
export function standalone<T extends { id: number }>(
  catalog: OfflineCatalog,
  subject: T,
  resource: SubResource<T>,
  page: number,
): object {
  const body = resource.build(catalog, subject, page);
  return resource.withId ? { id: subject.id, ...body } : body;
}
