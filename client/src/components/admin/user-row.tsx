import { useState } from 'react';
import type { AdminUser } from '#shared/contracts/admin';
import { isApiError } from '#shared/api';
import { useUpdateUser } from '../../hooks/use-admin-mutations.ts';
import { ConfirmDialog } from '../library/confirm-dialog.tsx';
import { buttonClass } from '../library/form-field.tsx';
import { When } from './when.tsx';

/** One user with promote/demote and ban/unban; an admin's own row offers neither. */
export function UserRow({ user, self }: { user: AdminUser; self: boolean }) {
  const update = useUpdateUser();
  const [error, setError] = useState<string | null>(null);
  const run = (body: { isAdmin?: boolean; isBanned?: boolean }) =>
    update.mutateAsync({ id: user.id, body }).then(
      () => setError(null),
      (err: unknown) => setError(isApiError(err) ? err.message : 'Could not update the user'),
    );
  const name = user.displayName ?? user.username;
  return (
    <tr className="border-t border-white/10 align-top">
      <td className="py-2 pr-3">
        <div className="font-medium">{name}</div>
        <div className="text-xs text-slate-400">@{user.username}</div>
      </td>
      <td className="py-2 pr-3 text-sm text-slate-300">{user.email ?? '–'}</td>
      <td className="py-2 pr-3 text-sm">
        {[user.isAdmin && 'admin', user.isBanned && 'banned', user.isVerified && 'verified']
          .filter(Boolean)
          .join(' · ') || 'member'}
      </td>
      <td className="py-2 pr-3 text-sm text-slate-400">
        <When iso={user.createdAt} />
      </td>
      <td className="py-2 text-right">
        {self ? (
          <span className="text-xs text-slate-400">This is you</span>
        ) : (
          <div className="flex flex-wrap justify-end gap-2">
            <button
              type="button"
              className={buttonClass.secondary}
              disabled={update.isPending}
              onClick={() => void run({ isAdmin: !user.isAdmin })}
              aria-label={`${user.isAdmin ? 'Remove admin from' : 'Make admin'} ${user.username}`}
              title="They are signed out of their browsers and sign in again with the new role"
            >
              {user.isAdmin ? 'Remove admin' : 'Make admin'}
            </button>
            {user.isBanned ? (
              <button
                type="button"
                className={buttonClass.secondary}
                disabled={update.isPending}
                onClick={() => void run({ isBanned: false })}
              >
                Unban {user.username}
              </button>
            ) : (
              <ConfirmDialog
                trigger={`Ban ${user.username}`}
                title={`Ban ${name}?`}
                confirmLabel="Ban"
                onConfirm={() => run({ isBanned: true })}
              >
                They are signed out everywhere at once and cannot sign in until unbanned.
              </ConfirmDialog>
            )}
          </div>
        )}
        {error && (
          <p role="alert" className="mt-1 text-xs text-rose-300">
            {error}
          </p>
        )}
      </td>
    </tr>
  );
}
