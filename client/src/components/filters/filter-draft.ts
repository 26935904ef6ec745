import { parseDiscoverFilters, type DiscoverFilters } from '../../lib/discover-filters.ts';

/** The filter form's fields as typed (strings, so a half-typed year is not lost). */
export interface FilterDraft {
  genres: number[];
  yearFrom: string;
  yearTo: string;
  minRating: string;
  runtimeMin: string;
  runtimeMax: string;
  language: string;
  sort: string;
}

const text = (v: number | undefined) => (v === undefined ? '' : String(v));

export const toDraft = (f: DiscoverFilters): FilterDraft => ({
  genres: f.genres,
  yearFrom: text(f.yearFrom),
  yearTo: text(f.yearTo),
  minRating: text(f.minRating),
  runtimeMin: text(f.runtimeMin),
  runtimeMax: text(f.runtimeMax),
  language: f.language ?? '',
  sort: f.sort,
});

/** Back to filters through the same parser the URL goes through, so both clean values alike. */
export function fromDraft(d: FilterDraft): DiscoverFilters {
  const p = new URLSearchParams();
  for (const g of d.genres) p.append('genre', String(g));
  const { genres: _genres, ...fields } = d;
  for (const [k, v] of Object.entries(fields)) if (v !== '') p.set(k, v);
  return { ...parseDiscoverFilters(p), page: 1 };
}
