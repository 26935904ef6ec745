import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { Api, Query } from '#shared/api';
import type { CustomTitleBody } from '#shared/contracts/library';
import { useApi } from '../lib/api-context.tsx';
import { queryKeys } from '../lib/query-keys.ts';

/** How long a page waits, asking every 2 s, for a newly given image to be fetched and stored. */
const POSTER_WAIT_TRIES = 15;

export const customTitleQuery = (api: Api, id: string) =>
  queryOptions({
    queryKey: queryKeys.library.customTitle(id),
    queryFn: () => api.library.customTitle(id),
    // The image at imageUrl is fetched by a background job: ask again until its poster shows.
    refetchInterval: (q) =>
      q.state.data?.imageUrl && !q.state.data.posterUrl && q.state.dataUpdateCount < POSTER_WAIT_TRIES ? 2000 : false,
  });
export const customTitlesQuery = (api: Api, query: Query = {}) =>
  queryOptions({ queryKey: queryKeys.library.customTitles(query), queryFn: () => api.library.customTitles(query) });

/** Creates (no id) or replaces (id) a custom title. */
export function useSaveCustomTitle(id?: string) {
  const api = useApi();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CustomTitleBody) =>
      id ? api.library.updateCustomTitle(id, body) : api.library.createCustomTitle(body),
    onSuccess: (saved) => {
      qc.setQueryData(queryKeys.library.customTitle(saved.id), saved);
      return qc.invalidateQueries({ queryKey: ['library', 'custom-titles'] });
    },
  });
}

export function useDeleteCustomTitle() {
  const api = useApi();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.library.deleteCustomTitle(id),
    onSuccess: (_v, id) => {
      qc.removeQueries({ queryKey: queryKeys.library.customTitle(id) });
      return qc.invalidateQueries({ queryKey: queryKeys.library.all });
    },
  });
}

export const profileQuery = (api: Api, username: string) =>
  queryOptions({ queryKey: queryKeys.library.profile(username), queryFn: () => api.library.profile(username) });
