import { useLocation } from 'wouter';
import { searchHref, SEARCH_MAX_LENGTH, type SearchType } from '../../lib/search-params.ts';
import { SearchIcon } from '../ui/icons.tsx';

/** The search page's own box: a GET form to /search (works before hydration too). */
export function SearchForm({ q, type }: { q: string; type: SearchType }) {
  const [, navigate] = useLocation();
  return (
    <form
      role="search"
      aria-label="Search the catalog"
      action="/search"
      method="get"
      onSubmit={(e) => {
        e.preventDefault();
        const value = String(new FormData(e.currentTarget).get('q') ?? '').trim();
        if (value) navigate(searchHref({ q: value, type }));
      }}
      className="mt-6 flex max-w-2xl gap-2"
    >
      <label htmlFor="search-page-q" className="sr-only">
        Search movies, TV shows and people
      </label>
      <div className="relative flex-1">
        <SearchIcon className="pointer-events-none absolute left-3 top-1/2 -translate-y-1/2 text-slate-400" />
        {/* Keyed by the query, so going back to another search shows that search's words. */}
        <input
          key={q}
          id="search-page-q"
          name="q"
          type="search"
          defaultValue={q}
          maxLength={SEARCH_MAX_LENGTH}
          placeholder="Titles, people…"
          className="w-full rounded-full border-0 bg-white/5 py-3 pl-11 pr-4 text-slate-100 ring-1 ring-white/15 placeholder:text-slate-500 focus:ring-2 focus:ring-rose-500 focus:outline-none"
        />
      </div>
      {type !== 'multi' && <input type="hidden" name="type" value={type} />}
      <button type="submit" className="rounded-full bg-rose-600 px-6 font-semibold text-white hover:bg-rose-500">
        Search
      </button>
    </form>
  );
}
