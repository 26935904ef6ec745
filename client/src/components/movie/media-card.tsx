import { Link } from 'wouter';
import type { CatalogItem } from '#shared/contracts/catalog';
import { RatingBadge } from './rating-badge.tsx';

export const hrefFor = (item: Pick<CatalogItem, 'mediaType' | 'id'>) =>
  item.mediaType === 'person' ? `/person/${item.id}` : `/${item.mediaType}/${item.id}`;

/** A poster with title, year and rating; the whole card is one link. */
export function MediaCard({ item, eager = false }: { item: CatalogItem; eager?: boolean }) {
  return (
    <Link
      href={hrefFor(item)}
      className="group block w-36 shrink-0 sm:w-40"
      data-testid="media-card"
    >
      <div className="relative aspect-[2/3] overflow-hidden rounded-lg bg-slate-800 shadow-lg ring-1 ring-white/10 transition group-hover:ring-rose-500">
        {item.posterUrl ? (
          <img
            src={item.posterUrl}
            alt={item.title}
            width={185}
            height={278}
            loading={eager ? 'eager' : 'lazy'}
            decoding="async"
            className="h-full w-full object-cover transition duration-300 group-hover:scale-105 motion-reduce:transition-none"
          />
        ) : (
          <div className="flex h-full items-center justify-center p-2 text-center text-sm text-slate-400">{item.title}</div>
        )}
        <div className="absolute left-1.5 top-1.5">
          <RatingBadge value={item.voteAverage} />
        </div>
      </div>
      <h3 className="mt-2 line-clamp-2 text-sm font-medium leading-tight text-slate-100">{item.title}</h3>
      {item.year !== null && <p className="text-xs text-slate-400">{item.year}</p>}
    </Link>
  );
}
