#!/usr/bin/env node
// Builds the bundled offline TMDB's data files from the catalog facts (the shared catalog folder:
// movies.json, people.json, tv.json, genres.json). Usage:
//
//   node scripts/build-catalog.mjs <catalog-dir>
//
// Writes compact, gzip-compressed JSON into server/catalog/offline/data/. Those files are committed;
// the app only ever reads them, so the source folder is needed only when the facts change.
// The output is deterministic (sorted keyword dictionary, gzip without a timestamp), so a rebuild
// from the same facts leaves git clean.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

/** Person ids TMDB does not know get this offset, far above TMDB's own person ids (about 6 M today). */
export const SYNTHETIC_PERSON_ID_OFFSET = 900_000_000;

// The catalog's origin_country comes from the IMDB 5000 set as an English country name; TMDB
// speaks ISO 3166-1. Entries that are not countries ("Official site", "New Line") are dropped.
const COUNTRY_CODES = {
  USA: 'US',
  UK: 'GB',
  Australia: 'AU',
  'New Zealand': 'NZ',
  Japan: 'JP',
  France: 'FR',
  China: 'CN',
  Spain: 'ES',
  Italy: 'IT',
  Germany: 'DE',
  Ireland: 'IE',
  'South Korea': 'KR',
  'South Africa': 'ZA',
  Canada: 'CA',
  Bulgaria: 'BG',
  'West Germany': 'DE',
  Taiwan: 'TW',
  Brazil: 'BR',
  'Czech Republic': 'CZ',
  Denmark: 'DK',
  Greece: 'GR',
  Russia: 'RU',
  Argentina: 'AR',
  'Hong Kong': 'HK',
  'Soviet Union': 'SU',
  Mexico: 'MX',
  Norway: 'NO',
  Hungary: 'HU',
  Peru: 'PE',
  India: 'IN',
  Israel: 'IL',
  Netherlands: 'NL',
  Poland: 'PL',
  Belgium: 'BE',
  Romania: 'RO',
  Iran: 'IR',
  Thailand: 'TH',
  Switzerland: 'CH',
  Finland: 'FI',
  Chile: 'CL',
  Bahamas: 'BS',
  Sweden: 'SE',
  Panama: 'PA',
  Georgia: 'GE',
  Egypt: 'EG',
  Colombia: 'CO',
  Aruba: 'AW',
  Slovakia: 'SK',
  Iceland: 'IS',
  Nigeria: 'NG',
  Turkey: 'TR',
  Afghanistan: 'AF',
  Kenya: 'KE',
  Kyrgyzstan: 'KG',
  Pakistan: 'PK',
  Cameroon: 'CM',
  Philippines: 'PH',
};

const DAY_MS = 86_400_000;
// The reference date sits this far before the latest release so that "upcoming" (released after it)
// and "now playing" (released shortly before it) both hold real titles.
const REFERENCE_DAYS_BEFORE_LATEST = 28;

function readJson(dir, name) {
  return JSON.parse(readFileSync(join(dir, name), 'utf8'));
}

function exposedPersonId(person) {
  return person.tmdb_id ?? SYNTHETIC_PERSON_ID_OFFSET + person.id;
}

function isoDate(ms) {
  return new Date(ms).toISOString().slice(0, 10);
}

function originCountries(movie) {
  const code = movie.origin_country ? COUNTRY_CODES[movie.origin_country] : undefined;
  if (code) return [code];
  return (movie.production_countries ?? []).map((c) => c.iso_3166_1);
}

