import { useSuspenseQuery } from '@tanstack/react-query';
import { PageTransition } from '../components/layout/page-transition.tsx';
import { SignInPrompt } from '../components/library/sign-in-prompt.tsx';
import { WatchlistCard } from '../components/library/watchlist-card.tsx';
import { WatchlistForm } from '../components/library/watchlist-form.tsx';
import { EmptyState } from '../components/ui/empty-state.tsx';
import { libraryStateQuery, useLibraryStateSuspense } from '../hooks/use-library.ts';
import { useCreateWatchlist, watchlistsQuery } from '../hooks/use-watchlists.ts';
import { useApi } from '../lib/api-context.tsx';
import type { RouteDef } from '../route-types.ts';

const MINE = { limit: 100 };

function MyWatchlists() {
  const { data } = useSuspenseQuery(watchlistsQuery(useApi(), MINE));
  const create = useCreateWatchlist();
  return (
    <div className="grid gap-8 px-4 lg:grid-cols-[1fr_20rem]">
      {data.items.length === 0 ? (
        <EmptyState title="No watchlists yet">Make one on the right, or from any title page.</EmptyState>
      ) : (
        <ul className="grid gap-3 sm:grid-cols-2" aria-label="Your watchlists">
          {data.items.map((l) => (
            <WatchlistCard key={l.id} list={l} />
          ))}
        </ul>
      )}
      <section aria-labelledby="new-list" className="rounded-2xl bg-white/5 p-4 ring-1 ring-white/10">
        <h2 id="new-list" className="mb-3 font-semibold">
          New watchlist
        </h2>
        <WatchlistForm
          idPrefix="new-list"
          submitLabel="Create watchlist"
          onSubmit={(values) => create.mutateAsync(values)}
        />
      </section>
    </div>
  );
}

export function WatchlistsPage() {
  const { data: state } = useLibraryStateSuspense();
  return (
    <PageTransition className="py-6">
      <h1 className="mb-6 px-4 text-3xl font-bold tracking-tight">Your watchlists</h1>
      {state.viewer ? <MyWatchlists /> : <SignInPrompt returnTo="/watchlists" what="your watchlists" />}
    </PageTransition>
  );
}

export const route: Omit<RouteDef, 'path'> = {
  page: WatchlistsPage,
  prefetch: async ({ queryClient, api }) => {
    const state = await queryClient.fetchQuery(libraryStateQuery(api));
    if (state.viewer) await queryClient.fetchQuery(watchlistsQuery(api, MINE));
  },
  head: () => ({ title: 'Your watchlists', canonicalPath: '/watchlists' }),
};
