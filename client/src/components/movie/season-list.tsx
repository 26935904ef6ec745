import { Link } from 'wouter';
import type { TvDetail } from '#shared/contracts/catalog';
import { imageAt } from '../../lib/image.ts';

/** A show's seasons as poster cards, each linking to its episode list. */
export function SeasonList({ show }: { show: TvDetail }) {
  if (show.seasons.length === 0) return null;
  // Specials (season 0) go last: people look for season 1 first.
  const seasons = [...show.seasons].sort((a, b) => (a.seasonNumber || 1e6) - (b.seasonNumber || 1e6));
  return (
    <section aria-labelledby="seasons-heading" className="mt-12 px-4 sm:px-6">
      <h2 id="seasons-heading" className="text-xl font-semibold tracking-tight sm:text-2xl">
        Seasons
      </h2>
      <ul className="mt-4 grid grid-cols-[repeat(auto-fill,minmax(8.5rem,1fr))] gap-4">
        {seasons.map((s) => (
          <li key={s.id}>
            <Link href={`/tv/${show.id}/season/${s.seasonNumber}`} className="group block rounded-lg">
              <div className="aspect-[2/3] overflow-hidden rounded-lg bg-slate-800 ring-1 ring-white/10 transition group-hover:ring-rose-500/70">
                {s.posterUrl ? (
                  <img
                    src={imageAt(s.posterUrl, 'w185')}
                    alt=""
                    width={185}
                    height={278}
                    loading="lazy"
                    decoding="async"
                    className="h-full w-full object-cover"
                  />
                ) : (
                  <div className="flex h-full items-center justify-center p-2 text-center text-sm text-slate-400">
                    {s.name}
                  </div>
                )}
              </div>
              <p className="mt-2 text-sm font-medium text-slate-100 group-hover:text-white">{s.name}</p>
              <p className="text-xs text-slate-400">
                {[s.airDate?.slice(0, 4), s.episodeCount ? `${s.episodeCount} episodes` : null]
                  .filter(Boolean)
                  .join(' · ')}
              </p>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
