export const SEARCH_TYPES = [
  { value: 'multi', label: 'All' },
  { value: 'movie', label: 'Movies' },
  { value: 'tv', label: 'TV' },
  { value: 'person', label: 'People' },
  { value: 'custom', label: 'Custom' },
] as const;
export type SearchType = (typeof SEARCH_TYPES)[number]['value'];

export interface SearchParams {
  q: string;
  type: SearchType;
  page: number;
}

export const SEARCH_PAGE_SIZE = 20;
export const SEARCH_MAX_LENGTH = 200;

/** The search page's state from its URL; the page and its server prefetch both read it here. */
export function parseSearchParams(search: URLSearchParams | string): SearchParams {
  const p = typeof search === 'string' ? new URLSearchParams(search) : search;
  const q = (p.get('q') ?? '').trim().slice(0, SEARCH_MAX_LENGTH).trim();
  const typeRaw = p.get('type') ?? '';
  const type = SEARCH_TYPES.find((t) => t.value === typeRaw)?.value ?? 'multi';
  const pageRaw = p.get('page') ?? '';
  const page = /^\d{1,3}$/.test(pageRaw) && Number(pageRaw) >= 1 ? Number(pageRaw) : 1;
  return { q, type, page };
}

export function searchHref(s: Partial<SearchParams> & { q: string }): string {
  const parts = [`q=${encodeURIComponent(s.q)}`];
  if (s.type && s.type !== 'multi') parts.push(`type=${s.type}`);
  if (s.page && s.page > 1) parts.push(`page=${s.page}`);
  return `/search?${parts.join('&')}`;
}

/** The /api/search query for the page. */
export const toSearchQuery = (s: SearchParams) => ({ q: s.q, type: s.type, page: s.page, limit: SEARCH_PAGE_SIZE });
