import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { useLocation } from 'wouter';
import { useSearchSuggestions } from '../../hooks/use-catalog.ts';
import { useDebouncedValue } from '../../hooks/use-debounced-value.ts';
import { searchHref, SEARCH_MAX_LENGTH } from '../../lib/search-params.ts';
import { hrefFor } from '../movie/media-card.tsx';
import { SearchIcon } from '../ui/icons.tsx';
import { SearchSuggestions, type Suggestion } from './search-suggestions.tsx';

const DEBOUNCE_MS = 300;

/**
 * The header's search box: a combobox with instant results (debounced, 8 at most) and a last
 * option for the full results page. Arrow keys move through the options, Enter opens the active
 * one (or the results page), Escape closes the list. A plain GET form to /search underneath.
 */
export function HeaderSearch() {
  const [, navigate] = useLocation();
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const inputRef = useRef<HTMLInputElement>(null);
  const listId = useId();
  const optionId = (i: number) => `${listId}-option-${i}`;
  const typed = text.trim();
  const term = useDebouncedValue(typed, DEBOUNCE_MS);
  const { data } = useSearchSuggestions(term);

  // A new answer means new options: the old highlight would point at something else.
  const [shown, setShown] = useState(data);
  if (shown !== data) {
    setShown(data);
    setActive(-1);
  }
  const options: Suggestion[] = [
    ...(term && data ? data.items : []).map((item) => ({
      key: `${item.mediaType}-${item.id}`,
      href: hrefFor(item),
      item,
      label: item.title,
    })),
    ...(typed ? [{ key: 'all', href: searchHref({ q: typed }), label: `See all results for “${typed}”` }] : []),
  ];
  const expanded = open && options.length > 0;

  const go = (href: string) => {
    setOpen(false);
    setActive(-1);
    setText('');
    inputRef.current?.blur();
    navigate(href);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (options.length === 0) return;
      setOpen(true);
      const down = e.key === 'ArrowDown';
      const last = options.length - 1;
      // From "nothing highlighted", down goes to the first option and up to the last; both wrap.
      setActive(
        active === -1
          ? down
            ? 0
            : last
          : down
            ? active === last
              ? 0
              : active + 1
            : active === 0
              ? last
              : active - 1,
      );
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const picked = expanded && active >= 0 ? options[active] : undefined;
      if (picked) go(picked.href);
      else if (typed) go(searchHref({ q: typed }));
    } else if (e.key === 'Escape') {
      if (expanded) {
        e.preventDefault();
        setOpen(false);
        setActive(-1);
      } else if (text) setText('');
    }
  };

  return (
    <form
      role="search"
      aria-label="Site search"
      action="/search"
      method="get"
      onSubmit={(e) => e.preventDefault()}
      onBlur={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget)) setOpen(false);
      }}
      className="relative w-full"
    >
      <label htmlFor={`${listId}-input`} className="sr-only">
        Search movies, TV shows and people
      </label>
      <SearchIcon
        className="pointer-events-none absolute left-3 top-1/2 -translate-y-1/2 text-slate-400"
        width={18}
        height={18}
      />
      <input
        ref={inputRef}
        id={`${listId}-input`}
        name="q"
        type="text"
        role="combobox"
        autoComplete="off"
        spellCheck={false}
        maxLength={SEARCH_MAX_LENGTH}
        placeholder="Search titles and people"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onFocus={() => setOpen(true)}
        onKeyDown={onKeyDown}
        className="h-9 w-full rounded-full border-0 bg-white/10 pl-9 pr-4 text-sm text-slate-100 ring-1 ring-white/10 placeholder:text-slate-400 focus:bg-slate-900 focus:ring-2 focus:ring-rose-500 focus:outline-none"
      />
      <SearchSuggestions
        id={listId}
        optionId={optionId}
        options={options}
        active={active}
        expanded={expanded}
        onPick={(s) => go(s.href)}
        onHover={setActive}
      />
      <div role="status" className="sr-only">
        {expanded && term ? `${options.length - 1} suggestions` : ''}
      </div>
    </form>
  );
}
