// "Similar" and "recommendations" for the offline catalog. TMDB's own lists are not in the data, so
// they are derived from what titles share: genres and keywords (similar), plus cast, director and
// collection (recommendations). Deterministic: ties fall back to popularity, then id.
import type { OfflineCatalog, OfflineMovie, OfflineShow } from './offline-data.ts';

/** TMDB's related lists run to a few pages; past that the overlap is too thin to mean anything. */
export const RELATED_LIMIT = 100;
const CACHE_LIMIT = 2_000;

interface MovieIndex {
  byGenre: Map<number, OfflineMovie[]>;
  byKeyword: Map<number, OfflineMovie[]>;
  keywordWeight: (keyword: number) => number;
  cache: Map<string, OfflineMovie[]>;
}

const indexes = new WeakMap<OfflineCatalog, MovieIndex>();

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

function movieIndex(catalog: OfflineCatalog): MovieIndex {
  let index = indexes.get(catalog);
  if (index === undefined) {
    const byGenre = new Map<number, OfflineMovie[]>();
    const byKeyword = new Map<number, OfflineMovie[]>();
    for (const m of catalog.movies) {
      for (const g of m.genre_ids) push(byGenre, g, m);
      for (const k of m.keywords) push(byKeyword, k, m);
    }
    const logN = Math.log(catalog.movies.length);
    // A keyword on a handful of films ("time paradox") says far more than one on hundreds
    // ("woman director"), so keywords weigh by rarity (inverse document frequency), 0.5..2.5.
    const keywordWeight = (k: number): number => {
      const df = byKeyword.get(k)?.length ?? 1;
      return 0.5 + (2 * Math.log(catalog.movies.length / df)) / logN;
    };
    index = { byGenre, byKeyword, keywordWeight, cache: new Map() };
    indexes.set(catalog, index);
  }
  return index;
}

function remember<T>(cache: Map<string, T>, key: string, compute: () => T): T {
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const value = compute();
  // FIFO eviction keeps memory bounded; related lists are cheap enough to recompute.
  if (cache.size >= CACHE_LIMIT) {
    const oldest = cache.keys().next();
    if (oldest.done !== true) cache.delete(oldest.value);
  }
  cache.set(key, value);
  return value;
}

function ranked<T extends { id: number; popularity: number }>(scores: Map<T, number>, minScore: number): T[] {
  return [...scores]
    .filter(([, score]) => score >= minScore)
    .sort(([a, sa], [b, sb]) => sb - sa || b.popularity - a.popularity || a.id - b.id)
    .slice(0, RELATED_LIMIT)
    .map(([item]) => item);
}

function add<T>(scores: Map<T, number>, item: T, value: number): void {
  scores.set(item, (scores.get(item) ?? 0) + value);
}

function similarScores(catalog: OfflineCatalog, movie: OfflineMovie): Map<OfflineMovie, number> {
  const index = movieIndex(catalog);
  const scores = new Map<OfflineMovie, number>();
  for (const g of movie.genre_ids) for (const m of index.byGenre.get(g) ?? []) add(scores, m, 1);
  for (const k of movie.keywords) {
    const weight = index.keywordWeight(k);
    for (const m of index.byKeyword.get(k) ?? []) add(scores, m, weight);
  }
  scores.delete(movie);
  // Films of the same era sit closer than the same genres decades apart.
  if (movie.year !== null) {
    for (const [m, score] of scores) {
      if (m.year !== null) scores.set(m, score + 0.5 * Math.exp(-Math.abs(m.year - movie.year) / 10));
    }
  }
  return scores;
}

export function similarMovies(catalog: OfflineCatalog, movie: OfflineMovie): OfflineMovie[] {
  return remember(movieIndex(catalog).cache, `s${movie.id}`, () => ranked(similarScores(catalog, movie), 1));
}

export function recommendedMovies(catalog: OfflineCatalog, movie: OfflineMovie): OfflineMovie[] {
  return remember(movieIndex(catalog).cache, `r${movie.id}`, () => {
    const scores = similarScores(catalog, movie);
    for (const c of movie.cast) {
      for (const credit of catalog.personById.get(c.id)?.credits ?? []) {
        if (credit.kind === 'cast') add(scores, credit.movie, c.order < 5 && credit.order < 5 ? 1.2 : 0.6);
      }
    }
    for (const c of movie.crew) {
      if (c.job !== 'Director') continue;
      for (const credit of catalog.personById.get(c.id)?.credits ?? []) {
        if (credit.kind === 'crew' && credit.job === 'Director') add(scores, credit.movie, 2.5);
      }
    }
    const collection = movie.belongs_to_collection?.id;
    if (collection !== undefined) {
      for (const m of catalog.movies) if (m.belongs_to_collection?.id === collection) add(scores, m, 3);
    }
    scores.delete(movie);
    return ranked(scores, 1.5);
  });
}

function showScores(catalog: OfflineCatalog, show: OfflineShow, withCreators: boolean): Map<OfflineShow, number> {
  const scores = new Map<OfflineShow, number>();
  const genres = new Set(show.genre_ids);
  const networks = new Set(show.networks.map((n) => n.id));
  const creators = new Set(show.creators);
  for (const other of catalog.shows) {
    if (other === show) continue;
    let score = 0;
    for (const g of other.genre_ids) if (genres.has(g)) score += 1;
    for (const n of other.networks) if (networks.has(n.id)) score += 0.75;
    if (other.original_language !== null && other.original_language === show.original_language) score += 0.5;
    if (withCreators) for (const c of other.creators) if (creators.has(c)) score += 2;
    if (score > 0) scores.set(other, score);
  }
  return scores;
}

export function similarShows(catalog: OfflineCatalog, show: OfflineShow): OfflineShow[] {
  return ranked(showScores(catalog, show, false), 1);
}

export function recommendedShows(catalog: OfflineCatalog, show: OfflineShow): OfflineShow[] {
  return ranked(showScores(catalog, show, true), 1.5);
}
