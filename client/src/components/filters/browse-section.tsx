import { Suspense, useState } from 'react';
import { useLocation, useSearch } from 'wouter';
import { useGenres } from '../../hooks/use-catalog.ts';
import { cn } from '../../lib/cn.ts';
import {
  filtersToSearch,
  hasActiveFilters,
  parseDiscoverFilters,
  type DiscoverFilters,
} from '../../lib/discover-filters.ts';
import { PageTransition } from '../layout/page-transition.tsx';
import { GridSkeleton } from '../ui/skeletons.tsx';
import { BrowseResults } from './browse-results.tsx';
import { FilterPanel } from './filter-panel.tsx';
import { SortSelect } from './sort-select.tsx';

export const browsePath = (kind: 'movie' | 'tv') => (kind === 'movie' ? '/movies' : '/tv');

/** A browse page (/movies, /tv): filters on the side, results for the URL's query beside them. */
export function BrowseSection({ kind }: { kind: 'movie' | 'tv' }) {
  const search = useSearch();
  const [, navigate] = useLocation();
  const filters = parseDiscoverFilters(search);
  const { data: genres } = useGenres(kind);
  const [filtersOpen, setFiltersOpen] = useState(false);
  const basePath = browsePath(kind);
  const formId = `${kind}-filters`;
  const apply = (next: DiscoverFilters) => navigate(`${basePath}${filtersToSearch(next)}`);
  const active = hasActiveFilters(filters);
  return (
    <PageTransition className="px-4 sm:px-6">
      <header className="flex flex-wrap items-end justify-between gap-4 pt-8">
        <div>
          <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">{kind === 'movie' ? 'Movies' : 'TV shows'}</h1>
          <p className="mt-1 text-slate-400">
            Browse by genre, year, rating, runtime and language. Every view has its own link.
          </p>
        </div>
        <div className="w-60">
          <SortSelect formId={formId} value={filters.sort} onChange={(sort) => apply({ ...filters, sort, page: 1 })} />
        </div>
      </header>
      <div className="mt-8 lg:grid lg:grid-cols-[17rem_minmax(0,1fr)] lg:gap-10">
        <aside aria-label="Filters" className="mb-8 lg:mb-0">
          <button
            type="button"
            aria-expanded={filtersOpen}
            aria-controls={`${formId}-panel`}
            onClick={() => setFiltersOpen((o) => !o)}
            className="mb-4 inline-flex items-center gap-2 rounded-md bg-white/10 px-4 py-2 text-sm font-medium ring-1 ring-white/15 hover:bg-white/15 lg:hidden"
          >
            {filtersOpen ? 'Hide filters' : 'Show filters'}
            {active && <span className="rounded-full bg-rose-600 px-2 text-xs">on</span>}
          </button>
          <div id={`${formId}-panel`} className={cn(filtersOpen ? 'block' : 'hidden', 'lg:sticky lg:top-20 lg:block')}>
            <FilterPanel
              formId={formId}
              kind={kind}
              basePath={basePath}
              genres={genres.items}
              filters={filters}
              onApply={apply}
            />
          </div>
        </aside>
        <section aria-label="Results">
          <Suspense fallback={<GridSkeleton />}>
            <BrowseResults kind={kind} basePath={basePath} filters={filters} />
          </Suspense>
        </section>
      </div>
    </PageTransition>
  );
}
