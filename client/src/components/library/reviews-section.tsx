import { keepPreviousData, useQuery, type QueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useLocation } from 'wouter';
import type { Api } from '#shared/api';
import { libraryStateQuery, useLibraryState } from '../../hooks/use-library.ts';
import {
  myReviewQuery,
  reviewSummaryQuery,
  titleReviewsQuery,
  toMediaRef,
  useCreateReview,
  type TitleRef,
} from '../../hooks/use-reviews.ts';
import { useApi } from '../../lib/api-context.tsx';
import { signInHref } from './favorite-button.tsx';
import { buttonClass } from './form-field.tsx';
import { ReviewCard } from './review-card.tsx';
import { ReviewForm } from './review-form.tsx';

/** Loads what the section shows first, for the title page's prefetch (never fails the page). */
export function prefetchReviewsSection(queryClient: QueryClient, api: Api, t: TitleRef) {
  return Promise.all([
    queryClient.prefetchQuery(reviewSummaryQuery(api, t)),
    queryClient.prefetchQuery(titleReviewsQuery(api, t, 1)),
    queryClient.prefetchQuery(libraryStateQuery(api)),
  ]);
}

const fmt = (v: number | null | undefined) => (v === null || v === undefined ? '–' : v.toFixed(1));

/**
 * Reviews on a title page: our users' average beside TMDB's, the viewer's own review (write,
 * edit, delete), then everyone's, newest first, a page at a time.
 */
export function ReviewsSection({
  title,
  tmdbAverage,
}: {
  title: TitleRef & { name: string };
  tmdbAverage?: number | null;
}) {
  const api = useApi();
  const t: TitleRef = { mediaType: title.mediaType, mediaId: title.mediaId };
  const [page, setPage] = useState(1);
  const [location] = useLocation();
  const { data: state } = useLibraryState();
  const viewer = state?.viewer;
  const summary = useQuery(reviewSummaryQuery(api, t));
  const reviews = useQuery({ ...titleReviewsQuery(api, t, page), placeholderData: keepPreviousData });
  const mine = useQuery({ ...myReviewQuery(api, t, viewer?.id ?? ''), enabled: Boolean(viewer) });
  const create = useCreateReview();
  const myReview = mine.data?.items[0];
  const totalPages = reviews.data?.meta.totalPages ?? 0;

  return (
    <section aria-labelledby="reviews-heading" className="mx-auto mt-10 max-w-4xl px-4">
      <h2 id="reviews-heading" className="text-2xl font-bold tracking-tight">
        Reviews
      </h2>
      <dl className="mt-3 flex flex-wrap gap-6 text-sm">
        <div>
          <dt className="text-slate-400">CineHub users</dt>
          <dd className="text-lg font-semibold" data-testid="our-average">
            {fmt(summary.data?.average)}{' '}
            <span className="text-sm font-normal text-slate-400">({summary.data?.count ?? 0} ratings)</span>
          </dd>
        </div>
        {tmdbAverage !== undefined && (
          <div>
            <dt className="text-slate-400">TMDB</dt>
            <dd className="text-lg font-semibold">{fmt(tmdbAverage)}</dd>
          </div>
        )}
      </dl>

      <div className="mt-6">
        {viewer === null && (
          <p className="text-sm text-slate-300">
            <Link href={signInHref(location)} className="text-rose-300 underline">
              Sign in
            </Link>{' '}
            to write a review.
          </p>
        )}
        {viewer && mine.isSuccess && !myReview && (
          <div className="rounded-xl bg-white/5 p-4 ring-1 ring-white/10">
            <h3 className="mb-3 font-semibold">Review {title.name}</h3>
            <ReviewForm
              idPrefix="new-review"
              submitLabel="Post review"
              onSubmit={(values) => create.mutateAsync({ ...toMediaRef(t), ...values })}
            />
          </div>
        )}
      </div>

      <div className="mt-6 space-y-3" aria-live="polite">
        {reviews.data?.items.length === 0 && <p className="text-sm text-slate-400">No reviews yet. Be the first.</p>}
        {reviews.data?.items.map((r) => (
          <ReviewCard key={r.id} review={r} viewer={viewer} />
        ))}
      </div>
      {totalPages > 1 && (
        <nav aria-label="Review pages" className="mt-4 flex items-center gap-3 text-sm">
          <button
            type="button"
            className={buttonClass.secondary}
            disabled={page <= 1}
            onClick={() => setPage((p) => p - 1)}
          >
            Newer
          </button>
          <span>
            Page {page} of {totalPages}
          </span>
          <button
            type="button"
            className={buttonClass.secondary}
            disabled={page >= totalPages}
            onClick={() => setPage((p) => p + 1)}
          >
            Older
          </button>
        </nav>
      )}
    </section>
  );
}
