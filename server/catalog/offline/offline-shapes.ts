// TMDB v3 response shapes for the offline catalog: list items and the pieces details pages share.
// Fields TMDB always sends but the facts lack are null (or "" for prose fields such as overview,
// which TMDB itself sends as "" when it has none); nothing is invented.
import {
  creditPopularity,
  weightInput,
  type OfflineCatalog,
  type OfflineMovie,
  type OfflinePerson,
  type OfflineShow,
  type PersonCredit,
} from './offline-data.ts';
import { creditWeight } from './offline-scores.ts';

export interface MovieListItem {
  adult: boolean;
  backdrop_path: string;
  genre_ids: number[];
  id: number;
  original_language: string | null;
  original_title: string | null;
  overview: string;
  popularity: number;
  poster_path: string;
  release_date: string | null;
  title: string;
  video: boolean;
  vote_average: number | null;
  vote_count: number | null;
}

export interface TvListItem {
  adult: boolean;
  backdrop_path: string;
  first_air_date: string | null;
  genre_ids: number[];
  id: number;
  name: string;
  origin_country: string[];
  original_language: string | null;
  original_name: string | null;
  overview: string;
  popularity: number;
  poster_path: string;
  vote_average: number | null;
  vote_count: number | null;
}

export type KnownForItem = (MovieListItem & { media_type: 'movie' }) | (TvListItem & { media_type: 'tv' });

export interface PersonListItem {
  adult: boolean;
  gender: number;
  id: number;
  known_for_department: string | null;
  name: string;
  original_name: string;
  popularity: number;
  profile_path: string;
  known_for: KnownForItem[];
}

// List items are immutable and asked for constantly (every list, search and credit page), so each is
// built once per title and shared; responses only ever serialise them.
const movieItems = new WeakMap<OfflineMovie, MovieListItem>();
const showItems = new WeakMap<OfflineShow, TvListItem>();
const personItems = new WeakMap<OfflinePerson, PersonListItem>();

export function movieListItem(m: OfflineMovie): MovieListItem {
  let item = movieItems.get(m);
  if (item === undefined) {
    item = {
      adult: m.adult ?? false,
      backdrop_path: m.backdrop_path,
      genre_ids: m.genre_ids,
      id: m.id,
      original_language: m.original_language,
      original_title: m.original_title,
      overview: '',
      popularity: m.popularity,
      poster_path: m.poster_path,
      release_date: m.release_date,
      title: m.title,
      video: false,
      vote_average: m.vote_average,
      vote_count: m.vote_count,
    };
    movieItems.set(m, item);
  }
  return item;
}

export function tvListItem(s: OfflineShow): TvListItem {
  let item = showItems.get(s);
  if (item === undefined) {
    item = {
      adult: false,
      backdrop_path: s.backdrop_path,
      first_air_date: s.first_air_date,
      genre_ids: s.genre_ids,
      id: s.id,
      name: s.name,
      origin_country: s.origin_country,
      original_language: s.original_language,
      original_name: s.original_name,
      overview: '',
      popularity: s.popularity,
      poster_path: s.poster_path,
      vote_average: s.vote_average,
      vote_count: s.vote_count,
    };
    showItems.set(s, item);
  }
  return item;
}

export function creditTitleItem(c: PersonCredit): KnownForItem {
  return c.kind === 'creator'
    ? { ...tvListItem(c.show), media_type: 'tv' }
    : { ...movieListItem(c.movie), media_type: 'movie' };
}

/** A person's three strongest titles, as TMDB's known_for. */
function knownFor(p: OfflinePerson): KnownForItem[] {
  const seen = new Set<string>();
  const ranked = [...p.credits].sort(
    (a, b) => creditPopularity(b) * creditWeight(weightInput(b)) - creditPopularity(a) * creditWeight(weightInput(a)),
  );
  const out: KnownForItem[] = [];
  for (const c of ranked) {
    const key = c.kind === 'creator' ? `tv${c.show.id}` : `movie${c.movie.id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(creditTitleItem(c));
    if (out.length === 3) break;
  }
  return out;
}

export function personListItem(p: OfflinePerson): PersonListItem {
  let item = personItems.get(p);
  if (item === undefined) {
    item = {
      adult: false,
      // TMDB's 0 is "not specified", which is what the catalog knows for almost everyone.
      gender: p.gender ?? 0,
      id: p.id,
      known_for_department: p.known_for_department,
      name: p.name,
      original_name: p.name,
      popularity: p.popularity,
      profile_path: p.profile_path,
      known_for: knownFor(p),
    };
    personItems.set(p, item);
  }
  return item;
}

export type MediaItem =
  | { media: 'movie'; movie: OfflineMovie }
  | { media: 'tv'; show: OfflineShow }
  | { media: 'person'; person: OfflinePerson };

/** A list item carrying media_type, as trending and multi search return them. */
export function mediaListItem(item: MediaItem): KnownForItem | (PersonListItem & { media_type: 'person' }) {
  if (item.media === 'movie') return { ...movieListItem(item.movie), media_type: 'movie' };
  if (item.media === 'tv') return { ...tvListItem(item.show), media_type: 'tv' };
  return { ...personListItem(item.person), media_type: 'person' };
}

function languageName(code: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** TMDB's spoken_languages entry; `name` is the language's own name, as TMDB gives it. */
export function spokenLanguage(
  code: string,
  nativeName?: string,
): { english_name: string; iso_639_1: string; name: string } {
  return {
    english_name: languageName(code, 'en'),
    iso_639_1: code,
    name: nativeName ?? languageName(code, code),
  };
}

// The drawn posters' natural sizes (see offline-posters.ts), reported in images endpoints.
const POSTER_SIZE = { width: 600, height: 900 };
const BACKDROP_SIZE = { width: 1280, height: 720 };

export function imageEntry(filePath: string, shape: 'poster' | 'backdrop') {
  const size = shape === 'poster' ? POSTER_SIZE : BACKDROP_SIZE;
  return {
    aspect_ratio: Math.round((size.width / size.height) * 1000) / 1000,
    height: size.height,
    iso_639_1: null,
    file_path: filePath,
    vote_average: 0,
    vote_count: 0,
    width: size.width,
  };
}

export function genreObjects(ids: readonly number[], names: Map<number, string>): Array<{ id: number; name: string }> {
  return ids.map((id) => ({ id, name: names.get(id) ?? '' }));
}

export function catalogGenreNames(catalog: OfflineCatalog, media: 'movie' | 'tv'): Map<number, string> {
  return media === 'movie' ? catalog.movieGenreNames : catalog.tvGenreNames;
}
