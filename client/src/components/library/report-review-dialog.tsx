import * as Dialog from '@radix-ui/react-dialog';
import './dialog-nonce.ts';
import { useState } from 'react';
import { isApiError } from '#shared/api';
import { errorText } from '../../hooks/use-library.ts';
import { useReportReview } from '../../hooks/use-reviews.ts';
import { buttonClass, FormError, TextArea } from './form-field.tsx';

/** Flags someone else's review for the moderators, with a reason. */
export function ReportReviewDialog({ reviewId, author }: { reviewId: string; author: string }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const report = useReportReview();
  const submit = async () => {
    setError(null);
    try {
      await report.mutateAsync({ id: reviewId, reason });
      setDone(true);
    } catch (err) {
      if (isApiError(err) && err.status === 409) setDone(true);
      else setError(errorText(err));
    }
  };
  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
      <Dialog.Trigger className="text-xs text-slate-400 hover:text-white" aria-label={`Report the review by ${author}`}>
        Report
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-50 bg-black/70" />
        <Dialog.Content className="fixed left-1/2 top-1/2 z-50 w-[min(92vw,26rem)] -translate-x-1/2 -translate-y-1/2 rounded-2xl bg-slate-900 p-6 text-slate-100 shadow-2xl ring-1 ring-white/10">
          <Dialog.Title className="text-lg font-semibold">Report this review</Dialog.Title>
          <Dialog.Description className="mt-1 text-sm text-slate-400">
            A moderator will look at it. Say what is wrong.
          </Dialog.Description>
          {done ? (
            <p role="status" className="mt-4 text-sm text-emerald-300">
              Thanks: the moderators have it.
            </p>
          ) : (
            <div className="mt-4 space-y-3">
              <TextArea
                id={`report-${reviewId}`}
                label="Reason"
                maxLength={500}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
              />
              <FormError message={error} />
              <button
                type="button"
                className={buttonClass.primary}
                disabled={!reason.trim() || report.isPending}
                onClick={() => void submit()}
              >
                Send report
              </button>
            </div>
          )}
          <Dialog.Close className={`${buttonClass.secondary} mt-6 w-full`}>Close</Dialog.Close>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
