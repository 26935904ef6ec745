import type { ListName, Query } from '#shared/api';
import { PageTransition } from '../components/layout/page-transition.tsx';
import { HomeHero } from '../components/movie/home-hero.tsx';
import { MediaRow } from '../components/movie/media-row.tsx';
import { listQuery, useList } from '../hooks/use-catalog.ts';
import type { RouteDef } from '../route-types.ts';

interface HomeRowSpec {
  title: string;
  kind: 'movie' | 'tv';
  list: ListName;
  query?: Query;
  seeAllHref?: string;
}

const WEEK = { window: 'week' } as const;
const ROWS: HomeRowSpec[] = [
  { title: 'Trending movies', kind: 'movie', list: 'trending', query: WEEK },
  { title: 'Popular movies', kind: 'movie', list: 'popular', seeAllHref: '/movies' },
  { title: 'Top rated movies', kind: 'movie', list: 'top-rated' },
  { title: 'Coming soon', kind: 'movie', list: 'upcoming' },
  { title: 'Trending on TV', kind: 'tv', list: 'trending', query: WEEK, seeAllHref: '/tv' },
];

function HomeRow({ spec, eager }: { spec: HomeRowSpec; eager: boolean }) {
  const { data } = useList(spec.kind, spec.list, spec.query);
  return <MediaRow title={spec.title} items={data.items} eager={eager} seeAllHref={spec.seeAllHref} />;
}

function Spotlight() {
  const { data } = useList('movie', 'trending', WEEK);
  const top = data.items.find((i) => i.backdropUrl) ?? data.items[0];
  return top ? <HomeHero item={top} /> : null;
}

export function HomePage() {
  return (
    <PageTransition>
      <div className="px-4 pt-8 sm:px-6">
        <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">Find something to watch</h1>
        <p className="mt-1 text-slate-400">What everyone is watching, the best rated, and what opens next.</p>
      </div>
      <Spotlight />
      {ROWS.map((spec, i) => (
        <HomeRow key={spec.title} spec={spec} eager={i === 0} />
      ))}
    </PageTransition>
  );
}

export const route: Omit<RouteDef, 'path'> = {
  page: HomePage,
  // Every row at once, so the first HTML is the whole page.
  prefetch: ({ queryClient, api }) =>
    Promise.all(ROWS.map((r) => queryClient.fetchQuery(listQuery(api, r.kind, r.list, r.query)))),
  head: () => ({
    title: 'CineHub Pro',
    description:
      'Trending movies and TV shows, top rated classics and what opens next: browse, search and keep watchlists.',
    canonicalPath: '/',
  }),
};
