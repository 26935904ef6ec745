import { useId } from 'react';
import { useScroller } from '../../hooks/use-scroller.ts';
import { ScrollButtons } from '../ui/scroll-buttons.tsx';
import { PersonCard } from './person-card.tsx';

interface CastEntry {
  id: number;
  name: string;
  character: string | null;
  profileUrl: string | null;
}

/** "Top cast": a sideways-scrolling row of people, each linking to their page. */
export function CastStrip({ cast, title = 'Top cast' }: { cast: CastEntry[]; title?: string }) {
  const headingId = useId();
  const listId = useId();
  const { ref: listRef, ...scroll } = useScroller<HTMLUListElement>();
  if (cast.length === 0) return null;
  return (
    <section aria-labelledby={headingId} className="mt-12">
      <div className="mb-1 flex items-end justify-between px-4 sm:px-6">
        <h2 id={headingId} className="text-xl font-semibold tracking-tight sm:text-2xl">
          {title}
        </h2>
        <ScrollButtons label={title.toLowerCase()} controls={listId} {...scroll} />
      </div>
      <ul
        id={listId}
        ref={listRef}
        tabIndex={0}
        aria-label={title}
        className="scrollbar-none flex snap-x scroll-px-4 gap-4 overflow-x-auto px-4 pb-4 pt-3 sm:scroll-px-6 sm:px-6"
      >
        {cast.map((c) => (
          <li key={`${c.id}-${c.character ?? ''}`} className="snap-start">
            <PersonCard id={c.id} name={c.name} role={c.character} profileUrl={c.profileUrl} />
          </li>
        ))}
      </ul>
    </section>
  );
}
