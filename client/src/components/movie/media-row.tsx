import { useId } from 'react';
import { Link } from 'wouter';
import type { CatalogItem } from '#shared/contracts/catalog';
import { useScroller } from '../../hooks/use-scroller.ts';
import { ScrollButtons } from '../ui/scroll-buttons.tsx';
import { MediaCard } from './media-card.tsx';

export interface MediaRowProps {
  title: string;
  items: CatalogItem[];
  /** The row is above the fold: its first posters load at once. */
  eager?: boolean;
  seeAllHref?: string;
  noteOf?: (item: CatalogItem) => string | null;
}

/** A titled row of posters that scrolls sideways: by keyboard (the list is focusable), swipe or buttons. */
export function MediaRow({ title, items, eager = false, seeAllHref, noteOf }: MediaRowProps) {
  const headingId = useId();
  const listId = useId();
  const { ref: listRef, ...scroll } = useScroller<HTMLUListElement>();
  return (
    <section aria-labelledby={headingId} className="mt-10">
      <div className="mb-1 flex items-end justify-between gap-4 px-4 sm:px-6">
        <h2 id={headingId} className="text-xl font-semibold tracking-tight sm:text-2xl">
          {title}
        </h2>
        <div className="flex shrink-0 items-center gap-3">
          {seeAllHref && (
            <Link href={seeAllHref} className="text-sm font-medium text-rose-300 hover:text-rose-200">
              See all<span className="sr-only"> {title.toLowerCase()}</span>
            </Link>
          )}
          {items.length > 0 && <ScrollButtons label={title} controls={listId} {...scroll} />}
        </div>
      </div>
      {items.length === 0 ? (
        <p className="px-4 py-6 text-slate-400 sm:px-6">Nothing here yet.</p>
      ) : (
        <ul
          id={listId}
          ref={listRef}
          tabIndex={0}
          aria-label={title}
          className="scrollbar-none flex snap-x scroll-px-4 gap-4 overflow-x-auto px-4 pb-4 pt-3 sm:scroll-px-6 sm:px-6"
        >
          {items.map((item, i) => (
            <li key={`${item.mediaType}-${item.id}`} className="snap-start">
              <MediaCard item={item} eager={eager && i < 7} note={noteOf?.(item)} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
