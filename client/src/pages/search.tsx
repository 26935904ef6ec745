import { Suspense } from 'react';
import { Link, useSearch } from 'wouter';
import { PageTransition } from '../components/layout/page-transition.tsx';
import { SearchForm } from '../components/layout/search-form.tsx';
import { SearchResultsSection } from '../components/layout/search-results-section.tsx';
import { EmptyState } from '../components/ui/empty-state.tsx';
import { GridSkeleton } from '../components/ui/skeletons.tsx';
import { searchQuery } from '../hooks/use-catalog.ts';
import { cn } from '../lib/cn.ts';
import { parseSearchParams, SEARCH_TYPES, searchHref, toSearchQuery, type SearchParams } from '../lib/search-params.ts';
import type { RouteDef } from '../route-types.ts';

/** One link per result type; each is its own URL, so the current one is marked aria-current. */
function TypeTabs({ params }: { params: SearchParams }) {
  return (
    <nav aria-label="Result types" className="mt-8 border-b border-white/10">
      <ul className="-mb-px flex gap-1 overflow-x-auto">
        {SEARCH_TYPES.map((t) => {
          const current = t.value === params.type;
          return (
            <li key={t.value}>
              <Link
                href={searchHref({ q: params.q, type: t.value })}
                aria-current={current ? 'page' : undefined}
                className={cn(
                  'inline-block border-b-2 px-4 py-2.5 text-sm font-medium',
                  current
                    ? 'border-rose-500 text-white'
                    : 'border-transparent text-slate-400 hover:border-white/30 hover:text-slate-200',
                )}
              >
                {t.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

export function SearchPage() {
  const params = parseSearchParams(useSearch());
  return (
    <PageTransition className="px-4 pt-8 sm:px-6">
      <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">
        {params.q ? <>Results for “{params.q}”</> : 'Search'}
      </h1>
      <SearchForm q={params.q} type={params.type} />
      {params.q ? (
        <>
          <TypeTabs params={params} />
          <div className="mt-6">
            <Suspense fallback={<GridSkeleton />}>
              <SearchResultsSection params={params} />
            </Suspense>
          </div>
        </>
      ) : (
        <div className="mt-10">
          <EmptyState title="Search the whole catalog">
            <p>Movies, TV shows, people and titles added by members. Add a year to narrow it: “dune 2021”.</p>
          </EmptyState>
        </div>
      )}
    </PageTransition>
  );
}

export const route: Omit<RouteDef, 'path'> = {
  page: SearchPage,
  prefetch: async ({ queryClient, api, search }) => {
    const params = parseSearchParams(search);
    if (params.q) await queryClient.fetchQuery(searchQuery(api, toSearchQuery(params)));
  },
  head: ({ search }) => {
    const params = parseSearchParams(search);
    return {
      title: params.q ? `Results for “${params.q}”` : 'Search',
      description: 'Search movies, TV shows and people.',
      canonicalPath: params.q ? searchHref(params) : '/search',
    };
  },
};
