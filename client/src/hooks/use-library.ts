import { queryOptions, useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { isApiError, type Api } from '#shared/api';
import { useApi } from '../lib/api-context.tsx';
import { queryKeys } from '../lib/query-keys.ts';

// Who is signed in and what they favorited: one small request, shared by every heart on a page.
export const libraryStateQuery = (api: Api) =>
  queryOptions({ queryKey: queryKeys.library.state(), queryFn: () => api.library.state(), staleTime: 30_000 });

/** The state without suspending: undefined while unknown (server render of pages that did not prefetch it). */
export const useLibraryState = () => useQuery(libraryStateQuery(useApi()));
/** For pages that prefetched the state. */
export const useLibraryStateSuspense = () => useSuspenseQuery(libraryStateQuery(useApi()));

/** A 401 is an answer for pages that work signed out ("sign in to see this"), not an error page. */
export function nullIfSignedOut<T>(promise: Promise<T>): Promise<T | null> {
  return promise.catch((err: unknown) => {
    if (isApiError(err) && err.status === 401) return null;
    throw err;
  });
}

/** The message to show for a failed write: the API's own words, or a generic one. */
export function errorText(err: unknown): string {
  if (isApiError(err)) return err.message;
  return 'Something went wrong; please try again.';
}

/** Puts the API's field errors (400 details) onto a react-hook-form form. */
export function applyFieldErrors(
  err: unknown,
  setError: (field: never, e: { type: string; message: string }) => void,
  fields: readonly string[],
): boolean {
  if (!isApiError(err) || !err.details?.length) return false;
  let applied = false;
  for (const d of err.details) {
    if (fields.includes(d.field)) {
      setError(d.field as never, { type: 'server', message: d.message });
      applied = true;
    }
  }
  return applied;
}
