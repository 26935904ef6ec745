import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { Api, Query } from '#shared/api';
import type { LibraryState, MediaRef } from '#shared/contracts/library';
import { useApi } from '../lib/api-context.tsx';
import { queryKeys } from '../lib/query-keys.ts';

export const favoritesQuery = (api: Api, query: Query = {}) =>
  queryOptions({ queryKey: queryKeys.library.favorites(query), queryFn: () => api.library.favorites(query) });

const PENDING = 'pending';
export const sameTitle = (
  a: { mediaType: string; mediaId: string | number },
  b: { mediaType: string; mediaId: string | number },
) => a.mediaType === b.mediaType && String(a.mediaId) === String(b.mediaId);

interface Toggle {
  ref: MediaRef;
  /** The favorite to remove, or null to add one. */
  favoriteId: string | null;
}

/**
 * Adds or removes a favorite optimistically: the heart changes at once, and goes back if the
 * server says no. Every heart reads the one library-state query, so they all agree.
 */
export function useToggleFavorite() {
  const api = useApi();
  const qc = useQueryClient();
  const key = queryKeys.library.state();
  return useMutation({
    mutationFn: async ({ ref, favoriteId }: Toggle) => {
      if (favoriteId) {
        await api.library.removeFavorite(favoriteId);
        return null;
      }
      return api.library.addFavorite(ref);
    },
    onMutate: async ({ ref, favoriteId }) => {
      await qc.cancelQueries({ queryKey: key });
      const previous = qc.getQueryData<LibraryState>(key);
      if (previous) {
        qc.setQueryData<LibraryState>(key, {
          ...previous,
          favorites: favoriteId
            ? previous.favorites.filter((f) => f.id !== favoriteId)
            : [{ id: PENDING, mediaType: ref.mediaType, mediaId: ref.mediaId }, ...previous.favorites],
        });
      }
      return { previous };
    },
    onSuccess: (added, { ref }) => {
      if (!added) return;
      qc.setQueryData<LibraryState>(
        key,
        (s) =>
          s && {
            ...s,
            favorites: s.favorites.map((f) => (f.id === PENDING && sameTitle(f, ref) ? { ...f, id: added.id } : f)),
          },
      );
    },
    onError: (_err, _vars, ctx) => {
      if (ctx?.previous) qc.setQueryData(key, ctx.previous);
    },
    onSettled: () => qc.invalidateQueries({ queryKey: ['library', 'favorites'] }),
  });
}

export const isPendingFavorite = (id: string) => id === PENDING;
