// /tv/{id}, its seasons and sub-resources. The catalog has no episode lists: seasons get generated
// "Episode N" rows from their episode counts, weekly from the season's air date, with no prose.
import type { OfflineCatalog, OfflineSeason, OfflineShow } from './offline-data.ts';
import type { EpisodeRef } from './offline-records.ts';
import { creditPerson, type SubResource } from './offline-movies.ts';
import { recommendedShows, similarShows } from './offline-related.ts';
import { DAY_MS, paginate, syntheticHexId } from './offline-scores.ts';
import { genreObjects, imageEntry, spokenLanguage, tvListItem } from './offline-shapes.ts';

/** Generated episode ids live above TMDB's (about 6 M today): offset + season id * 1000 + number. */
const SYNTHETIC_EPISODE_ID_OFFSET = 900_000_000;

function creators(catalog: OfflineCatalog, show: OfflineShow) {
  return show.creators.map((id) => {
    const person = catalog.personById.get(id);
    return {
      id,
      credit_id: syntheticHexId('tv', show.id, 'creator', id),
      name: person?.name ?? '',
      original_name: person?.name ?? '',
      gender: person?.gender ?? 0,
      profile_path: person?.profile_path ?? null,
    };
  });
}

function episodeRef(show: OfflineShow, e: EpisodeRef | null) {
  if (e === null) return null;
  return {
    id: e.id,
    name: e.name,
    overview: '',
    vote_average: null,
    vote_count: null,
    air_date: e.air_date,
    episode_number: e.episode_number,
    episode_type: 'standard',
    production_code: '',
    runtime: show.episode_run_time[0] ?? null,
    season_number: e.season_number,
    show_id: show.id,
    still_path: null,
  };
}

function tvCredits(catalog: OfflineCatalog, show: OfflineShow) {
  // The catalog has no TV cast; creators are the only credits it knows, listed as crew.
  return {
    cast: [],
    crew: show.creators.map((id) => ({
      ...creditPerson(catalog.personById.get(id), id),
      credit_id: syntheticHexId('tv', show.id, 'creator', id),
      department: 'Writing',
      job: 'Creator',
    })),
  };
}

const NO_EXTERNAL_IDS = {
  imdb_id: null,
  freebase_mid: null,
  freebase_id: null,
  tvdb_id: null,
  tvrage_id: null,
  wikidata_id: null,
  facebook_id: null,
  instagram_id: null,
  twitter_id: null,
};

export const TV_SUBRESOURCES: Record<string, SubResource<OfflineShow>> = {
  credits: { withId: true, build: (catalog, show) => tvCredits(catalog, show) },
  aggregate_credits: {
    withId: true,
    build: (catalog, show) => {
      const { cast, crew } = tvCredits(catalog, show);
      return {
        cast,
        crew: crew.map(({ credit_id, job, department, ...person }) => ({
          ...person,
          department,
          jobs: [{ credit_id, job, episode_count: show.number_of_episodes ?? 0 }],
          total_episode_count: show.number_of_episodes ?? 0,
        })),
      };
    },
  },
  videos: { withId: true, build: () => ({ results: [] }) },
  images: {
    withId: true,
    build: (_catalog, show) => ({
      backdrops: [imageEntry(show.backdrop_path, 'backdrop')],
      logos: [],
      posters: [imageEntry(show.poster_path, 'poster')],
    }),
  },
  keywords: { withId: true, build: () => ({ results: [] }) },
  content_ratings: { withId: true, build: () => ({ results: [] }) },
  external_ids: { withId: true, build: () => NO_EXTERNAL_IDS },
  reviews: { withId: true, build: () => ({ page: 1, results: [], total_pages: 1, total_results: 0 }) },
  'watch/providers': { withId: true, build: () => ({ results: {} }) },
  similar: { withId: false, build: (catalog, show, page) => paginate(similarShows(catalog, show), page, tvListItem) },
  recommendations: {
    withId: false,
    build: (catalog, show, page) => paginate(recommendedShows(catalog, show), page, tvListItem),
  },
};

function seasonSummary(season: OfflineSeason) {
  return {
    air_date: season.air_date,
    episode_count: season.episode_count,
    id: season.id,
    name: season.name,
    overview: '',
    poster_path: season.poster_path,
    season_number: season.season_number,
    vote_average: null,
  };
}

export function tvDetails(catalog: OfflineCatalog, s: OfflineShow): Record<string, unknown> {
  return {
    adult: false,
    backdrop_path: s.backdrop_path,
    created_by: creators(catalog, s),
    episode_run_time: s.episode_run_time,
    first_air_date: s.first_air_date,
    genres: genreObjects(s.genre_ids, catalog.tvGenreNames),
    homepage: null,
    id: s.id,
    in_production: s.in_production,
    languages: s.languages,
    last_air_date: s.last_air_date,
    last_episode_to_air: episodeRef(s, s.last_episode_to_air),
    name: s.name,
    next_episode_to_air: episodeRef(s, s.next_episode_to_air),
    networks: s.networks.map((n) => ({ id: n.id, logo_path: null, name: n.name, origin_country: n.origin_country })),
    number_of_episodes: s.number_of_episodes,
    number_of_seasons: s.number_of_seasons,
    origin_country: s.origin_country,
    original_language: s.original_language,
    original_name: s.original_name,
    overview: '',
    popularity: s.popularity,
    poster_path: s.poster_path,
    // Only company names are known; TMDB's ids and countries for them are not.
    production_companies: s.production_companies.map((name) => ({
      id: null,
      logo_path: null,
      name,
      origin_country: null,
    })),
    production_countries: [],
    seasons: s.seasons.map(seasonSummary),
    spoken_languages: s.languages.map((code) => spokenLanguage(code)),
    status: s.status,
    tagline: '',
    type: s.type,
    vote_average: s.vote_average,
    vote_count: s.vote_count,
  };
}

export function seasonDetails(show: OfflineShow, season: OfflineSeason): Record<string, unknown> {
  const startMs = season.air_date === null ? null : Date.parse(`${season.air_date}T00:00:00Z`);
  const episodes = Array.from({ length: season.episode_count }, (_, i) => ({
    air_date: startMs === null ? null : new Date(startMs + i * 7 * DAY_MS).toISOString().slice(0, 10),
    episode_number: i + 1,
    episode_type: 'standard',
    id: SYNTHETIC_EPISODE_ID_OFFSET + season.id * 1000 + i + 1,
    name: `Episode ${i + 1}`,
    overview: '',
    production_code: '',
    runtime: show.episode_run_time[0] ?? null,
    season_number: season.season_number,
    show_id: show.id,
    still_path: null,
    vote_average: null,
    vote_count: null,
    crew: [],
    guest_stars: [],
  }));
  return {
    _id: syntheticHexId('season', season.id),
    air_date: season.air_date,
    episodes,
    name: season.name,
    networks: show.networks.map((n) => ({ id: n.id, logo_path: null, name: n.name, origin_country: n.origin_country })),
    overview: '',
    id: season.id,
    poster_path: season.poster_path,
    season_number: season.season_number,
    vote_average: null,
  };
}
