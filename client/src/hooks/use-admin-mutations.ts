import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import type { AdminCustomTitleBody, UpdateAdminUserBody } from '#shared/contracts/admin';
import { useApi } from '../lib/api-context.tsx';
import { queryKeys } from '../lib/query-keys.ts';

/** A mutation that refreshes what it changed, the overview's counts and the audit log afterwards. */
function useAdminMutation<V, R>(run: (vars: V) => Promise<R>, touched: QueryKey[]) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSettled: () =>
      Promise.all(
        [...touched, queryKeys.admin.stats(), ['admin', 'audit']].map((queryKey) =>
          queryClient.invalidateQueries({ queryKey }),
        ),
      ),
  });
}

export function useUpdateUser() {
  const api = useApi();
  return useAdminMutation(
    (v: { id: string; body: UpdateAdminUserBody }) => api.admin.updateUser(v.id, v.body),
    [['admin', 'users']],
  );
}

export function useModerateReview() {
  const api = useApi();
  // Public review lists change too: the title page must not show a hidden review from its cache.
  return useAdminMutation(
    (v: { id: string; status: 'visible' | 'hidden' }) => api.admin.moderateReview(v.id, { status: v.status }),
    [['admin', 'reviews'], queryKeys.library.all],
  );
}

export function useDeleteReview() {
  const api = useApi();
  return useAdminMutation((id: string) => api.admin.deleteReview(id), [['admin', 'reviews'], queryKeys.library.all]);
}

export function useUpdateCustomTitle() {
  const api = useApi();
  return useAdminMutation(
    (v: { id: string; body: AdminCustomTitleBody }) => api.admin.updateCustomTitle(v.id, v.body),
    [['admin', 'custom-titles'], queryKeys.library.all],
  );
}

export function useDeleteCustomTitle() {
  const api = useApi();
  return useAdminMutation(
    (id: string) => api.admin.deleteCustomTitle(id),
    [['admin', 'custom-titles'], queryKeys.library.all],
  );
}

export function usePurgeCache() {
  const api = useApi();
  return useAdminMutation(
    (f: { type?: string; category?: string }) => api.admin.purgeCache(f),
    [queryKeys.admin.cacheAll],
  );
}

export function useWarmCache() {
  const api = useApi();
  return useAdminMutation(() => api.admin.warmCache(), [queryKeys.admin.cacheAll]);
}

export function useRetryJob() {
  const api = useApi();
  return useAdminMutation((id: string) => api.admin.retryJob(id), [queryKeys.admin.jobsAll]);
}
