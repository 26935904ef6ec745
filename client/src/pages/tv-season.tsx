import type { Season, TvDetail } from '#shared/contracts/catalog';
import { Link } from 'wouter';
import { PageTransition } from '../components/layout/page-transition.tsx';
import { EpisodeList } from '../components/movie/episode-list.tsx';
import { seasonQuery, tvQuery, useShowSeason } from '../hooks/use-catalog.ts';
import { cn } from '../lib/cn.ts';
import { formatDate } from '../lib/format.ts';
import { imageAt } from '../lib/image.ts';
import { seasonNumberOf, tmdbIdOf } from '../lib/ids.ts';
import { queryKeys } from '../lib/query-keys.ts';
import type { Params, RouteDef } from '../route-types.ts';

function SeasonNav({ show, current }: { show: TvDetail; current: number }) {
  if (show.seasons.length < 2) return null;
  return (
    <nav aria-label="Seasons" className="mt-6">
      <ul className="flex flex-wrap gap-2">
        {show.seasons.map((s) => (
          <li key={s.id}>
            <Link
              href={`/tv/${show.id}/season/${s.seasonNumber}`}
              aria-current={s.seasonNumber === current ? 'page' : undefined}
              className={cn(
                'inline-block rounded-full px-3 py-1 text-sm ring-1 ring-white/15 hover:bg-white/10',
                s.seasonNumber === current && 'bg-rose-600 text-white ring-rose-500 hover:bg-rose-600',
              )}
            >
              {s.name}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export function TvSeasonPage({ params }: { params: Params }) {
  const id = tmdbIdOf(params);
  const n = seasonNumberOf(params);
  const [{ data: show }, { data: season }] = useShowSeason(id, n);
  return (
    <PageTransition className="px-4 pt-8 sm:px-6">
      <p className="text-sm">
        <Link href={`/tv/${show.id}`} className="text-rose-300 hover:text-rose-200">
          ← {show.title}
        </Link>
      </p>
      <div className="mt-4 flex gap-6">
        {season.posterUrl && (
          <img
            src={imageAt(season.posterUrl, 'w185')}
            alt={`${show.title}: ${season.name}`}
            width={185}
            height={278}
            className="hidden w-32 shrink-0 self-start rounded-lg ring-1 ring-white/10 sm:block"
          />
        )}
        <div>
          <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">
            {show.title}: {season.name}
          </h1>
          <p className="mt-2 text-slate-400">
            {[formatDate(season.airDate), `${season.episodes.length} episode${season.episodes.length === 1 ? '' : 's'}`]
              .filter(Boolean)
              .join(' · ')}
          </p>
          <SeasonNav show={show} current={n} />
        </div>
      </div>
      <section aria-labelledby="episodes-heading" className="mt-10">
        <h2 id="episodes-heading" className="mb-4 text-xl font-semibold tracking-tight">
          Episodes
        </h2>
        <EpisodeList episodes={season.episodes} />
      </section>
    </PageTransition>
  );
}

export const route: Omit<RouteDef, 'path'> = {
  page: TvSeasonPage,
  prefetch: ({ queryClient, api, params }) => {
    const id = tmdbIdOf(params);
    return Promise.all([
      queryClient.fetchQuery(tvQuery(api, id)),
      queryClient.fetchQuery(seasonQuery(api, id, seasonNumberOf(params))),
    ]);
  },
  head: ({ params, queryClient }) => {
    const id = Number(params.id);
    const n = Number(params.n);
    const show = queryClient.getQueryData<TvDetail>(queryKeys.catalog.tv(id));
    const season = queryClient.getQueryData<Season>(queryKeys.catalog.season(id, n));
    if (!show || !season) return { title: 'Season' };
    return {
      title: `${show.title}: ${season.name}`,
      description: `${show.title}, ${season.name}: ${season.episodes.length} episodes${season.airDate ? `, first aired ${formatDate(season.airDate)}` : ''}.`,
      canonicalPath: `/tv/${show.id}/season/${season.seasonNumber}`,
      image: season.posterUrl ?? show.posterUrl,
      type: 'video.tv_show',
    };
  },
};
