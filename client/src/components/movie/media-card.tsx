import { m, useReducedMotion } from 'framer-motion';
import { Link } from 'wouter';
import type { CatalogItem } from '#shared/contracts/catalog';
import { cn } from '../../lib/cn.ts';
import { imageAt, posterSrcSet } from '../../lib/image.ts';
import { FavoriteButton } from '../library/favorite-button.tsx';
import { FilmIcon, UserIcon } from '../ui/icons.tsx';
import { RatingBadge } from './rating-badge.tsx';

export const hrefFor = (item: Pick<CatalogItem, 'mediaType' | 'id'>) =>
  item.mediaType === 'person' ? `/person/${item.id}` : `/${item.mediaType}/${item.id}`;

const TYPE_LABEL: Record<CatalogItem['mediaType'], string> = {
  movie: 'Movie',
  tv: 'TV',
  person: 'Person',
  custom: 'Custom',
};

/**
 * The card's link name: the visible words in their on-screen order (WCAG "label in name"), without
 * the title twice (poster alt and heading), plus the rating's scale.
 */
function labelOf(item: CatalogItem, secondLine: string | null) {
  const parts = [item.title, secondLine, item.voteAverage ? `${item.voteAverage.toFixed(1)} out of 10` : null];
  return parts.filter(Boolean).join(', ');
}

export interface MediaCardProps {
  item: CatalogItem;
  /** Above the fold: load at once rather than lazily. */
  eager?: boolean;
  /** A line under the title instead of the year, e.g. a character name. */
  note?: string | null;
  /** Show "Movie"/"TV"/"Person" beside the year, for mixed lists. */
  showType?: boolean;
  className?: string;
}

/** A poster with title, year and rating; the whole card is one link that lifts on hover and focus. */
export function MediaCard({ item, eager = false, note, showType = false, className }: MediaCardProps) {
  const reduce = useReducedMotion();
  const lift = reduce ? undefined : { y: -6 };
  const meta = [item.year, showType ? TYPE_LABEL[item.mediaType] : null].filter((v) => v !== null).join(' · ');
  const secondLine = note || meta || null;
  // The heart sits beside the link, not inside it: a button may not nest in an <a>.
  return (
    <div className="relative">
      <Link href={hrefFor(item)} asChild>
        <m.a
          aria-label={labelOf(item, secondLine)}
          className={cn('group relative block w-36 shrink-0 rounded-lg sm:w-40', className)}
          whileHover={lift}
          whileFocus={lift}
          transition={{ type: 'spring', stiffness: 420, damping: 30 }}
          data-testid="media-card"
        >
          <div className="relative aspect-[2/3] overflow-hidden rounded-lg bg-slate-800 shadow-lg shadow-black/40 ring-1 ring-white/10 transition-shadow group-hover:shadow-rose-950/50 group-hover:ring-rose-500/70">
            {item.posterUrl ? (
              <img
                src={imageAt(item.posterUrl, 'w185')}
                srcSet={posterSrcSet(item.posterUrl)}
                sizes="(min-width: 640px) 160px, 144px"
                alt={item.title}
                width={185}
                height={278}
                loading={eager ? 'eager' : 'lazy'}
                decoding="async"
                className="h-full w-full object-cover"
              />
            ) : (
              <div className="flex h-full flex-col items-center justify-center gap-2 p-3 text-center text-sm text-slate-400">
                {item.mediaType === 'person' ? (
                  <UserIcon width={32} height={32} />
                ) : (
                  <FilmIcon width={32} height={32} />
                )}
                <span>{item.title}</span>
              </div>
            )}
            <div className="pointer-events-none absolute inset-x-0 bottom-0 h-1/3 bg-gradient-to-t from-black/60 to-transparent opacity-0 transition-opacity group-hover:opacity-100 motion-reduce:transition-none" />
          </div>
          <h3 className="mt-2 line-clamp-2 text-sm font-medium leading-tight text-slate-100 group-hover:text-white">
            {item.title}
          </h3>{' '}
          {secondLine && <p className="line-clamp-1 text-xs text-slate-400">{secondLine}</p>}{' '}
          {/* After the text in the DOM (the name reads title first), over the poster on screen. The
            spaces between blocks keep the visible words apart for "label in name" checks. */}
          <div className="absolute left-1.5 top-1.5">
            <RatingBadge value={item.voteAverage} />
          </div>
        </m.a>
      </Link>
      <FavoriteButton item={item} className="absolute right-1.5 top-1.5" />
    </div>
  );
}
