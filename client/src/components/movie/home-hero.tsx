import { Link } from 'wouter';
import type { CatalogItem } from '#shared/contracts/catalog';
import { imageAt } from '../../lib/image.ts';
import { hrefFor } from './media-card.tsx';
import { RatingBadge } from './rating-badge.tsx';

/** The home page's spotlight: this week's most trending title over its backdrop. */
export function HomeHero({ item }: { item: CatalogItem }) {
  return (
    <section
      aria-labelledby="spotlight-title"
      className="relative isolate mx-4 mt-6 overflow-hidden rounded-3xl ring-1 ring-white/10 sm:mx-6"
    >
      {item.backdropUrl && (
        <img
          src={imageAt(item.backdropUrl, 'w780')}
          alt=""
          width={780}
          height={439}
          fetchPriority="high"
          className="absolute inset-0 -z-10 h-full w-full object-cover"
        />
      )}
      <div className="absolute inset-0 -z-10 bg-gradient-to-r from-slate-950 via-slate-950/75 to-slate-950/10" />
      <div className="absolute inset-0 -z-10 bg-gradient-to-t from-slate-950/80 to-transparent" />
      <div className="flex min-h-[18rem] max-w-xl flex-col justify-end p-6 sm:min-h-[24rem] sm:p-10">
        <p className="text-xs font-semibold uppercase tracking-[0.2em] text-rose-300">#1 trending this week</p>
        <h2 id="spotlight-title" className="mt-2 text-3xl font-extrabold tracking-tight text-white sm:text-5xl">
          {item.title}
        </h2>
        <div className="mt-3 flex items-center gap-3 text-sm text-slate-300">
          {item.year !== null && <span>{item.year}</span>}
          <RatingBadge value={item.voteAverage} />
        </div>
        <div className="mt-6 flex flex-wrap gap-3">
          <Link
            href={hrefFor(item)}
            className="rounded-full bg-rose-600 px-5 py-2.5 text-sm font-semibold text-white shadow-lg shadow-rose-950/40 hover:bg-rose-500"
          >
            View details<span className="sr-only"> of {item.title}</span>
          </Link>
          <Link
            href="/movies"
            className="rounded-full bg-white/10 px-5 py-2.5 text-sm font-semibold text-white ring-1 ring-white/20 backdrop-blur hover:bg-white/20"
          >
            Browse all movies
          </Link>
        </div>
      </div>
    </section>
  );
}
