import { useState } from 'react';
import { Link } from 'wouter';
import type { AdminReview } from '#shared/contracts/admin';
import { isApiError } from '#shared/api';
import { useDeleteReview, useModerateReview } from '../../hooks/use-admin-mutations.ts';
import { ConfirmDialog } from '../library/confirm-dialog.tsx';
import { buttonClass } from '../library/form-field.tsx';
import { When } from './when.tsx';

const titleHref = (r: AdminReview) =>
  r.mediaType === 'custom' ? `/custom/${r.mediaId}` : `/${r.mediaType}/${r.mediaId}`;

/** A review in the moderation queue: what was written, why it was reported, hide/restore/delete. */
export function ModerationReview({ review }: { review: AdminReview }) {
  const moderate = useModerateReview();
  const remove = useDeleteReview();
  const [error, setError] = useState<string | null>(null);
  const fail = (err: unknown) => setError(isApiError(err) ? err.message : 'Could not change the review');
  const label = `review by ${review.username}`;
  return (
    <li className="rounded-xl bg-white/5 p-4 ring-1 ring-white/10">
      <div className="flex flex-wrap items-baseline justify-between gap-2 text-sm">
        <span>
          <span className="font-medium">@{review.username}</span> on{' '}
          <Link href={titleHref(review)} className="text-rose-300 underline">
            {review.mediaType} {review.mediaId}
          </Link>{' '}
          · {review.rating}/10 · <When iso={review.createdAt} />
        </span>
        <span className="rounded-full bg-white/10 px-2 py-0.5 text-xs">{review.status}</span>
      </div>
      <p className="mt-2 whitespace-pre-line text-slate-200">{review.content}</p>
      {review.reportCount > 0 && (
        <div className="mt-2 text-sm text-amber-300">
          Reported {review.reportCount} {review.reportCount === 1 ? 'time' : 'times'}
          {review.reportReasons.length > 0 && <>: {review.reportReasons.map((r) => `“${r}”`).join(', ')}</>}
        </div>
      )}
      <div className="mt-3 flex flex-wrap gap-2">
        {review.status === 'hidden' ? (
          <button
            type="button"
            className={buttonClass.secondary}
            disabled={moderate.isPending}
            aria-label={`Restore ${label}`}
            onClick={() => moderate.mutateAsync({ id: review.id, status: 'visible' }).catch(fail)}
          >
            Restore
          </button>
        ) : (
          <button
            type="button"
            className={buttonClass.primary}
            disabled={moderate.isPending}
            aria-label={`Hide ${label}`}
            onClick={() => moderate.mutateAsync({ id: review.id, status: 'hidden' }).catch(fail)}
          >
            Hide
          </button>
        )}
        <ConfirmDialog
          trigger="Delete"
          title={`Delete this ${label}?`}
          confirmLabel="Delete review"
          onConfirm={() => remove.mutateAsync(review.id).catch(fail)}
        >
          The review and its reports are removed for good.
        </ConfirmDialog>
      </div>
      {error && (
        <p role="alert" className="mt-2 text-sm text-rose-300">
          {error}
        </p>
      )}
    </li>
  );
}
