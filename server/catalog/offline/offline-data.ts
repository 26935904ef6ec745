import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import type { z } from 'zod';
import {
  GenresFile,
  MetaFile,
  MoviesFile,
  PeopleFile,
  ShowsFile,
  type Genre,
  type MovieRecord,
  type PersonRecord,
  type ShowRecord,
} from './offline-records.ts';
import {
  creditWeight,
  daysBetween,
  derivedPopularity,
  personPopularity,
  type CreditWeightInput,
} from './offline-scores.ts';

/** Must match scripts/build-catalog.mjs: person ids TMDB does not know live above this. */
export const SYNTHETIC_PERSON_ID_OFFSET = 900_000_000;
/** The catalog has keyword names but not TMDB's keyword ids; ours live above this. */
export const SYNTHETIC_KEYWORD_ID_OFFSET = 900_000_000;

export interface OfflineMovie extends Omit<MovieRecord, 'popularity' | 'poster_path' | 'backdrop_path'> {
  /** From the data, or derived (see derivedPopularity) where the data has none. */
  popularity: number;
  poster_path: string;
  backdrop_path: string;
  releaseMs: number | null;
  year: number | null;
}

export type OfflineSeason = Omit<ShowRecord['seasons'][number], 'poster_path'> & { poster_path: string };

export interface OfflineShow extends Omit<ShowRecord, 'popularity' | 'poster_path' | 'backdrop_path' | 'seasons'> {
  popularity: number;
  poster_path: string;
  backdrop_path: string;
  seasons: OfflineSeason[];
  firstAirMs: number | null;
  lastAirMs: number | null;
}

export type PersonCredit =
  | { kind: 'cast'; movie: OfflineMovie; character: string | null; order: number }
  | { kind: 'crew'; movie: OfflineMovie; job: string; department: string }
  | { kind: 'creator'; show: OfflineShow };

export interface OfflinePerson extends Omit<PersonRecord, 'profile_path'> {
  profile_path: string;
  popularity: number;
  credits: PersonCredit[];
}

/** What an image path draws; every path the service hands out has one. */
export type ImageSubject =
  | { kind: 'movie'; shape: 'poster' | 'backdrop'; movie: OfflineMovie }
  | { kind: 'tv'; shape: 'poster' | 'backdrop'; show: OfflineShow }
  | { kind: 'season'; show: OfflineShow; season: OfflineSeason }
  | { kind: 'person'; person: OfflinePerson }
  | { kind: 'collection'; shape: 'poster' | 'backdrop'; id: number; name: string };

export interface OfflineCatalog {
  referenceDate: string;
  referenceMs: number;
  tvReferenceDate: string;
  tvReferenceMs: number;
  movies: OfflineMovie[];
  movieById: Map<number, OfflineMovie>;
  shows: OfflineShow[];
  showById: Map<number, OfflineShow>;
  people: OfflinePerson[];
  personById: Map<number, OfflinePerson>;
  keywords: readonly string[];
  movieGenres: Genre[];
  tvGenres: Genre[];
  movieGenreNames: Map<number, string>;
  tvGenreNames: Map<number, string>;
  images: Map<string, ImageSubject>;
}

const DATA_DIR = new URL('./data/', import.meta.url);
const gunzipAsync = promisify(gunzip);

async function readGz<S extends z.ZodType>(name: string, schema: S): Promise<z.infer<S>> {
  const bytes = await gunzipAsync(await readFile(new URL(name, DATA_DIR)));
  return schema.parse(JSON.parse(bytes.toString('utf8')));
}

async function readPlain<S extends z.ZodType>(name: string, schema: S): Promise<z.infer<S>> {
  return schema.parse(JSON.parse(await readFile(new URL(name, DATA_DIR), 'utf8')));
}

function dateMs(date: string | null): number | null {
  return date === null ? null : Date.parse(`${date}T00:00:00Z`);
}

function enrichMovie(record: MovieRecord, referenceMs: number): OfflineMovie {
  const releaseMs = dateMs(record.release_date);
  const ageDays = releaseMs === null ? null : daysBetween(releaseMs, referenceMs);
  return {
    ...record,
    popularity: record.popularity ?? derivedPopularity(record.vote_average, record.vote_count, ageDays),
    poster_path: record.poster_path ?? `/cinehub-m${record.id}.svg`,
    backdrop_path: record.backdrop_path ?? `/cinehub-mb${record.id}.svg`,
    releaseMs,
    year: record.release_date === null ? null : Number(record.release_date.slice(0, 4)),
  };
}

function enrichShow(record: ShowRecord, tvReferenceMs: number): OfflineShow {
  const lastAirMs = dateMs(record.last_air_date);
  const ageDays = lastAirMs === null ? null : daysBetween(lastAirMs, tvReferenceMs);
  return {
    ...record,
    popularity: record.popularity ?? derivedPopularity(record.vote_average, record.vote_count, ageDays),
    poster_path: record.poster_path ?? `/cinehub-t${record.id}.svg`,
    backdrop_path: record.backdrop_path ?? `/cinehub-tb${record.id}.svg`,
    seasons: record.seasons.map((s) => ({ ...s, poster_path: s.poster_path ?? `/cinehub-s${s.id}.svg` })),
    firstAirMs: dateMs(record.first_air_date),
    lastAirMs,
  };
}

