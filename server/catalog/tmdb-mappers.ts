import type { CatalogItem, MovieDetail, PersonDetail, Season, TvDetail } from '#shared/contracts/catalog';
import type { TmdbListItem, TmdbMovie, TmdbPerson, TmdbSeason, TmdbTv } from './tmdb-schemas.ts';

// TMDB shapes in, our shapes out; image paths become our own /img route, never a third-party URL.
export const imageUrl = (size: string, path: string | null | undefined): string | null =>
  path && /^\/[\w.-]+$/.test(path) ? `/img/${size}${path}` : null;

const yearOf = (date: string | null | undefined): number | null => {
  const y = date ? Number(date.slice(0, 4)) : NaN;
  return Number.isInteger(y) && y > 0 ? y : null;
};
const dateOrNull = (d: string | null | undefined) => (d && /^\d{4}-\d{2}-\d{2}$/.test(d) ? d : null);

type ListItemLike = Partial<TmdbListItem> & { id: number };

export function toCatalogItem(item: ListItemLike, fallbackType: 'movie' | 'tv' | 'person'): CatalogItem {
  const mediaType = item.media_type ?? fallbackType;
  if (mediaType === 'person') {
    return {
      id: item.id,
      mediaType,
      title: item.name ?? '',
      releaseDate: null,
      year: null,
      posterUrl: imageUrl('w342', item.profile_path),
      backdropUrl: null,
      voteAverage: null,
      voteCount: null,
      genreIds: [],
      popularity: item.popularity ?? null,
      knownForDepartment: item.known_for_department ?? null,
    };
  }
  const releaseDate = dateOrNull(mediaType === 'movie' ? item.release_date : item.first_air_date);
  return {
    id: item.id,
    mediaType,
    title: (mediaType === 'movie' ? item.title : item.name) ?? item.title ?? item.name ?? '',
    releaseDate,
    year: yearOf(releaseDate),
    posterUrl: imageUrl('w342', item.poster_path),
    backdropUrl: imageUrl('w780', item.backdrop_path),
    voteAverage: item.vote_average ?? null,
    voteCount: item.vote_count === null || item.vote_count === undefined ? null : Math.round(item.vote_count),
    genreIds: item.genre_ids ?? [],
    popularity: item.popularity ?? null,
  };
}

type Detail = TmdbMovie | TmdbTv;
function detailCommon(d: Detail, kind: 'movie' | 'tv') {
  return {
    originalLanguage: d.original_language,
    status: d.status,
    genres: d.genres,
    credits: {
      cast: (d.credits?.cast ?? []).slice(0, 30).map((c) => ({
        id: c.id,
        name: c.name,
        character: c.character,
        order: c.order ?? null,
        profileUrl: imageUrl('w185', c.profile_path),
      })),
      crew: (d.credits?.crew ?? []).slice(0, 30).map((c) => ({
        id: c.id,
        name: c.name,
        job: c.job,
        department: c.department,
        profileUrl: imageUrl('w185', c.profile_path),
      })),
    },
    videos: (d.videos?.results ?? [])
      .filter((v) => v.site === 'YouTube' && /^[\w-]{6,20}$/.test(v.key))
      .map(({ id, key, name, site, type }) => ({ id, key, name, site, type })),
    similar: (d.similar?.results ?? []).slice(0, 20).map((i) => toCatalogItem(i, kind)),
    recommendations: (d.recommendations?.results ?? []).slice(0, 20).map((i) => toCatalogItem(i, kind)),
  };
}

export function toMovieDetail(m: TmdbMovie): MovieDetail {
  const base = toCatalogItem({ ...m, media_type: 'movie', genre_ids: m.genres.map((g) => g.id) }, 'movie');
  return {
    ...base,
    ...detailCommon(m, 'movie'),
    originalTitle: m.original_title,
    runtime: m.runtime === null ? null : Math.round(m.runtime),
    imdbId: m.imdb_id,
    budget: m.budget,
    revenue: m.revenue,
  };
}

export function toTvDetail(t: TmdbTv): TvDetail {
  const base = toCatalogItem(
    { ...t, media_type: 'tv', genre_ids: t.genres.map((g) => g.id), release_date: null },
    'tv',
  );
  return {
    ...base,
    ...detailCommon(t, 'tv'),
    originalTitle: t.original_name,
    lastAirDate: dateOrNull(t.last_air_date),
    numberOfSeasons: t.number_of_seasons,
    numberOfEpisodes: t.number_of_episodes,
    episodeRunTime: t.episode_run_time[0] ?? null,
    networks: t.networks.map((n) => n.name),
    createdBy: t.created_by.map(({ id, name }) => ({ id, name })),
    seasons: t.seasons.map((s) => ({
      id: s.id,
      seasonNumber: s.season_number,
      name: s.name,
      airDate: dateOrNull(s.air_date),
      episodeCount: s.episode_count,
      posterUrl: imageUrl('w185', s.poster_path),
    })),
  };
}

export function toSeason(tvId: number, s: TmdbSeason): Season {
  return {
    tvId,
    seasonNumber: s.season_number,
    name: s.name,
    airDate: dateOrNull(s.air_date),
    posterUrl: imageUrl('w342', s.poster_path),
    episodes: s.episodes.map((e) => ({
      id: e.id,
      episodeNumber: e.episode_number,
      name: e.name,
      airDate: dateOrNull(e.air_date),
      runtime: e.runtime === null ? null : Math.round(e.runtime),
      stillUrl: imageUrl('w342', e.still_path),
      voteAverage: e.vote_average,
    })),
  };
}

export function toPersonDetail(p: TmdbPerson): PersonDetail {
  const credit = (c: NonNullable<TmdbPerson['combined_credits']>['cast'][number]) => ({
    ...toCatalogItem(c, c.media_type === 'tv' ? 'tv' : 'movie'),
    character: c.character,
    job: c.job,
  });
  const byDate = (a: CatalogItem, b: CatalogItem) => (b.releaseDate ?? '').localeCompare(a.releaseDate ?? '');
  return {
    id: p.id,
    name: p.name,
    knownForDepartment: p.known_for_department,
    profileUrl: imageUrl('w342', p.profile_path),
    birthday: dateOrNull(p.birthday),
    deathday: dateOrNull(p.deathday),
    placeOfBirth: p.place_of_birth,
    credits: {
      cast: (p.combined_credits?.cast ?? []).map(credit).sort(byDate),
      crew: (p.combined_credits?.crew ?? []).map(credit).sort(byDate),
    },
  };
}
