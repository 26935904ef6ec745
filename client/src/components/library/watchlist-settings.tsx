import { useState } from 'react';
import { useLocation } from 'wouter';
import type { WatchlistDetail } from '#shared/contracts/library';
import { useBrowserValue } from '../../hooks/use-browser-value.ts';
import { useDeleteWatchlist, useUpdateWatchlist } from '../../hooks/use-watchlists.ts';
import { ConfirmDialog } from './confirm-dialog.tsx';
import { buttonClass } from './form-field.tsx';
import { ImportDialog } from './import-dialog.tsx';
import { WatchlistForm } from './watchlist-form.tsx';

/** The owner's tools: rename, describe, public or private, share link, import, delete. */
export function WatchlistSettings({ list }: { list: WatchlistDetail }) {
  const update = useUpdateWatchlist(list.id);
  const remove = useDeleteWatchlist();
  const [, navigate] = useLocation();
  const [editing, setEditing] = useState(false);
  const [copied, setCopied] = useState(false);
  // The origin is only known in the browser; hydration renders the server's value first.
  const origin = useBrowserValue(() => window.location.origin, '');
  const shareUrl = `${origin}/watchlists/${list.id}`;
  return (
    <section aria-label="List settings" className="mt-6 space-y-4 rounded-2xl bg-white/5 p-4 ring-1 ring-white/10">
      <div className="flex flex-wrap gap-2">
        <button
          type="button"
          className={buttonClass.secondary}
          aria-expanded={editing}
          onClick={() => setEditing((v) => !v)}
        >
          {editing ? 'Close settings' : 'Edit list'}
        </button>
        <ImportDialog listId={list.id} />
        <a href={`/api/library/export?format=csv`} className={buttonClass.secondary} download>
          Export my library
        </a>
        <ConfirmDialog
          trigger="Delete list"
          title={`Delete ${list.name}?`}
          confirmLabel="Delete"
          onConfirm={async () => {
            await remove.mutateAsync(list.id);
            navigate('/watchlists');
          }}
        >
          The list and its {list.items.length} titles go for good.
        </ConfirmDialog>
      </div>
      {editing && (
        <WatchlistForm
          idPrefix="edit-list"
          initial={{ name: list.name, description: list.description, isPublic: list.isPublic }}
          submitLabel="Save changes"
          onSubmit={async (values) => {
            await update.mutateAsync(values);
            setEditing(false);
          }}
        />
      )}
      {list.isPublic ? (
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <label htmlFor="share-url" className="text-slate-300">
            Share link
          </label>
          <input
            id="share-url"
            readOnly
            value={shareUrl}
            className="min-w-0 flex-1 rounded-lg border border-white/15 bg-slate-900 px-3 py-1.5 text-slate-200"
          />
          <button
            type="button"
            className={buttonClass.secondary}
            onClick={() =>
              void navigator.clipboard?.writeText(shareUrl).then(
                () => setCopied(true),
                () => setCopied(false),
              )
            }
          >
            {copied ? 'Copied' : 'Copy link'}
          </button>
        </div>
      ) : (
        <p className="text-sm text-slate-400">Private: only you can see this list. Make it public to share it.</p>
      )}
    </section>
  );
}
