import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Api } from '#shared/api';
import type { UserView } from '#shared/contracts/auth';
import { useApi } from '../lib/api-context.tsx';
import { queryKeys } from '../lib/query-keys.ts';

/** Who is signed in (null: nobody). The server render prefetches it, so the header never flashes. */
export const meQuery = (api: Api) =>
  queryOptions({ queryKey: queryKeys.auth.me(), queryFn: () => api.auth.me(), staleTime: 60_000 });

/** The signed-in user, null when signed out, undefined only if the render did not prefetch it. */
export const useViewer = (): UserView | null | undefined => useQuery(meQuery(useApi())).data;

/**
 * After a sign-in (or a new account): the new user in the cache at once, and everything that
 * depends on who is asking (favorites, lists, admin access) fetched again.
 */
export function useSignedIn() {
  const queryClient = useQueryClient();
  return async (user: UserView) => {
    queryClient.setQueryData(queryKeys.auth.me(), user);
    await queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'auth' && q.queryKey[0] !== 'catalog' });
  };
}

/** The cached user after a change to it (profile, phone, verification). */
export function useUserUpdated() {
  const queryClient = useQueryClient();
  return (user: UserView) => queryClient.setQueryData(queryKeys.auth.me(), user);
}

/**
 * Sign out (here, or everywhere): then a full page load of `to`, so nothing of the account stays
 * in this tab's memory.
 */
export function useSignOut(everywhere = false) {
  const api = useApi();
  return useMutation({
    mutationFn: () => (everywhere ? api.auth.signOutEverywhere() : api.auth.signOut()),
    onSuccess: () => window.location.assign(everywhere ? '/sign-in?signedOut=everywhere' : '/'),
  });
}
