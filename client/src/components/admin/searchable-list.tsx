import type { ReactNode } from 'react';
import type { Page } from '#shared/contracts/common';
import { Pagination } from '../ui/pagination.tsx';
import { SearchBox } from './search-box.tsx';

export interface Column {
  label: string;
  /** Default: a padded left-aligned cell; the last column usually drops the right padding. */
  className?: string;
}

interface Props<T> {
  search: { id: string; label: string; initial: string; placeholder: string };
  /** What the rows are, after their count ("12 users") and in the table's caption. */
  noun: string;
  caption: string;
  columns: Column[];
  page: Page<T>;
  row: (item: T) => ReactNode;
  hrefOf: (page: number) => string;
  small?: boolean;
}

/** An admin list: a search box, the count, a table of one row per item and the pagination. */
export function SearchableList<T>({ search, noun, caption, columns, page, row, hrefOf, small }: Props<T>) {
  return (
    <>
      <SearchBox {...search} />
      <p className="mb-2 text-sm text-slate-400">
        {page.meta.total} {noun}
      </p>
      <div className="overflow-x-auto">
        <table className={`w-full text-left${small ? ' text-sm' : ''}`}>
          <caption className="sr-only">{caption}</caption>
          <thead className="text-xs uppercase tracking-wide text-slate-400">
            <tr>
              {columns.map((c) => (
                <th key={c.label} scope="col" className={c.className ?? 'py-2 pr-3'}>
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>{page.items.map(row)}</tbody>
        </table>
      </div>
      <Pagination page={page.meta.page} totalPages={page.meta.totalPages} hrefOf={hrefOf} />
    </>
  );
}
