import { useState } from 'react';
import { Link } from 'wouter';
import type { ReviewView, ViewerSummary } from '#shared/contracts/library';
import { useDeleteReview, useUpdateReview } from '../../hooks/use-reviews.ts';
import { hrefFor } from '../movie/media-card.tsx';
import { ConfirmDialog } from './confirm-dialog.tsx';
import { ReportReviewDialog } from './report-review-dialog.tsx';
import { ReviewForm } from './review-form.tsx';

const dateOf = (iso: string) => iso.slice(0, 10);

/** One review, as text (never HTML). Its author may edit or delete it; others may report it; admins may delete it. */
export function ReviewCard({
  review,
  viewer,
  showTitle = false,
}: {
  review: ReviewView;
  viewer: ViewerSummary | null | undefined;
  showTitle?: boolean;
}) {
  const [editing, setEditing] = useState(false);
  const update = useUpdateReview();
  const remove = useDeleteReview();
  const mine = viewer?.id === review.author.id;
  const name = review.author.displayName ?? review.author.username;
  return (
    <article className="rounded-xl bg-white/5 p-4 ring-1 ring-white/10" aria-label={`Review by ${name}`}>
      <header className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <span className="rounded-md bg-rose-600/20 px-2 py-0.5 text-sm font-semibold text-rose-200">
          {review.rating.toFixed(1)}/10
        </span>
        <Link
          href={`/u/${encodeURIComponent(review.author.username)}`}
          className="text-sm font-medium text-white hover:underline"
        >
          {name}
        </Link>
        <time dateTime={review.createdAt} className="text-xs text-slate-400">
          {dateOf(review.createdAt)}
          {review.updatedAt !== review.createdAt ? ' (edited)' : ''}
        </time>
        {showTitle && review.media && (
          <Link href={hrefFor(review.media)} className="text-sm text-slate-300 hover:underline">
            on {review.media.title}
          </Link>
        )}
      </header>
      {editing ? (
        <div className="mt-3">
          <ReviewForm
            idPrefix={`edit-${review.id}`}
            initial={{ rating: review.rating, content: review.content }}
            submitLabel="Save review"
            onCancel={() => setEditing(false)}
            onSubmit={async (body) => {
              await update.mutateAsync({ id: review.id, body });
              setEditing(false);
            }}
          />
        </div>
      ) : (
        <p className="mt-2 whitespace-pre-line break-words text-sm text-slate-200" data-testid="review-content">
          {review.content}
        </p>
      )}
      {viewer && !editing && (
        <footer className="mt-3 flex gap-3">
          {mine && (
            <button type="button" className="text-xs text-slate-300 hover:text-white" onClick={() => setEditing(true)}>
              Edit
            </button>
          )}
          {(mine || viewer.isAdmin) && (
            <ConfirmDialog
              trigger="Delete"
              title="Delete this review?"
              confirmLabel="Delete"
              onConfirm={() => remove.mutateAsync(review.id)}
            >
              It will be gone for good.
            </ConfirmDialog>
          )}
          {!mine && <ReportReviewDialog reviewId={review.id} author={name} />}
        </footer>
      )}
    </article>
  );
}
