import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { Api, Query } from '#shared/api';
import type { UpdateWatchlistBody, UpdateWatchlistItemBody, WatchlistDetail } from '#shared/contracts/library';
import type { NewItem, NewWatchlist } from '#shared/library-api';
import { useApi } from '../lib/api-context.tsx';
import { queryKeys } from '../lib/query-keys.ts';

export const watchlistsQuery = (api: Api, query: Query = {}) =>
  queryOptions({ queryKey: queryKeys.library.watchlists(query), queryFn: () => api.library.watchlists(query) });
export const watchlistQuery = (api: Api, id: string) =>
  queryOptions({ queryKey: queryKeys.library.watchlist(id), queryFn: () => api.library.watchlist(id) });

const LISTS = ['library', 'watchlists'] as const;

/** Moves the item at `from` to `to` (0-based) and renumbers positions 1..n, as the server will. */
export function reorder<T extends { position: number }>(items: T[], from: number, to: number): T[] {
  const next = [...items];
  const [moved] = next.splice(from, 1);
  if (moved) next.splice(to, 0, moved);
  return next.map((item, i) => ({ ...item, position: i + 1 }));
}

export function useCreateWatchlist() {
  const api = useApi();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: NewWatchlist) => api.library.createWatchlist(body),
    onSuccess: () => qc.invalidateQueries({ queryKey: LISTS }),
  });
}

export function useUpdateWatchlist(id: string) {
  const api = useApi();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateWatchlistBody) => api.library.updateWatchlist(id, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: LISTS }),
  });
}

export function useDeleteWatchlist() {
  const api = useApi();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.library.deleteWatchlist(id),
    onSuccess: (_v, id) => {
      qc.removeQueries({ queryKey: queryKeys.library.watchlist(id) });
      return qc.invalidateQueries({ queryKey: LISTS });
    },
  });
}

export function useAddItem() {
  const api = useApi();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ listId, item }: { listId: string; item: NewItem }) => api.library.addItem(listId, item),
    onSuccess: () => qc.invalidateQueries({ queryKey: LISTS }),
  });
}

/**
 * Notes and moves. A move shows at once (the list is reordered in the cache) and is undone if the
 * server refuses; the list is read again once the last queued change is done.
 */
export function useUpdateItem(listId: string) {
  const api = useApi();
  const qc = useQueryClient();
  const key = queryKeys.library.watchlist(listId);
  return useMutation({
    // Moves of one list run one after another, in the order they were made: each sends an
    // absolute position computed from what the screen showed at the time.
    scope: { id: `watchlist:${listId}` },
    mutationFn: ({ itemId, body }: { itemId: string; body: UpdateWatchlistItemBody }) =>
      api.library.updateItem(listId, itemId, body),
    onMutate: async ({ itemId, body }) => {
      await qc.cancelQueries({ queryKey: key });
      const previous = qc.getQueryData<WatchlistDetail>(key);
      if (previous) {
        const from = previous.items.findIndex((i) => i.id === itemId);
        let items = previous.items.map((i) =>
          i.id === itemId && body.notes !== undefined ? { ...i, notes: body.notes } : i,
        );
        if (from >= 0 && body.position !== undefined)
          items = reorder(items, from, Math.min(body.position, items.length) - 1);
        qc.setQueryData<WatchlistDetail>(key, { ...previous, items });
      }
      return { previous };
    },
    onError: (_err, _vars, ctx) => {
      if (ctx?.previous) qc.setQueryData(key, ctx.previous);
    },
    // Re-read once the last queued change of this list is done: a re-read between two moves would
    // briefly show the list without the second.
    onSettled: () =>
      qc.isMutating({ predicate: (m) => m.options.scope?.id === `watchlist:${listId}` }) > 1
        ? undefined
        : qc.invalidateQueries({ queryKey: LISTS }),
  });
}

export function useRemoveItem(listId: string) {
  const api = useApi();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (itemId: string) => api.library.removeItem(listId, itemId),
    onSettled: () => qc.invalidateQueries({ queryKey: LISTS }),
  });
}

export function useImportCsv() {
  const api = useApi();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ listId, csv }: { listId: string; csv: string }) => api.library.importCsv(listId, csv),
    onSuccess: () => qc.invalidateQueries({ queryKey: LISTS }),
  });
}
