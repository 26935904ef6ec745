import { Link } from 'wouter';
import { useDiscover } from '../../hooks/use-catalog.ts';
import {
  DEFAULT_SORT,
  filtersToSearch,
  hasActiveFilters,
  toDiscoverQuery,
  type DiscoverFilters,
} from '../../lib/discover-filters.ts';
import { formatCount } from '../../lib/format.ts';
import { MediaGrid } from '../movie/media-grid.tsx';
import { EmptyState } from '../ui/empty-state.tsx';
import { Pagination } from '../ui/pagination.tsx';

interface Props {
  kind: 'movie' | 'tv';
  basePath: string;
  filters: DiscoverFilters;
}

/** The discover results for the URL's filters: count, grid (or empty state), page links. */
export function BrowseResults({ kind, basePath, filters }: Props) {
  const { data } = useDiscover(kind, toDiscoverQuery(filters));
  const noun = kind === 'movie' ? 'movies' : 'TV shows';
  const total = data.meta.total;
  return (
    <div>
      <div className="mb-6">
        <p className="text-sm text-slate-400">
          {total === 0 ? `No ${noun}` : `${formatCount(total)} ${total === 1 ? noun.replace(/s$/, '') : noun}`}
          {filters.page > 1 && ` · page ${filters.page} of ${formatCount(data.meta.totalPages)}`}
        </p>
      </div>
      {data.items.length === 0 ? (
        <EmptyState title={`No ${noun} match these filters`}>
          <p>Try fewer genres, a wider year range or a lower minimum rating.</p>
          {hasActiveFilters(filters) && (
            <Link
              href={`${basePath}${filters.sort === DEFAULT_SORT ? '' : `?sort=${filters.sort}`}`}
              className="mt-4 inline-block rounded-md bg-rose-600 px-4 py-2 text-sm font-semibold text-white hover:bg-rose-500"
            >
              Clear filters
            </Link>
          )}
        </EmptyState>
      ) : (
        <MediaGrid items={data.items} label={noun.replace(/^./, (c) => c.toUpperCase())} />
      )}
      <Pagination
        page={filters.page}
        totalPages={data.meta.totalPages}
        hrefOf={(page) => `${basePath}${filtersToSearch({ ...filters, page })}`}
      />
    </div>
  );
}
