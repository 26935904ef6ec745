import type { MovieDetail } from '#shared/contracts/catalog';
import { MediaRow } from '../components/movie/media-row.tsx';
import { RatingBadge } from '../components/movie/rating-badge.tsx';
import { movieQuery, useMovie } from '../hooks/use-catalog.ts';
import { queryKeys } from '../lib/query-keys.ts';
import type { Params, RouteDef } from '../route-types.ts';

const idOf = (params: Params) => Number(params.id);

function Facts({ movie }: { movie: MovieDetail }) {
  const director = movie.credits.crew.find((c) => c.job === 'Director');
  return (
    <dl className="mt-4 grid grid-cols-2 gap-x-6 gap-y-2 text-sm sm:grid-cols-4">
      {movie.releaseDate && (
        <div>
          <dt className="text-slate-400">Released</dt>
          <dd>{movie.releaseDate}</dd>
        </div>
      )}
      {movie.runtime !== null && movie.runtime > 0 && (
        <div>
          <dt className="text-slate-400">Runtime</dt>
          <dd>{movie.runtime} min</dd>
        </div>
      )}
      {director && (
        <div>
          <dt className="text-slate-400">Director</dt>
          <dd>{director.name}</dd>
        </div>
      )}
      {movie.originalLanguage && (
        <div>
          <dt className="text-slate-400">Language</dt>
          <dd className="uppercase">{movie.originalLanguage}</dd>
        </div>
      )}
    </dl>
  );
}

export function MovieDetailPage({ params }: { params: Params }) {
  const { data: movie } = useMovie(idOf(params));
  return (
    <main id="main" className="mx-auto max-w-7xl py-6">
      <div className="flex flex-col gap-6 px-4 sm:flex-row">
        {movie.posterUrl && (
          <img
            src={movie.posterUrl}
            alt={movie.title}
            width={342}
            height={513}
            className="w-48 shrink-0 self-start rounded-lg shadow-xl ring-1 ring-white/10 sm:w-64"
          />
        )}
        <div>
          <h1 className="text-3xl font-bold tracking-tight">
            {movie.title} {movie.year !== null && <span className="font-normal text-slate-400">({movie.year})</span>}
          </h1>
          <div className="mt-2 flex flex-wrap items-center gap-2">
            <RatingBadge value={movie.voteAverage} />
            {movie.genres.map((g) => (
              <span key={g.id} className="rounded-full bg-white/10 px-2.5 py-0.5 text-xs">
                {g.name}
              </span>
            ))}
          </div>
          <Facts movie={movie} />
        </div>
      </div>
      {movie.similar.length > 0 && <MediaRow title="Similar" items={movie.similar} />}
    </main>
  );
}

export const route: Omit<RouteDef, 'path'> = {
  page: MovieDetailPage,
  prefetch: ({ queryClient, api, params }) => queryClient.fetchQuery(movieQuery(api, idOf(params))),
  head: ({ params, queryClient }) => {
    const movie = queryClient.getQueryData<MovieDetail>(queryKeys.catalog.movie(idOf(params)));
    if (!movie) return { title: 'Movie' };
    return {
      title: movie.year ? `${movie.title} (${movie.year})` : movie.title,
      description: `${movie.title}${movie.year ? `, ${movie.year}` : ''}: cast, crew, ratings and similar titles.`,
      canonicalPath: `/movie/${movie.id}`,
      image: movie.posterUrl,
      type: 'video.movie',
      jsonLd: {
        '@context': 'https://schema.org',
        '@type': 'Movie',
        name: movie.title,
        datePublished: movie.releaseDate ?? undefined,
        genre: movie.genres.map((g) => g.name),
      },
    };
  },
};
