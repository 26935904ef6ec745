import type { TvDetail } from '#shared/contracts/catalog';
import { PageTransition } from '../components/layout/page-transition.tsx';
import { AddToWatchlistDialog } from '../components/library/add-to-watchlist-dialog.tsx';
import { FavoriteButton } from '../components/library/favorite-button.tsx';
import { prefetchReviewsSection, ReviewsSection } from '../components/library/reviews-section.tsx';
import { CastStrip } from '../components/movie/cast-strip.tsx';
import { FactList } from '../components/movie/fact-list.tsx';
import { GenreChips } from '../components/movie/genre-chips.tsx';
import { MediaRow } from '../components/movie/media-row.tsx';
import { PeopleLinks } from '../components/movie/people-links.tsx';
import { Score } from '../components/movie/score.tsx';
import { SeasonList } from '../components/movie/season-list.tsx';
import { TitleHero } from '../components/movie/title-hero.tsx';
import { TrailerButton } from '../components/movie/trailer-button.tsx';
import { tvQuery, useTv } from '../hooks/use-catalog.ts';
import { formatDate, formatRuntime, languageName } from '../lib/format.ts';
import { tmdbIdOf } from '../lib/ids.ts';
import { queryKeys } from '../lib/query-keys.ts';
import { tvHead } from '../lib/seo.ts';
import type { Params, RouteDef } from '../route-types.ts';

function facts(show: TvDetail) {
  const aired = [formatDate(show.releaseDate), show.status === 'Ended' ? formatDate(show.lastAirDate) : 'now']
    .filter(Boolean)
    .join(' – ');
  return [
    { label: 'Aired', value: show.releaseDate ? aired : null },
    { label: 'Seasons', value: show.numberOfSeasons },
    { label: 'Episodes', value: show.numberOfEpisodes },
    { label: 'Episode runtime', value: formatRuntime(show.episodeRunTime) },
    { label: 'Network', value: show.networks.join(', ') },
    { label: 'Status', value: show.status },
    { label: 'Language', value: languageName(show.originalLanguage) },
    { label: 'Created by', value: show.createdBy.length > 0 ? <PeopleLinks people={show.createdBy} /> : null },
  ];
}

export function TvDetailPage({ params }: { params: Params }) {
  const { data: show } = useTv(tmdbIdOf(params));
  return (
    <PageTransition>
      <TitleHero title={show.title} posterUrl={show.posterUrl} backdropUrl={show.backdropUrl}>
        <p className="text-xs font-semibold uppercase tracking-[0.2em] text-rose-300">TV series</p>
        <h1 className="mt-1 text-3xl font-extrabold tracking-tight text-white sm:text-5xl">
          {show.title} {show.year !== null && <span className="font-light text-slate-300">({show.year})</span>}
        </h1>
        <div className="mt-4 flex flex-wrap items-center gap-x-6 gap-y-3">
          <Score value={show.voteAverage} votes={show.voteCount} />
          <TrailerButton videos={show.videos} title={show.title} />
          <FavoriteButton item={show} variant="page" />
          <AddToWatchlistDialog item={show} />
        </div>
        <div className="mt-5">
          <GenreChips genres={show.genres} kind="tv" />
        </div>
        <div className="mt-8">
          <FactList facts={facts(show)} />
        </div>
      </TitleHero>
      <SeasonList show={show} />
      <CastStrip cast={show.credits.cast} title="Series cast" />
      <ReviewsSection title={{ mediaType: 'tv', mediaId: show.id, name: show.title }} tmdbAverage={show.voteAverage} />
      {show.recommendations.length > 0 && <MediaRow title="Recommended" items={show.recommendations} />}
      {show.similar.length > 0 && <MediaRow title="More like this" items={show.similar} />}
    </PageTransition>
  );
}

export const route: Omit<RouteDef, 'path'> = {
  page: TvDetailPage,
  prefetch: ({ queryClient, api, params }) =>
    Promise.all([
      queryClient.fetchQuery(tvQuery(api, tmdbIdOf(params))),
      prefetchReviewsSection(queryClient, api, { mediaType: 'tv', mediaId: tmdbIdOf(params) }),
    ]),
  head: ({ params, queryClient }) => {
    const id = Number(params.id);
    const show = Number.isInteger(id) ? queryClient.getQueryData<TvDetail>(queryKeys.catalog.tv(id)) : undefined;
    return show ? tvHead(show) : { title: 'TV series' };
  },
};
