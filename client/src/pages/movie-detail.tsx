import type { MovieDetail } from '#shared/contracts/catalog';
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
import { TitleHero } from '../components/movie/title-hero.tsx';
import { TrailerButton } from '../components/movie/trailer-button.tsx';
import { movieQuery, useMovie } from '../hooks/use-catalog.ts';
import { formatDate, formatMoney, formatRuntime, languageName } from '../lib/format.ts';
import { tmdbIdOf } from '../lib/ids.ts';
import { queryKeys } from '../lib/query-keys.ts';
import { movieHead } from '../lib/seo.ts';
import type { Params, RouteDef } from '../route-types.ts';

const WRITING_JOBS = new Set(['Screenplay', 'Writer', 'Story', 'Novel', 'Author']);

const linksOr = (people: { id: number; name: string }[]) =>
  people.length > 0 ? <PeopleLinks people={people} /> : null;

function facts(movie: MovieDetail) {
  const crew = movie.credits.crew;
  return [
    { label: 'Released', value: formatDate(movie.releaseDate) },
    { label: 'Runtime', value: formatRuntime(movie.runtime) },
    { label: 'Language', value: languageName(movie.originalLanguage) },
    { label: 'Status', value: movie.status },
    { label: 'Directed by', value: linksOr(crew.filter((c) => c.job === 'Director')) },
    { label: 'Written by', value: linksOr(crew.filter((c) => c.job !== null && WRITING_JOBS.has(c.job))) },
    { label: 'Original title', value: movie.originalTitle !== movie.title ? movie.originalTitle : null },
    { label: 'Budget', value: formatMoney(movie.budget) },
    { label: 'Box office', value: formatMoney(movie.revenue) },
  ];
}

export function MovieDetailPage({ params }: { params: Params }) {
  const { data: movie } = useMovie(tmdbIdOf(params));
  return (
    <PageTransition>
      <TitleHero title={movie.title} posterUrl={movie.posterUrl} backdropUrl={movie.backdropUrl}>
        <h1 className="text-3xl font-extrabold tracking-tight text-white sm:text-5xl">
          {movie.title} {movie.year !== null && <span className="font-light text-slate-300">({movie.year})</span>}
        </h1>
        <div className="mt-4 flex flex-wrap items-center gap-x-6 gap-y-3">
          <Score value={movie.voteAverage} votes={movie.voteCount} />
          <TrailerButton videos={movie.videos} title={movie.title} />
          <FavoriteButton item={movie} variant="page" />
          <AddToWatchlistDialog item={movie} />
        </div>
        <div className="mt-5">
          <GenreChips genres={movie.genres} kind="movie" />
        </div>
        <div className="mt-8">
          <FactList facts={facts(movie)} />
        </div>
      </TitleHero>
      <CastStrip cast={movie.credits.cast} />
      <ReviewsSection
        title={{ mediaType: 'movie', mediaId: movie.id, name: movie.title }}
        tmdbAverage={movie.voteAverage}
      />
      {movie.recommendations.length > 0 && <MediaRow title="Recommended" items={movie.recommendations} />}
      {movie.similar.length > 0 && <MediaRow title="More like this" items={movie.similar} />}
    </PageTransition>
  );
}

export const route: Omit<RouteDef, 'path'> = {
  page: MovieDetailPage,
  // An unknown id is a NOT_FOUND from the API: the server answers the 404 page with status 404.
  prefetch: ({ queryClient, api, params }) =>
    Promise.all([
      queryClient.fetchQuery(movieQuery(api, tmdbIdOf(params))),
      prefetchReviewsSection(queryClient, api, { mediaType: 'movie', mediaId: tmdbIdOf(params) }),
    ]),
  head: ({ params, queryClient }) => {
    const id = Number(params.id);
    const movie = Number.isInteger(id) ? queryClient.getQueryData<MovieDetail>(queryKeys.catalog.movie(id)) : undefined;
    return movie ? movieHead(movie) : { title: 'Movie' };
  },
};
