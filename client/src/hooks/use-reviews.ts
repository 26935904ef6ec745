import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { Api } from '#shared/api';
import type { MediaRef, UpdateReviewBody } from '#shared/contracts/library';
import type { NewReview } from '#shared/library-api';
import { useApi } from '../lib/api-context.tsx';
import { queryKeys } from '../lib/query-keys.ts';

export type TitleRef = { mediaType: 'movie' | 'tv' | 'custom'; mediaId: number | string };
export const REVIEWS_PER_PAGE = 10;
/** A page's title reference is a MediaRef: TMDB ids for movie/tv, our UUID for custom titles. */
export const toMediaRef = (t: TitleRef) => ({ mediaType: t.mediaType, mediaId: t.mediaId }) as MediaRef;

const titleQuery = (t: TitleRef, extra: Record<string, string | number> = {}) => ({
  mediaType: t.mediaType,
  mediaId: String(t.mediaId),
  ...extra,
});

/** Shown reviews of a title, newest first, one page at a time. */
export const titleReviewsQuery = (api: Api, t: TitleRef, page = 1) => {
  const query = titleQuery(t, { page, limit: REVIEWS_PER_PAGE });
  return queryOptions({ queryKey: queryKeys.library.reviews(query), queryFn: () => api.library.reviews(query) });
};
/** The viewer's own review of a title (at most one). */
export const myReviewQuery = (api: Api, t: TitleRef, userId: string) => {
  const query = titleQuery(t, { userId, limit: 1 });
  return queryOptions({ queryKey: queryKeys.library.reviews(query), queryFn: () => api.library.reviews(query) });
};
export const userReviewsQuery = (api: Api, userId: string, page = 1) => {
  const query = { userId, page, limit: REVIEWS_PER_PAGE };
  return queryOptions({ queryKey: queryKeys.library.reviews(query), queryFn: () => api.library.reviews(query) });
};
export const reviewSummaryQuery = (api: Api, t: TitleRef) =>
  queryOptions({
    queryKey: queryKeys.library.reviewSummary(t.mediaType, t.mediaId),
    queryFn: () => api.library.reviewSummary(titleQuery(t)),
  });

function useInvalidateReviews() {
  const qc = useQueryClient();
  return () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: ['library', 'reviews'] }),
      qc.invalidateQueries({ queryKey: ['library', 'review-summary'] }),
    ]);
}

export function useCreateReview() {
  const api = useApi();
  const invalidate = useInvalidateReviews();
  return useMutation({ mutationFn: (body: NewReview) => api.library.createReview(body), onSuccess: invalidate });
}
export function useUpdateReview() {
  const api = useApi();
  const invalidate = useInvalidateReviews();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateReviewBody }) => api.library.updateReview(id, body),
    onSuccess: invalidate,
  });
}
export function useDeleteReview() {
  const api = useApi();
  const invalidate = useInvalidateReviews();
  return useMutation({ mutationFn: (id: string) => api.library.deleteReview(id), onSuccess: invalidate });
}
export function useReportReview() {
  const api = useApi();
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) => api.library.reportReview(id, reason),
  });
}
