import { useState } from 'react';
import { Link } from 'wouter';
import type { AdminCustomTitle } from '#shared/contracts/admin';
import { isApiError } from '#shared/api';
import { useDeleteCustomTitle } from '../../hooks/use-admin-mutations.ts';
import { ConfirmDialog } from '../library/confirm-dialog.tsx';
import { CustomTitleEditDialog } from './custom-title-edit-dialog.tsx';
import { When } from './when.tsx';

/** One user-contributed title: who added it, edit, delete. */
export function CustomTitleRow({ title }: { title: AdminCustomTitle }) {
  const remove = useDeleteCustomTitle();
  const [error, setError] = useState<string | null>(null);
  return (
    <tr className="border-t border-white/10 align-top">
      <td className="py-2 pr-3">
        <Link href={`/custom/${title.id}`} className="font-medium text-rose-300 underline">
          {title.title}
        </Link>
        {title.year && <span className="text-slate-400"> ({title.year})</span>}
      </td>
      <td className="py-2 pr-3 text-sm">@{title.ownerUsername}</td>
      <td className="py-2 pr-3 text-sm text-slate-400">
        <When iso={title.createdAt} />
      </td>
      <td className="py-2 text-right">
        <div className="flex flex-wrap justify-end gap-2">
          <CustomTitleEditDialog title={title} />
          <ConfirmDialog
            trigger="Delete"
            title={`Delete “${title.title}”?`}
            confirmLabel="Delete title"
            onConfirm={() =>
              remove
                .mutateAsync(title.id)
                .catch((err: unknown) => setError(isApiError(err) ? err.message : 'Could not delete the title'))
            }
          >
            The title goes for everyone, with the favorites, watchlist entries and reviews that point at it.
          </ConfirmDialog>
        </div>
        {error && (
          <p role="alert" className="mt-1 text-xs text-rose-300">
            {error}
          </p>
        )}
      </td>
    </tr>
  );
}
