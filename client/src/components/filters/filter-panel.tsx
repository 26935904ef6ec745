import { useState } from 'react';
import { Link } from 'wouter';
import type { Genre } from '#shared/contracts/catalog';
import {
  DEFAULT_SORT,
  filtersToSearch,
  RUNTIME_MAX,
  YEAR_MAX,
  YEAR_MIN,
  type DiscoverFilters,
} from '../../lib/discover-filters.ts';
import { LANGUAGES } from '../../lib/format.ts';
import { fromDraft, toDraft, type FilterDraft } from './filter-draft.ts';
import { GenrePicker } from './genre-picker.tsx';
import { RangeFields } from './range-fields.tsx';
import { SelectField } from './select-field.tsx';

const RATINGS = ['5', '6', '7', '7.5', '8', '9'];
const LANGUAGE_OPTIONS = [
  { value: '', label: 'Any language' },
  ...Object.entries(LANGUAGES)
    .map(([value, label]) => ({ value, label }))
    .sort((a, b) => a.label.localeCompare(b.label)),
];

interface Props {
  formId: string;
  kind: 'movie' | 'tv';
  basePath: string;
  genres: Genre[];
  filters: DiscoverFilters;
  onApply: (filters: DiscoverFilters) => void;
}

/**
 * The filters as a GET form (it works before hydration, too). Chips and selects apply at once;
 * number fields apply on Enter or "Apply". The URL is the state: the draft follows it when it
 * changes (back button, a link), and applying navigates to the new URL.
 */
export function FilterPanel({ formId, kind, basePath, genres, filters, onApply }: Props) {
  const urlKey = filtersToSearch(filters);
  const [draft, setDraft] = useState(() => toDraft(filters));
  const [syncedKey, setSyncedKey] = useState(urlKey);
  if (syncedKey !== urlKey) {
    setSyncedKey(urlKey);
    setDraft(toDraft(filters));
  }
  const change = (patch: Partial<FilterDraft>, applyNow: boolean) => {
    const next = { ...draft, ...patch };
    setDraft(next);
    if (applyNow) onApply(fromDraft(next));
  };
  const ratingOptions = [
    { value: '', label: 'Any rating' },
    ...[...new Set([...RATINGS, draft.minRating].filter(Boolean))]
      .sort((a, b) => Number(a) - Number(b))
      .map((r) => ({ value: r, label: `${r}+ stars` })),
  ];
  const tv = kind === 'tv';
  return (
    <form
      id={formId}
      role="search"
      aria-label={`Filter ${tv ? 'TV shows' : 'movies'}`}
      action={basePath}
      method="get"
      onSubmit={(e) => {
        e.preventDefault();
        onApply(fromDraft(draft));
      }}
      className="space-y-6"
    >
      <GenrePicker
        genres={genres}
        selected={draft.genres}
        onToggle={(id, on) =>
          change({ genres: on ? [...draft.genres, id] : draft.genres.filter((g) => g !== id) }, true)
        }
      />
      <RangeFields
        legend={tv ? 'First aired' : 'Release year'}
        names={['yearFrom', 'yearTo']}
        labels={['From year', 'To year']}
        placeholder={['From', 'To']}
        values={[draft.yearFrom, draft.yearTo]}
        min={YEAR_MIN}
        max={YEAR_MAX}
        onChange={(i, v) => change(i === 0 ? { yearFrom: v } : { yearTo: v }, false)}
      />
      <SelectField
        id="filter-minRating"
        name="minRating"
        label="Minimum rating"
        value={draft.minRating}
        options={ratingOptions}
        onChange={(v) => change({ minRating: v }, true)}
      />
      <RangeFields
        legend={tv ? 'Episode runtime (minutes)' : 'Runtime (minutes)'}
        names={['runtimeMin', 'runtimeMax']}
        labels={['Shortest runtime in minutes', 'Longest runtime in minutes']}
        placeholder={['Min', 'Max']}
        values={[draft.runtimeMin, draft.runtimeMax]}
        min={0}
        max={RUNTIME_MAX}
        onChange={(i, v) => change(i === 0 ? { runtimeMin: v } : { runtimeMax: v }, false)}
      />
      <SelectField
        id="filter-language"
        name="language"
        label="Original language"
        value={draft.language}
        options={LANGUAGE_OPTIONS}
        onChange={(v) => change({ language: v }, true)}
      />
      <div className="flex items-center gap-4">
        <button
          type="submit"
          className="rounded-md bg-rose-600 px-4 py-2 text-sm font-semibold text-white shadow hover:bg-rose-500"
        >
          Apply filters
        </button>
        <Link
          href={`${basePath}${draft.sort === DEFAULT_SORT ? '' : `?sort=${draft.sort}`}`}
          className="text-sm text-slate-300 underline-offset-4 hover:text-white hover:underline"
        >
          Clear all
        </Link>
      </div>
    </form>
  );
}
