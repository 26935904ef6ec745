import { useSuspenseQuery } from '@tanstack/react-query';
import { Link } from 'wouter';
import type { WatchlistDetail } from '#shared/contracts/library';
import { PageTransition } from '../components/layout/page-transition.tsx';
import { WatchlistItems } from '../components/library/watchlist-items.tsx';
import { WatchlistSettings } from '../components/library/watchlist-settings.tsx';
import { libraryStateQuery } from '../hooks/use-library.ts';
import { watchlistQuery } from '../hooks/use-watchlists.ts';
import { useApi } from '../lib/api-context.tsx';
import { queryKeys } from '../lib/query-keys.ts';
import type { Params, RouteDef } from '../route-types.ts';

/**
 * One watchlist. Its owner gets the editor (notes, reorder, settings); anyone else, signed in or
 * not, gets the read-only share page of a public list. A private list is a 404 to others.
 */
export function WatchlistPage({ params }: { params: Params }) {
  const { data: list } = useSuspenseQuery(watchlistQuery(useApi(), params.id ?? ''));
  const by = list.owner.displayName ?? list.owner.username;
  return (
    <PageTransition className="max-w-4xl px-4 py-6">
      <p className="text-sm text-slate-400">
        {list.isPublic ? 'Public watchlist' : 'Private watchlist'} by{' '}
        <Link
          href={`/u/${encodeURIComponent(list.owner.username)}`}
          className="text-slate-200 underline underline-offset-2 hover:text-white"
        >
          {by}
        </Link>
      </p>
      <h1 className="mt-1 text-3xl font-bold tracking-tight">{list.name}</h1>
      {list.description && <p className="mt-3 whitespace-pre-line text-slate-300">{list.description}</p>}
      <p className="mt-2 text-sm text-slate-400">
        {list.itemCount} {list.itemCount === 1 ? 'title' : 'titles'}
      </p>
      {list.canEdit && <WatchlistSettings list={list} />}
      <WatchlistItems list={list} />
    </PageTransition>
  );
}

export const route: Omit<RouteDef, 'path'> = {
  page: WatchlistPage,
  prefetch: ({ queryClient, api, params }) =>
    Promise.all([
      queryClient.fetchQuery(watchlistQuery(api, params.id ?? '')),
      queryClient.prefetchQuery(libraryStateQuery(api)),
    ]),
  head: ({ params, queryClient }) => {
    const list = queryClient.getQueryData<WatchlistDetail>(queryKeys.library.watchlist(params.id ?? ''));
    if (!list) return { title: 'Watchlist' };
    const by = list.owner.displayName ?? list.owner.username;
    const titles = list.items
      .slice(0, 3)
      .map((i) => i.media?.title)
      .filter(Boolean);
    return {
      title: `${list.name} · a watchlist by ${by}`,
      description:
        list.description ??
        `${list.itemCount} ${list.itemCount === 1 ? 'title' : 'titles'}${titles.length ? `, including ${titles.join(', ')}` : ''}.`,
      canonicalPath: `/watchlists/${list.id}`,
      image: list.items.find((i) => i.media?.posterUrl)?.media?.posterUrl ?? null,
      type: 'website',
    };
  },
};
