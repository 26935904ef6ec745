// Curated lists (popular, top rated, upcoming, now playing, on the air, trending) over the snapshot.
// Each list is computed once per catalog and kept; requests only slice pages out of it.
import {
  weightInput,
  type OfflineCatalog,
  type OfflineMovie,
  type OfflinePerson,
  type OfflineShow,
  type PersonCredit,
} from './offline-data.ts';
import {
  creditWeight,
  DAY_MS,
  daysBetween,
  personPopularity,
  trendingScore,
  type TimeWindow,
} from './offline-scores.ts';
import type { MediaItem } from './offline-shapes.ts';

export type MovieListName = 'popular' | 'top_rated' | 'upcoming' | 'now_playing';
export type TvListName = 'popular' | 'top_rated' | 'on_the_air' | 'airing_today';
export type TrendingMedia = 'all' | 'movie' | 'tv' | 'person';

export interface MovieList {
  movies: OfflineMovie[];
  /** The release window, as TMDB reports it for upcoming and now playing. */
  dates?: { minimum: string; maximum: string };
}

// Windows around the reference date, close to TMDB's own: about four weeks ahead for upcoming,
// eight weeks back for now playing (the snapshot has only a few dozen releases a year after 2016).
const UPCOMING_DAYS = 28;
const NOW_PLAYING_DAYS = 56;
const ON_THE_AIR_DAYS = 7;
/** top_rated leaves out titles with few votes, as TMDB does. */
const TOP_RATED_MIN_VOTES = { movie: 300, tv: 100 };

interface ListCache {
  movies: Map<string, MovieList>;
  shows: Map<string, OfflineShow[]>;
  people: Map<string, OfflinePerson[]>;
  media: Map<string, MediaItem[]>;
}

const caches = new WeakMap<OfflineCatalog, ListCache>();

function cacheFor(catalog: OfflineCatalog): ListCache {
  let cache = caches.get(catalog);
  if (cache === undefined) {
    cache = { movies: new Map(), shows: new Map(), people: new Map(), media: new Map() };
    caches.set(catalog, cache);
  }
  return cache;
}

function memo<T>(map: Map<string, T>, key: string, compute: () => T): T {
  let value = map.get(key);
  if (value === undefined) {
    value = compute();
    map.set(key, value);
  }
  return value;
}

export function byPopularity<T extends { popularity: number; id: number }>(a: T, b: T): number {
  return b.popularity - a.popularity || a.id - b.id;
}

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function releasedBetween(catalog: OfflineCatalog, fromMs: number, toMs: number): OfflineMovie[] {
  return catalog.movies
    .filter((m) => m.releaseMs !== null && m.releaseMs >= fromMs && m.releaseMs <= toMs)
    .sort(byPopularity);
}

export function movieList(catalog: OfflineCatalog, name: MovieListName): MovieList {
  return memo(cacheFor(catalog).movies, name, () => {
    const ref = catalog.referenceMs;
    switch (name) {
      case 'popular':
        return { movies: [...catalog.movies].sort(byPopularity) };
      case 'top_rated':
        return {
          // Titles without a vote count come from a source that took each year's most popular
          // titles (all well past the floor on TMDB), so they are not held back by it.
          movies: catalog.movies
            .filter(
              (m) => m.vote_average !== null && (m.vote_count === null || m.vote_count >= TOP_RATED_MIN_VOTES.movie),
            )
            .sort((a, b) => (b.vote_average ?? 0) - (a.vote_average ?? 0) || byPopularity(a, b)),
        };
      case 'upcoming': {
        const from = ref + DAY_MS;
        const to = ref + UPCOMING_DAYS * DAY_MS;
        return { movies: releasedBetween(catalog, from, to), dates: { minimum: isoDay(from), maximum: isoDay(to) } };
      }
      case 'now_playing': {
        const from = ref - (NOW_PLAYING_DAYS - 1) * DAY_MS;
        return { movies: releasedBetween(catalog, from, ref), dates: { minimum: isoDay(from), maximum: isoDay(ref) } };
      }
    }
  });
}

/** Air dates the data knows for a show: its last aired and next announced episode. */
function episodeDates(show: OfflineShow): number[] {
  const dates: number[] = [];
  for (const e of [show.last_episode_to_air, show.next_episode_to_air]) {
    if (e?.air_date) dates.push(Date.parse(`${e.air_date}T00:00:00Z`));
  }
  return dates;
}

