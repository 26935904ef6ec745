import type { ReactNode } from 'react';
import { imageAt } from '../../lib/image.ts';

interface Props {
  title: string;
  posterUrl: string | null;
  backdropUrl: string | null;
  children: ReactNode;
}

/**
 * The top of a title page: the backdrop dimmed behind, the poster and the facts in front. Both
 * images are above the fold, so they load at once, with their sizes set (no layout shift).
 */
export function TitleHero({ title, posterUrl, backdropUrl, children }: Props) {
  return (
    <div className="relative isolate">
      <div className="absolute inset-x-0 top-0 -z-10 h-[22rem] overflow-hidden sm:h-[30rem]">
        {backdropUrl && (
          <img
            src={imageAt(backdropUrl, 'w780')}
            alt=""
            width={780}
            height={439}
            fetchPriority="high"
            className="h-full w-full object-cover object-top opacity-50"
          />
        )}
        <div className="absolute inset-0 bg-gradient-to-t from-slate-950 via-slate-950/70 to-slate-950/10" />
        <div className="absolute inset-0 bg-gradient-to-r from-slate-950/90 via-slate-950/30 to-transparent" />
      </div>
      <div className="flex flex-col gap-6 px-4 pt-24 sm:flex-row sm:gap-10 sm:px-6 sm:pt-40">
        <div className="w-40 shrink-0 self-start overflow-hidden rounded-xl bg-slate-800 shadow-2xl shadow-black/60 ring-1 ring-white/15 sm:w-60">
          {posterUrl ? (
            <img
              src={imageAt(posterUrl, 'w342')}
              alt={title}
              width={342}
              height={513}
              className="aspect-[2/3] h-auto w-full object-cover"
            />
          ) : (
            <div className="flex aspect-[2/3] items-center justify-center p-4 text-center text-slate-400">{title}</div>
          )}
        </div>
        <div className="min-w-0 flex-1 sm:pt-6">{children}</div>
      </div>
    </div>
  );
}
