// The TMDB v3 paths the offline service answers, mapped to the catalog. Handlers return the JSON
// body or throw TmdbHttpError; offline-tmdb.ts does the HTTP.
import type { OfflineCatalog } from './offline-data.ts';
import { discoverMovies, discoverShows } from './offline-discover.ts';
import {
  movieList,
  popularPeople,
  trending,
  tvList,
  type MovieListName,
  type TrendingMedia,
  type TvListName,
} from './offline-lists.ts';
import { MOVIE_SUBRESOURCES, movieDetails, standalone, withAppends, type SubResource } from './offline-movies.ts';
import { notFound, type QueryParams } from './offline-params.ts';
import { PERSON_SUBRESOURCES, personDetails } from './offline-people.ts';
import { IMAGE_SIZES } from './offline-posters.ts';
import { paginate, type TimeWindow } from './offline-scores.ts';
import { searchCatalog } from './offline-search.ts';
import { mediaListItem, movieListItem, personListItem, tvListItem, type MediaItem } from './offline-shapes.ts';
import { seasonDetails, TV_SUBRESOURCES, tvDetails } from './offline-tv.ts';

export interface RouteContext {
  catalog: OfflineCatalog;
  q: QueryParams;
  imageBaseUrl: string;
}

type Handler = (ctx: RouteContext, params: string[]) => unknown;
type SearchKind = 'multi' | 'movie' | 'tv' | 'person';

function configuration(imageBaseUrl: string) {
  const base = `${imageBaseUrl}/`;
  const pick = (names: string[]) => names.filter((n) => IMAGE_SIZES.has(n));
  return {
    images: {
      base_url: base,
      secure_base_url: base,
      backdrop_sizes: pick(['w300', 'w780', 'w1280', 'original']),
      logo_sizes: pick(['w45', 'w92', 'w154', 'w185', 'w300', 'w500', 'original']),
      poster_sizes: pick(['w92', 'w154', 'w185', 'w342', 'w500', 'w780', 'original']),
      profile_sizes: pick(['w45', 'w185', 'h632', 'original']),
      still_sizes: pick(['w92', 'w185', 'w300', 'original']),
    },
    change_keys: [],
  };
}

function id(raw: string | undefined): number {
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < 0) throw notFound();
  return value;
}

/** Narrows a path segment the route's pattern already restricted to these names. */
function oneOf<T extends string>(value: string | undefined, names: readonly T[]): T {
  const name = names.find((n) => n === value);
  if (name === undefined) throw notFound();
  return name;
}

const TRENDING_MEDIA: readonly TrendingMedia[] = ['all', 'movie', 'tv', 'person'];
const WINDOWS: readonly TimeWindow[] = ['day', 'week'];
const MOVIE_LISTS: readonly MovieListName[] = ['popular', 'top_rated', 'upcoming', 'now_playing'];
const TV_LISTS: readonly TvListName[] = ['popular', 'top_rated', 'on_the_air', 'airing_today'];
const SEARCH_KINDS: readonly SearchKind[] = ['multi', 'movie', 'tv', 'person'];

function found<T>(value: T | undefined): T {
  if (value === undefined) throw notFound();
  return value;
}

function subResource<T>(resources: Record<string, SubResource<T>>, name: string | undefined): SubResource<T> {
  return found(name !== undefined && Object.hasOwn(resources, name) ? resources[name] : undefined);
}

function search(ctx: RouteContext, kind: SearchKind) {
  const { q } = ctx;
  const page = q.page();
  const includeAdult = q.boolean('include_adult') === true;
  const movieYear = q.integer('primary_release_year') ?? q.integer('year');
  const tvYear = q.integer('first_air_date_year') ?? q.integer('year');
  // TMDB answers a missing or blank query with an empty page, not an error.
  const query = q.string('query');
  const hits = query === undefined ? [] : searchCatalog(ctx.catalog, query);
  const keep = (hit: MediaItem): boolean => {
    if (hit.media === 'movie') {
      if (kind !== 'movie' && kind !== 'multi') return false;
      if (!includeAdult && hit.movie.adult === true) return false;
      return kind !== 'movie' || movieYear === undefined || hit.movie.year === movieYear;
    }
    if (hit.media === 'tv') {
      if (kind !== 'tv' && kind !== 'multi') return false;
      return kind !== 'tv' || tvYear === undefined || hit.show.first_air_date?.startsWith(`${tvYear}-`) === true;
    }
    return kind === 'person' || kind === 'multi';
  };
  const results = hits.filter(keep);
  switch (kind) {
    case 'multi':
      return paginate(results, page, mediaListItem);
    case 'movie':
      return paginate(
        results.flatMap((h) => (h.media === 'movie' ? [h.movie] : [])),
        page,
        movieListItem,
      );
    case 'tv':
      return paginate(
        results.flatMap((h) => (h.media === 'tv' ? [h.show] : [])),
        page,
        tvListItem,
      );
    case 'person':
      return paginate(
        results.flatMap((h) => (h.media === 'person' ? [h.person] : [])),
        page,
        personListItem,
      );
  }
}

