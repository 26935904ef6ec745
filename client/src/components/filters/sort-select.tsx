import { SORT_OPTIONS } from '../../lib/discover-filters.ts';

/**
 * Sort order, shown above the results but part of the filter form (form=…), so the form
 * submitted without JavaScript carries it too.
 */
export function SortSelect({
  formId,
  value,
  onChange,
}: {
  formId: string;
  value: string;
  onChange: (v: string) => void;
}) {
  return (
    <div className="flex items-center gap-2">
      <label htmlFor="filter-sort" className="shrink-0 text-sm text-slate-400">
        Sort by
      </label>
      <select
        id="filter-sort"
        name="sort"
        form={formId}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        className="w-full rounded-md border-0 bg-slate-900 px-3 py-2 text-sm text-slate-100 ring-1 ring-white/15 focus:ring-2 focus:ring-rose-500 focus:outline-none"
      >
        {SORT_OPTIONS.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
