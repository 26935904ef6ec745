import { Link } from 'wouter';
import { useSearchResults } from '../../hooks/use-catalog.ts';
import { formatCount } from '../../lib/format.ts';
import { searchHref, toSearchQuery, type SearchParams } from '../../lib/search-params.ts';
import { MediaGrid } from '../movie/media-grid.tsx';
import { EmptyState } from '../ui/empty-state.tsx';
import { Pagination } from '../ui/pagination.tsx';

/** One page of search results for the URL's query and type. */
export function SearchResultsSection({ params }: { params: SearchParams }) {
  const { data } = useSearchResults(toSearchQuery(params));
  if (data.items.length === 0) {
    return (
      <EmptyState title={`Nothing found for “${params.q}”`}>
        <p>Check the spelling, try fewer words{params.type !== 'multi' ? ', or search every type' : ''}.</p>
        {params.type !== 'multi' && (
          <Link
            href={searchHref({ q: params.q })}
            className="mt-4 inline-block rounded-md bg-rose-600 px-4 py-2 text-sm font-semibold text-white hover:bg-rose-500"
          >
            Search all types
          </Link>
        )}
      </EmptyState>
    );
  }
  return (
    <>
      <p className="mb-6 text-sm text-slate-400">
        {formatCount(data.meta.total)} result{data.meta.total === 1 ? '' : 's'}
        {params.page > 1 && ` · page ${params.page} of ${formatCount(data.meta.totalPages)}`}
      </p>
      <MediaGrid items={data.items} showType={params.type === 'multi'} label="Search results" />
      <Pagination
        page={params.page}
        totalPages={Math.min(data.meta.totalPages, 500)}
        hrefOf={(page) => searchHref({ ...params, page })}
      />
    </>
  );
}