export function buildCatalog(sourceDir) {
  const movies = readJson(sourceDir, 'movies.json');
  const people = readJson(sourceDir, 'people.json');
  const shows = readJson(sourceDir, 'tv.json');
  const genres = readJson(sourceDir, 'genres.json');

  const personIds = new Map(people.map((p) => [p.id, exposedPersonId(p)]));
  const personId = (catalogId) => {
    const id = personIds.get(catalogId);
    if (id === undefined) throw new Error(`credit points to unknown person ${catalogId}`);
    return id;
  };

  const keywords = [...new Set(movies.flatMap((m) => m.keywords ?? []))].sort();
  const keywordIndex = new Map(keywords.map((k, i) => [k, i]));

  const outMovies = movies.map((m) => ({
    id: m.id,
    title: m.title,
    original_title: m.original_title ?? null,
    original_language: m.original_language ?? null,
    release_date: m.release_date ?? null,
    runtime: m.runtime ?? null,
    status: m.status ?? null,
    adult: m.adult ?? null,
    genre_ids: (m.genres ?? []).map((g) => g.id),
    keywords: (m.keywords ?? []).map((k) => keywordIndex.get(k)),
    popularity: m.popularity ?? null,
    vote_average: m.vote_average ?? null,
    vote_count: m.vote_count ?? null,
    budget: m.budget ?? null,
    revenue: m.revenue ?? null,
    cast: (m.cast ?? []).map((c) => ({ id: personId(c.id), character: c.character ?? null, order: c.order })),
    crew: (m.crew ?? []).map((c) => ({ id: personId(c.id), job: c.job, department: c.department })),
    imdb_id: m.imdb_id ?? null,
    poster_path: m.poster_path ?? null,
    backdrop_path: m.backdrop_path ?? null,
    production_companies: m.production_companies ?? [],
    production_countries: m.production_countries ?? [],
    spoken_languages: m.spoken_languages ?? [],
    belongs_to_collection: m.belongs_to_collection ?? null,
    certification: m.certification ?? null,
    origin_country: originCountries(m),
  }));

  const outPeople = people.map((p) => ({
    id: exposedPersonId(p),
    name: p.name,
    known_for_department: p.known_for_department ?? null,
    gender: p.gender ?? null,
    profile_path: p.profile_path ?? null,
  }));

  const outShows = shows.map((s) => ({
    id: s.id,
    name: s.name,
    original_name: s.original_name ?? null,
    original_language: s.original_language ?? null,
    origin_country: s.origin_country ?? [],
    languages: s.languages ?? [],
    first_air_date: s.first_air_date ?? null,
    last_air_date: s.last_air_date ?? null,
    status: s.status ?? null,
    type: s.type ?? null,
    in_production: s.in_production ?? null,
    genre_ids: (s.genres ?? []).map((g) => g.id),
    networks: (s.networks ?? []).map((n) => ({ id: n.id, name: n.name, origin_country: n.origin_country ?? null })),
    creators: (s.creators ?? []).map((c) => personId(c.id)),
    production_companies: s.production_companies ?? [],
    episode_run_time: s.episode_run_time ?? [],
    number_of_seasons: s.number_of_seasons ?? null,
    number_of_episodes: s.number_of_episodes ?? null,
    popularity: s.popularity ?? null,
    vote_average: s.vote_average ?? null,
    vote_count: s.vote_count ?? null,
    poster_path: s.poster_path ?? null,
    backdrop_path: s.backdrop_path ?? null,
    seasons: (s.seasons ?? []).map((x) => ({
      id: x.id,
      season_number: x.season_number,
      name: x.name,
      air_date: x.air_date ?? null,
      episode_count: x.episode_count ?? 0,
      poster_path: x.poster_path ?? null,
    })),
    last_episode_to_air: s.last_episode_to_air ?? null,
    next_episode_to_air: s.next_episode_to_air ?? null,
  }));

  const releaseDates = outMovies
    .map((m) => m.release_date)
    .filter((d) => d !== null)
    .sort();
  const latestRelease = releaseDates.at(-1);
  const lastAirDates = outShows
    .map((s) => s.last_air_date)
    .filter((d) => d !== null)
    .sort();
  const meta = {
    // Movies: a fixed "today" four weeks before the newest release in the data.
    reference_date: isoDate(Date.parse(latestRelease) - REFERENCE_DAYS_BEFORE_LATEST * DAY_MS),
    // The TV facts are a 2019 snapshot; their "today" is the newest aired episode.
    tv_reference_date: lastAirDates.at(-1),
    counts: { movies: outMovies.length, people: outPeople.length, tv: outShows.length, keywords: keywords.length },
  };

  const outGenres = {
    movie: genres.movie,
    tv: genres.tv,
    movie_extra: genres.nonstandard_ids_in_data?.movie ?? [],
    tv_extra: genres.nonstandard_ids_in_data?.tv ?? [],
  };

  return { movies: { keywords, movies: outMovies }, people: outPeople, tv: outShows, genres: outGenres, meta };
}

function writeGz(path, value) {
  const bytes = gzipSync(Buffer.from(JSON.stringify(value)), { level: 9 });
  writeFileSync(path, bytes);
  return bytes.length;
}

function main() {
  const sourceDir = process.argv[2];
  if (!sourceDir) {
    process.stderr.write('usage: node scripts/build-catalog.mjs <catalog-dir>\n');
    process.exit(2);
  }
  const outDir = fileURLToPath(new URL('../server/catalog/offline/data/', import.meta.url));
  mkdirSync(outDir, { recursive: true });
  const built = buildCatalog(resolve(sourceDir));
  const sizes = {
    'movies.json.gz': writeGz(join(outDir, 'movies.json.gz'), built.movies),
    'people.json.gz': writeGz(join(outDir, 'people.json.gz'), built.people),
    'tv.json.gz': writeGz(join(outDir, 'tv.json.gz'), built.tv),
  };
  writeFileSync(join(outDir, 'genres.json'), `${JSON.stringify(built.genres, null, 2)}\n`);
  writeFileSync(join(outDir, 'meta.json'), `${JSON.stringify(built.meta, null, 2)}\n`);
  for (const [name, size] of Object.entries(sizes)) {
    process.stdout.write(`${name}: ${(size / 1024).toFixed(0)} KiB\n`);
  }
  process.stdout.write(`reference date ${built.meta.reference_date}, tv ${built.meta.tv_reference_date}\n`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