function attachCredits(people: OfflinePerson[], movies: OfflineMovie[], shows: OfflineShow[]): void {
  const byId = new Map(people.map((p) => [p.id, p]));
  const credit = (id: number, c: PersonCredit): void => {
    byId.get(id)?.credits.push(c);
  };
  for (const movie of movies) {
    for (const c of movie.cast) credit(c.id, { kind: 'cast', movie, character: c.character, order: c.order });
    for (const c of movie.crew) credit(c.id, { kind: 'crew', movie, job: c.job, department: c.department });
  }
  for (const show of shows) for (const id of show.creators) credit(id, { kind: 'creator', show });
  for (const person of people) {
    person.popularity = personPopularity(person.credits.map((c) => creditPopularity(c) * creditWeight(weightInput(c))));
  }
}

export function creditPopularity(c: PersonCredit): number {
  return c.kind === 'creator' ? c.show.popularity : c.movie.popularity;
}

export function weightInput(c: PersonCredit): CreditWeightInput {
  if (c.kind === 'cast') return { kind: 'cast', order: c.order };
  if (c.kind === 'crew') return { kind: 'crew', job: c.job };
  return { kind: 'creator' };
}

function indexImages(movies: OfflineMovie[], shows: OfflineShow[], people: OfflinePerson[]): Map<string, ImageSubject> {
  const images = new Map<string, ImageSubject>();
  // Real TMDB paths can repeat (a collection reuses a film's poster); the first owner draws it.
  const add = (path: string | null, subject: ImageSubject): void => {
    if (path !== null && !images.has(path)) images.set(path, subject);
  };
  for (const movie of movies) {
    add(movie.poster_path, { kind: 'movie', shape: 'poster', movie });
    add(movie.backdrop_path, { kind: 'movie', shape: 'backdrop', movie });
  }
  for (const show of shows) {
    add(show.poster_path, { kind: 'tv', shape: 'poster', show });
    add(show.backdrop_path, { kind: 'tv', shape: 'backdrop', show });
    for (const season of show.seasons) add(season.poster_path, { kind: 'season', show, season });
  }
  for (const person of people) add(person.profile_path, { kind: 'person', person });
  for (const movie of movies) {
    const c = movie.belongs_to_collection;
    if (c === null) continue;
    add(collectionImagePath(c, 'poster'), { kind: 'collection', shape: 'poster', id: c.id, name: c.name });
    add(collectionImagePath(c, 'backdrop'), { kind: 'collection', shape: 'backdrop', id: c.id, name: c.name });
  }
  return images;
}

export function collectionImagePath(
  c: NonNullable<MovieRecord['belongs_to_collection']>,
  shape: 'poster' | 'backdrop',
): string {
  if (shape === 'poster') return c.poster_path ?? `/cinehub-c${c.id}.svg`;
  return c.backdrop_path ?? `/cinehub-cb${c.id}.svg`;
}

async function buildCatalog(): Promise<OfflineCatalog> {
  const [moviesFile, peopleFile, showsFile, genres, meta] = await Promise.all([
    readGz('movies.json.gz', MoviesFile),
    readGz('people.json.gz', PeopleFile),
    readGz('tv.json.gz', ShowsFile),
    readPlain('genres.json', GenresFile),
    readPlain('meta.json', MetaFile),
  ]);
  const referenceMs = Date.parse(`${meta.reference_date}T00:00:00Z`);
  const tvReferenceMs = Date.parse(`${meta.tv_reference_date}T00:00:00Z`);
  const movies = moviesFile.movies.map((m) => enrichMovie(m, referenceMs));
  const shows = showsFile.map((s) => enrichShow(s, tvReferenceMs));
  const people: OfflinePerson[] = peopleFile.map((p) => ({
    ...p,
    profile_path: p.profile_path ?? `/cinehub-p${p.id}.svg`,
    popularity: 0,
    credits: [],
  }));
  attachCredits(people, movies, shows);
  return {
    referenceDate: meta.reference_date,
    referenceMs,
    tvReferenceDate: meta.tv_reference_date,
    tvReferenceMs,
    movies,
    movieById: new Map(movies.map((m) => [m.id, m])),
    shows,
    showById: new Map(shows.map((s) => [s.id, s])),
    people,
    personById: new Map(people.map((p) => [p.id, p])),
    keywords: moviesFile.keywords,
    movieGenres: genres.movie,
    tvGenres: genres.tv,
    movieGenreNames: new Map([...genres.movie, ...genres.movie_extra].map((g) => [g.id, g.name])),
    tvGenreNames: new Map([...genres.tv, ...genres.tv_extra].map((g) => [g.id, g.name])),
    images: indexImages(movies, shows, people),
  };
}

let loading: Promise<OfflineCatalog> | undefined;

/** Loads and indexes the bundled data once per process; later calls share the same promise. */
export function loadOfflineCatalog(): Promise<OfflineCatalog> {
  if (loading === undefined) {
    loading = buildCatalog();
    // A failed load (a broken data file) should surface on every call, not be cached as success.
    loading.catch(() => {
      loading = undefined;
    });
  }
  return loading;
}
