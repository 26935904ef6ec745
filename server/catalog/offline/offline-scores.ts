// Pure scoring rules behind the offline lists. The catalog mixes popularity snapshots (about 2017,
// 2019) and has none for about a thousand newer movies, so lists are derived from these rules rather
// than read from the data. Everything here is deterministic: same data, same lists.

export const DAY_MS = 86_400_000;

export type TimeWindow = 'day' | 'week';

/** Days from `fromMs` to `toMs`; negative when `toMs` lies before `fromMs`. */
export function daysBetween(fromMs: number, toMs: number): number {
  return (toMs - fromMs) / DAY_MS;
}

export function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/**
 * A popularity for a movie the data has none for, on the scale of TMDB's figures (median about 12):
 * well-rated titles score higher, vote counts (when known) add weight, and recent releases get the
 * boost TMDB's own popularity gives them.
 */
export function derivedPopularity(
  voteAverage: number | null,
  voteCount: number | null,
  ageDays: number | null,
): number {
  const quality = 4 + 6 * Math.max(0, (voteAverage ?? 5) - 5) ** 1.5;
  const votes = voteCount === null ? 1 : 0.5 + Math.log10(1 + voteCount) / 4;
  const ageYears = ageDays === null ? 50 : Math.max(0, ageDays) / 365;
  const recency = 1 + 3 * Math.exp(-ageYears / 2);
  return round3(quality * votes * recency);
}

// Half-lives of the recency weight: "today" favours the newest releases hard, "this week" lets
// strong older titles back in, so the two lists share titles but not their order.
const HALF_LIFE_DAYS: Record<TimeWindow, number> = { day: 120, week: 540 };

/**
 * Trending weight of a title: its popularity decayed by its distance from the reference date.
 * Titles not out yet count at a longer distance so they trail the ones just released.
 */
export function trendingScore(popularity: number, ageDays: number | null, window: TimeWindow): number {
  if (ageDays === null) return 0;
  const distance = ageDays >= 0 ? ageDays : -ageDays * 1.5;
  return popularity * 2 ** (-distance / HALF_LIFE_DAYS[window]);
}

export type CreditWeightInput = { kind: 'cast'; order: number } | { kind: 'crew'; job: string } | { kind: 'creator' };

/**
 * How much of a title's popularity rubs off on a person for one credit. Billing matters most, as
 * on TMDB, where the people lists are led by actors; behind the camera counts for less.
 */
export function creditWeight(credit: CreditWeightInput): number {
  switch (credit.kind) {
    case 'cast':
      return Math.max(0.2, 1 - 0.15 * credit.order);
    case 'creator':
      return 0.35;
    case 'crew':
      if (credit.job === 'Director') return 0.6;
      if (credit.job === 'Screenplay' || credit.job === 'Writer' || credit.job === 'Novel') return 0.35;
      return 0.25;
  }
}

/**
 * A person's popularity from their weighted credit contributions: their three strongest credits
 * dominate (as with TMDB, one hit makes a star), a long filmography adds a little.
 */
export function personPopularity(contributions: readonly number[]): number {
  if (contributions.length === 0) return 0;
  const top = [...contributions].sort((a, b) => b - a).slice(0, 3);
  const mean = top.reduce((sum, v) => sum + v, 0) / top.length;
  return round3(0.6 * mean + 1.5 * Math.log2(1 + contributions.length));
}

export interface Paged<T> {
  page: number;
  results: T[];
  total_pages: number;
  total_results: number;
}

export const PAGE_SIZE = 20;
export const MAX_PAGE = 500;

/** TMDB's pagination: 20 a page; a page past the end is empty, total_pages is at least 1. */
export function paginate<T, R>(items: readonly T[], page: number, map: (item: T) => R): Paged<R> {
  const start = (page - 1) * PAGE_SIZE;
  return {
    page,
    results: items.slice(start, start + PAGE_SIZE).map(map),
    total_pages: Math.max(1, Math.ceil(items.length / PAGE_SIZE)),
    total_results: items.length,
  };
}

/** Deterministic 24-hex id in the shape of TMDB's credit ids (they are Mongo object ids). */
export function syntheticHexId(...parts: ReadonlyArray<string | number>): string {
  const text = parts.join(':');
  let out = '';
  // Three FNV-1a passes with different seeds give 96 bits, enough for distinct keys per credit.
  for (const seed of [0x811c9dc5, 0x01000193, 0x5bd1e995]) {
    let h = seed >>> 0;
    for (let i = 0; i < text.length; i += 1) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    out += h.toString(16).padStart(8, '0');
  }
  return out;
}
