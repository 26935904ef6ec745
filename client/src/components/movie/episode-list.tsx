import type { Season } from '#shared/contracts/catalog';
import { formatDate, formatRuntime } from '../../lib/format.ts';
import { imageAt } from '../../lib/image.ts';
import { FilmIcon } from '../ui/icons.tsx';
import { RatingBadge } from './rating-badge.tsx';

/** A season's episodes in order: still, number and name, air date, runtime, rating. */
export function EpisodeList({ episodes }: { episodes: Season['episodes'] }) {
  if (episodes.length === 0) return <p className="text-slate-400">No episodes are listed for this season yet.</p>;
  return (
    <ol aria-label="Episodes" className="divide-y divide-white/10 rounded-2xl bg-white/[0.03] ring-1 ring-white/10">
      {episodes.map((e) => (
        <li key={e.id} className="flex gap-4 p-4">
          <div className="aspect-video w-32 shrink-0 overflow-hidden rounded-md bg-slate-800 sm:w-44">
            {e.stillUrl ? (
              <img
                src={imageAt(e.stillUrl, 'w342')}
                alt=""
                width={342}
                height={192}
                loading="lazy"
                decoding="async"
                className="h-full w-full object-cover"
              />
            ) : (
              <div className="flex h-full items-center justify-center text-slate-600">
                <FilmIcon width={28} height={28} />
              </div>
            )}
          </div>
          <div className="min-w-0">
            <h3 className="font-semibold text-slate-100">
              <span className="text-slate-400">{e.episodeNumber}.</span> {e.name}
            </h3>
            <p className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-slate-400">
              {formatDate(e.airDate) && <span>{formatDate(e.airDate)}</span>}
              {formatRuntime(e.runtime) && <span>{formatRuntime(e.runtime)}</span>}
              <RatingBadge value={e.voteAverage} />
            </p>
          </div>
        </li>
      ))}
    </ol>
  );
}
