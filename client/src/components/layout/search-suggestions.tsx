import type { CatalogItem } from '#shared/contracts/catalog';
import { cn } from '../../lib/cn.ts';
import { imageAt } from '../../lib/image.ts';
import { FilmIcon, SearchIcon, UserIcon } from '../ui/icons.tsx';

export interface Suggestion {
  key: string;
  href: string;
  item?: CatalogItem;
  label: string;
}

const TYPE: Record<CatalogItem['mediaType'], string> = {
  movie: 'Movie',
  tv: 'TV series',
  person: 'Person',
  custom: 'Custom title',
};

interface Props {
  id: string;
  optionId: (index: number) => string;
  options: Suggestion[];
  active: number;
  expanded: boolean;
  onPick: (s: Suggestion) => void;
  onHover: (index: number) => void;
}

/**
 * The header search's listbox. Options are never focused (focus stays in the input, which points
 * at the active one with aria-activedescendant), so mouse presses must not steal focus either.
 */
export function SearchSuggestions({ id, optionId, options, active, expanded, onPick, onHover }: Props) {
  return (
    <ul
      id={id}
      role="listbox"
      aria-label="Search suggestions"
      hidden={!expanded}
      className="absolute right-0 top-full z-40 mt-2 max-h-[70vh] w-[min(92vw,26rem)] overflow-y-auto rounded-xl bg-slate-900/95 p-1.5 shadow-2xl shadow-black/60 ring-1 ring-white/10 backdrop-blur"
    >
      {options.map((s, i) => (
        <li
          key={s.key}
          id={optionId(i)}
          role="option"
          aria-selected={i === active}
          onMouseDown={(e) => e.preventDefault()}
          onMouseMove={() => i !== active && onHover(i)}
          onClick={() => onPick(s)}
          className={cn(
            'flex cursor-pointer items-center gap-3 rounded-lg px-2 py-1.5 text-sm',
            i === active && 'bg-white/10',
          )}
        >
          {s.item ? <Thumb item={s.item} /> : <SearchIcon className="mx-3 text-slate-400" />}
          <span className="min-w-0">
            <span className="block truncate font-medium text-slate-100">{s.label}</span>
            {s.item && (
              <span className="block text-xs text-slate-400">
                {[TYPE[s.item.mediaType], s.item.year].filter((v) => v !== null).join(' · ')}
              </span>
            )}
          </span>
        </li>
      ))}
    </ul>
  );
}

function Thumb({ item }: { item: CatalogItem }) {
  return (
    <span className="flex h-[3.75rem] w-10 shrink-0 items-center justify-center overflow-hidden rounded bg-slate-800 text-slate-500">
      {item.posterUrl ? (
        <img
          src={imageAt(item.posterUrl, 'w92')}
          alt=""
          width={40}
          height={60}
          loading="lazy"
          className="h-full w-full object-cover"
        />
      ) : item.mediaType === 'person' ? (
        <UserIcon width={18} height={18} />
      ) : (
        <FilmIcon width={18} height={18} />
      )}
    </span>
  );
}
