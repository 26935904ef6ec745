import { useState } from 'react';
import { isApiError } from '#shared/api';
import { usePurgeCache, useWarmCache } from '../../hooks/use-admin-mutations.ts';
import { ConfirmDialog } from '../library/confirm-dialog.tsx';
import { buttonClass } from '../library/form-field.tsx';

/** Warm the home rows (queued, 202) or purge everything; the outcome is announced. */
export function CacheActions() {
  const warm = useWarmCache();
  const purge = usePurgeCache();
  const [message, setMessage] = useState<string | null>(null);
  const fail = (err: unknown) => setMessage(isApiError(err) ? err.message : 'Something went wrong');
  return (
    <div className="mb-6 flex flex-wrap items-center gap-2">
      <button
        type="button"
        className={buttonClass.primary}
        disabled={warm.isPending}
        onClick={() => warm.mutateAsync().then((r) => setMessage(r.message), fail)}
      >
        Warm home rows
      </button>
      <ConfirmDialog
        trigger="Purge all"
        title="Purge the whole TMDB cache?"
        confirmLabel="Purge everything"
        onConfirm={() => purge.mutateAsync({}).then(() => setMessage('Cache purged'), fail)}
      >
        Every page fetches from TMDB again until the cache refills.
      </ConfirmDialog>
      <p role="status" className="text-sm text-slate-300">
        {message}
      </p>
    </div>
  );
}