const routes: Array<[RegExp, Handler]> = [
  [/^\/3\/configuration$/, (ctx) => configuration(ctx.imageBaseUrl)],
  [/^\/3\/genre\/movie\/list$/, ({ catalog }) => ({ genres: catalog.movieGenres })],
  [/^\/3\/genre\/tv\/list$/, ({ catalog }) => ({ genres: catalog.tvGenres })],
  [
    /^\/3\/trending\/(all|movie|tv|person)\/(day|week)$/,
    ({ catalog, q }, [media, window]) =>
      paginate(trending(catalog, oneOf(media, TRENDING_MEDIA), oneOf(window, WINDOWS)), q.page(), mediaListItem),
  ],
  [
    /^\/3\/movie\/(popular|top_rated|upcoming|now_playing)$/,
    ({ catalog, q }, [name]) => {
      const list = movieList(catalog, oneOf(name, MOVIE_LISTS));
      const page = paginate(list.movies, q.page(), movieListItem);
      return list.dates === undefined ? page : { dates: list.dates, ...page };
    },
  ],
  [
    /^\/3\/tv\/(popular|top_rated|on_the_air|airing_today)$/,
    ({ catalog, q }, [name]) => paginate(tvList(catalog, oneOf(name, TV_LISTS)), q.page(), tvListItem),
  ],
  [/^\/3\/person\/popular$/, ({ catalog, q }) => paginate(popularPeople(catalog), q.page(), personListItem)],
  [/^\/3\/discover\/movie$/, ({ catalog, q }) => paginate(discoverMovies(catalog, q), q.page(), movieListItem)],
  [/^\/3\/discover\/tv$/, ({ catalog, q }) => paginate(discoverShows(catalog, q), q.page(), tvListItem)],
  [/^\/3\/search\/(multi|movie|tv|person)$/, (ctx, [kind]) => search(ctx, oneOf(kind, SEARCH_KINDS))],
  [
    /^\/3\/movie\/([^/]+)$/,
    ({ catalog, q }, [raw]) => {
      const movie = found(catalog.movieById.get(id(raw)));
      return withAppends(catalog, movie, movieDetails(catalog, movie), q.appends(), MOVIE_SUBRESOURCES);
    },
  ],
  [
    /^\/3\/movie\/([^/]+)\/(.+)$/,
    ({ catalog, q }, [raw, sub]) => {
      const movie = found(catalog.movieById.get(id(raw)));
      return standalone(catalog, movie, subResource(MOVIE_SUBRESOURCES, sub), q.page());
    },
  ],
  [
    /^\/3\/tv\/([^/]+)$/,
    ({ catalog, q }, [raw]) => {
      const show = found(catalog.showById.get(id(raw)));
      return withAppends(catalog, show, tvDetails(catalog, show), q.appends(), TV_SUBRESOURCES);
    },
  ],
  [
    /^\/3\/tv\/([^/]+)\/season\/([^/]+)$/,
    ({ catalog }, [raw, number]) => {
      const show = found(catalog.showById.get(id(raw)));
      const seasonNumber = id(number);
      return seasonDetails(show, found(show.seasons.find((s) => s.season_number === seasonNumber)));
    },
  ],
  [
    /^\/3\/tv\/([^/]+)\/(.+)$/,
    ({ catalog, q }, [raw, sub]) => {
      const show = found(catalog.showById.get(id(raw)));
      return standalone(catalog, show, subResource(TV_SUBRESOURCES, sub), q.page());
    },
  ],
  [
    /^\/3\/person\/([^/]+)$/,
    ({ catalog, q }, [raw]) => {
      const person = found(catalog.personById.get(id(raw)));
      return withAppends(catalog, person, personDetails(catalog, person), q.appends(), PERSON_SUBRESOURCES);
    },
  ],
  [
    /^\/3\/person\/([^/]+)\/(.+)$/,
    ({ catalog, q }, [raw, sub]) => {
      const person = found(catalog.personById.get(id(raw)));
      return standalone(catalog, person, subResource(PERSON_SUBRESOURCES, sub), q.page());
    },
  ],
];

/** The JSON body for an API path (with /3 and no trailing slash); throws TmdbHttpError. */
export function routeApi(pathname: string, ctx: RouteContext): unknown {
  for (const [pattern, handler] of routes) {
    const match = pattern.exec(pathname);
    if (match !== null) return handler(ctx, match.slice(1));
  }
  throw notFound();
}
