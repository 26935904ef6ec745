import { MediaRow } from '../components/movie/media-row.tsx';
import { listQuery, useList } from '../hooks/use-catalog.ts';
import type { RouteDef } from '../route-types.ts';

const TRENDING = { window: 'week' } as const;

function TrendingMovies() {
  const { data } = useList('movie', 'trending', TRENDING);
  return <MediaRow title="Trending movies" items={data.items} eager />;
}

export function HomePage() {
  return (
    <main id="main" className="mx-auto max-w-7xl py-6">
      <h1 className="px-4 text-3xl font-bold tracking-tight">Find something to watch</h1>
      <TrendingMovies />
    </main>
  );
}

export const route: Omit<RouteDef, 'path'> = {
  page: HomePage,
  prefetch: ({ queryClient, api }) => queryClient.fetchQuery(listQuery(api, 'movie', 'trending', TRENDING)),
  head: () => ({
    title: 'CineHub Pro',
    description: 'Trending movies and TV shows, watchlists, reviews and ratings.',
    canonicalPath: '/',
  }),
};
