import { useSuspenseQuery } from '@tanstack/react-query';
import type { ProfileView } from '#shared/contracts/library';
import { PageTransition } from '../components/layout/page-transition.tsx';
import { ReviewCard } from '../components/library/review-card.tsx';
import { WatchlistCard } from '../components/library/watchlist-card.tsx';
import { EmptyState } from '../components/ui/empty-state.tsx';
import { profileQuery } from '../hooks/use-custom-titles.ts';
import { libraryStateQuery, useLibraryState } from '../hooks/use-library.ts';
import { useApi } from '../lib/api-context.tsx';
import { queryKeys } from '../lib/query-keys.ts';
import type { Params, RouteDef } from '../route-types.ts';

/** A public profile: public watchlists and recent reviews. */
export function ProfilePage({ params }: { params: Params }) {
  const { data: profile } = useSuspenseQuery(profileQuery(useApi(), params.username ?? ''));
  const { data: state } = useLibraryState();
  const name = profile.displayName ?? profile.username;
  return (
    <PageTransition className="px-4 py-6">
      <h1 className="text-3xl font-bold tracking-tight">{name}</h1>
      <p className="text-sm text-slate-400">
        @{profile.username} · member since {profile.createdAt.slice(0, 10)}
      </p>
      <section aria-labelledby="profile-lists" className="mt-8">
        <h2 id="profile-lists" className="mb-3 text-xl font-semibold">
          Public watchlists
        </h2>
        {profile.watchlists.length === 0 ? (
          <EmptyState title="No public watchlists" />
        ) : (
          <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
            {profile.watchlists.map((l) => (
              <WatchlistCard key={l.id} list={l} />
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="profile-reviews" className="mt-8">
        <h2 id="profile-reviews" className="mb-3 text-xl font-semibold">
          Recent reviews
        </h2>
        {profile.reviews.length === 0 ? (
          <EmptyState title="No reviews yet" />
        ) : (
          <div className="space-y-3">
            {profile.reviews.map((r) => (
              <ReviewCard key={r.id} review={r} viewer={state?.viewer} showTitle />
            ))}
          </div>
        )}
      </section>
    </PageTransition>
  );
}

export const route: Omit<RouteDef, 'path'> = {
  page: ProfilePage,
  prefetch: ({ queryClient, api, params }) =>
    Promise.all([
      queryClient.fetchQuery(profileQuery(api, params.username ?? '')),
      queryClient.prefetchQuery(libraryStateQuery(api)),
    ]),
  head: ({ params, queryClient }) => {
    const p = queryClient.getQueryData<ProfileView>(queryKeys.library.profile(params.username ?? ''));
    if (!p) return { title: 'Profile' };
    return {
      title: `${p.displayName ?? p.username} (@${p.username})`,
      description: `Public watchlists and reviews by ${p.displayName ?? p.username} on CineHub Pro.`,
      canonicalPath: `/u/${encodeURIComponent(p.username)}`,
      type: 'profile',
    };
  },
};
