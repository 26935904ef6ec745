// Title and name search for the offline catalog: case- and accent-insensitive word matching with
// prefixes and typo tolerance (minisearch), ranked by match quality, then popularity.
import MiniSearch from 'minisearch';
import type { OfflineCatalog } from './offline-data.ts';
import type { MediaItem } from './offline-shapes.ts';

interface SearchDoc {
  id: number;
  title: string;
  original: string;
}

interface IndexedDoc {
  item: MediaItem;
  popularity: number;
  /** Normalised words of the title and the original title, for judging match quality. */
  words: Set<string>;
  /** The title and original title as word lists joined without spaces ("spiderman"). */
  phrases: string[];
}

interface SearchIndex {
  mini: MiniSearch<SearchDoc>;
  docs: IndexedDoc[];
  cache: Map<string, MediaItem[]>;
}

const CACHE_LIMIT = 200;

// Letters NFD does not decompose but people type without their stroke or ligature.
const FOLDS: Record<string, string> = { æ: 'ae', œ: 'oe', ø: 'o', ß: 'ss', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i' };

/** Lower case, accents stripped: "Amélie" and "amelie" index and query as the same word. */
export function normalizeTerm(term: string): string {
  return term
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[æœøßłđðþı]/g, (ch) => FOLDS[ch] ?? ch);
}

const SPLIT = /[\s\p{P}\p{S}]+/u;

function words(text: string): string[] {
  return text
    .split(SPLIT)
    .map(normalizeTerm)
    .filter((w) => w !== '');
}

/**
 * Index-side tokens: the words, plus hyphenated or apostrophised chunks joined up, so "spiderman"
 * finds "Spider-Man" and "schindlers" finds "Schindler's List".
 */
function indexTokens(text: string): string[] {
  const out = words(text);
  for (const chunk of text.split(/\s+/)) {
    const parts = words(chunk);
    if (parts.length > 1) out.push(parts.join(''));
  }
  return out;
}

const indexes = new WeakMap<OfflineCatalog, SearchIndex>();

function buildIndex(catalog: OfflineCatalog): SearchIndex {
  const docs: IndexedDoc[] = [];
  const searchDocs: SearchDoc[] = [];
  const add = (item: MediaItem, title: string, original: string | null, popularity: number): void => {
    const phrases = [title, original ?? ''].map((t) => words(t).join('')).filter((p) => p !== '');
    docs.push({ item, popularity, words: new Set([title, original ?? ''].flatMap(indexTokens)), phrases });
    searchDocs.push({ id: docs.length - 1, title, original: original !== null && original !== title ? original : '' });
  };
  for (const movie of catalog.movies)
    add({ media: 'movie', movie }, movie.title, movie.original_title, movie.popularity);
  for (const show of catalog.shows) add({ media: 'tv', show }, show.name, show.original_name, show.popularity);
  for (const person of catalog.people) add({ media: 'person', person }, person.name, null, person.popularity);
  const mini = new MiniSearch<SearchDoc>({
    fields: ['title', 'original'],
    tokenize: indexTokens,
    processTerm: (term) => normalizeTerm(term),
    searchOptions: {
      tokenize: words,
      processTerm: (term) => normalizeTerm(term),
    },
  });
  mini.addAll(searchDocs);
  return { mini, docs, cache: new Map() };
}

function indexFor(catalog: OfflineCatalog): SearchIndex {
  let index = indexes.get(catalog);
  if (index === undefined) {
    index = buildIndex(catalog);
    indexes.set(catalog, index);
  }
  return index;
}

/** Builds the search index ahead of the first query (it takes a few hundred milliseconds). */
export function warmSearchIndex(catalog: OfflineCatalog): void {
  indexFor(catalog);
}

/** Typos allowed per word: none for short words (too many neighbours), one, then two from 8 letters. */
function typoBudget(term: string): number | false {
  if (term.length >= 8) return 2;
  if (term.length >= 4) return 1;
  return false;
}

/** 3 whole title, 2 every word exact, 1 every word as a prefix, 0 with typos. */
function matchTier(doc: IndexedDoc, query: string[]): number {
  if (doc.phrases.includes(query.join(''))) return 3;
  if (query.every((q) => doc.words.has(q))) return 2;
  if (query.every((q) => [...doc.words].some((w) => w.startsWith(q)))) return 1;
  return 0;
}

/**
 * Every movie, show and person whose title or name matches all words of the query, best first.
 * Results are cached per normalised query so paging through them does not search again.
 */
export function searchCatalog(catalog: OfflineCatalog, query: string): MediaItem[] {
  const terms = words(query);
  if (terms.length === 0) return [];
  const index = indexFor(catalog);
  const key = terms.join(' ');
  const cached = index.cache.get(key);
  if (cached !== undefined) return cached;
  const hits = index.mini.search(query, {
    combineWith: 'AND',
    prefix: (term) => term.length >= 2,
    fuzzy: typoBudget,
    boost: { title: 2 },
  });
  const ranked = hits
    .map((hit) => {
      const doc = index.docs[Number(hit.id)];
      return doc === undefined ? undefined : { doc, tier: matchTier(doc, terms), score: hit.score };
    })
    .filter((r) => r !== undefined)
    .sort((a, b) => b.tier - a.tier || b.doc.popularity - a.doc.popularity || b.score - a.score)
    .map((r) => r.doc.item);
  if (index.cache.size >= CACHE_LIMIT) {
    const oldest = index.cache.keys().next();
    if (oldest.done !== true) index.cache.delete(oldest.value);
  }
  index.cache.set(key, ranked);
  return ranked;
}