export function tvList(catalog: OfflineCatalog, name: TvListName): OfflineShow[] {
  return memo(cacheFor(catalog).shows, name, () => {
    const ref = catalog.tvReferenceMs;
    switch (name) {
      case 'popular':
        return [...catalog.shows].sort(byPopularity);
      case 'top_rated':
        return catalog.shows
          .filter((s) => s.vote_average !== null && (s.vote_count ?? 0) >= TOP_RATED_MIN_VOTES.tv)
          .sort((a, b) => (b.vote_average ?? 0) - (a.vote_average ?? 0) || byPopularity(a, b));
      case 'on_the_air': {
        const to = ref + (ON_THE_AIR_DAYS - 1) * DAY_MS;
        return catalog.shows.filter((s) => episodeDates(s).some((d) => d >= ref && d <= to)).sort(byPopularity);
      }
      case 'airing_today':
        return catalog.shows.filter((s) => episodeDates(s).includes(ref)).sort(byPopularity);
    }
  });
}

export function popularPeople(catalog: OfflineCatalog): OfflinePerson[] {
  return memo(cacheFor(catalog).people, 'popular', () => [...catalog.people].sort(byPopularity));
}

function movieTrend(catalog: OfflineCatalog, m: OfflineMovie, window: TimeWindow): number {
  return trendingScore(
    m.popularity,
    m.releaseMs === null ? null : daysBetween(m.releaseMs, catalog.referenceMs),
    window,
  );
}

function showTrend(catalog: OfflineCatalog, s: OfflineShow, window: TimeWindow): number {
  // A running show is as fresh as its latest episode, not its premiere.
  const airedMs = s.lastAirMs ?? s.firstAirMs;
  return trendingScore(s.popularity, airedMs === null ? null : daysBetween(airedMs, catalog.tvReferenceMs), window);
}

/**
 * A person's share of their titles' trending scores. TV trends are measured against the TV
 * snapshot's own date and run on another scale, so they are first brought to the films' scale.
 */
function personTrends(catalog: OfflineCatalog, window: TimeWindow): (person: OfflinePerson) => number {
  const movieTop = Math.max(0, ...catalog.movies.map((m) => movieTrend(catalog, m, window)));
  const tvTop = Math.max(0, ...catalog.shows.map((s) => showTrend(catalog, s, window)));
  const tvScale = tvTop > 0 ? movieTop / tvTop : 0;
  const creditTrend = (c: PersonCredit): number => {
    const title =
      c.kind === 'creator' ? showTrend(catalog, c.show, window) * tvScale : movieTrend(catalog, c.movie, window);
    return title * creditWeight(weightInput(c));
  };
  return (person) => personPopularity(person.credits.map(creditTrend));
}

interface Scored {
  item: MediaItem;
  score: number;
}

function rankScored(scored: Scored[]): Scored[] {
  return scored.filter((s) => s.score > 0).sort((a, b) => b.score - a.score || mediaId(a.item) - mediaId(b.item));
}

function mediaId(item: MediaItem): number {
  if (item.media === 'movie') return item.movie.id;
  return item.media === 'tv' ? item.show.id : item.person.id;
}

function scoredTrending(catalog: OfflineCatalog, media: Exclude<TrendingMedia, 'all'>, window: TimeWindow): Scored[] {
  switch (media) {
    case 'movie':
      return rankScored(
        catalog.movies.map((movie) => ({ item: { media: 'movie', movie }, score: movieTrend(catalog, movie, window) })),
      );
    case 'tv':
      return rankScored(
        catalog.shows.map((show) => ({ item: { media: 'tv', show }, score: showTrend(catalog, show, window) })),
      );
    case 'person': {
      const score = personTrends(catalog, window);
      return rankScored(catalog.people.map((person) => ({ item: { media: 'person', person }, score: score(person) })));
    }
  }
}

// In the mixed list each kind is scaled to its own leader, then weighted so films and shows lead
// and people trail, roughly the mix TMDB's /trending/all shows.
const ALL_WEIGHTS = { movie: 1, tv: 0.9, person: 0.5 } as const;

export function trending(catalog: OfflineCatalog, media: TrendingMedia, window: TimeWindow): MediaItem[] {
  return memo(cacheFor(catalog).media, `${media}/${window}`, () => {
    if (media !== 'all') return scoredTrending(catalog, media, window).map((s) => s.item);
    const merged: Scored[] = [];
    for (const kind of ['movie', 'tv', 'person'] as const) {
      const scored = scoredTrending(catalog, kind, window);
      const top = scored[0]?.score ?? 1;
      for (const s of scored) merged.push({ item: s.item, score: (s.score / top) * ALL_WEIGHTS[kind] });
    }
    return rankScored(merged).map((s) => s.item);
  });
}
