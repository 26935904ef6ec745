import { PageTransition } from '../components/layout/page-transition.tsx';
import { LibraryDashboardSection, prefetchDashboard } from '../components/library/library-dashboard-section.tsx';
import { SignInPrompt } from '../components/library/sign-in-prompt.tsx';
import { libraryStateQuery, useLibraryStateSuspense } from '../hooks/use-library.ts';
import type { RouteDef } from '../route-types.ts';

/** The signed-in user's dashboard: favorites, watchlists, reviews, custom titles, import and export. */
export function MePage() {
  const { data: state } = useLibraryStateSuspense();
  return (
    <PageTransition className="py-6">
      <h1 className="mb-6 px-4 text-3xl font-bold tracking-tight">
        {state.viewer ? `Your library, ${state.viewer.displayName ?? state.viewer.username}` : 'Your library'}
      </h1>
      {state.viewer ? (
        <LibraryDashboardSection viewer={state.viewer} />
      ) : (
        <SignInPrompt returnTo="/me" what="your library" />
      )}
    </PageTransition>
  );
}

export const route: Omit<RouteDef, 'path'> = {
  page: MePage,
  prefetch: async ({ queryClient, api }) => {
    const state = await queryClient.fetchQuery(libraryStateQuery(api));
    if (state.viewer) await prefetchDashboard(queryClient, api, state.viewer);
  },
  head: () => ({ title: 'Your library', canonicalPath: '/me' }),
};
