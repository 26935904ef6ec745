import * as Dialog from '@radix-ui/react-dialog';
import './dialog-nonce.ts';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useLocation } from 'wouter';
import { isApiError } from '#shared/api';
import type { CatalogItem } from '#shared/contracts/catalog';
import type { MediaRef } from '#shared/contracts/library';
import { errorText, useLibraryState } from '../../hooks/use-library.ts';
import { useAddItem, useCreateWatchlist, watchlistsQuery } from '../../hooks/use-watchlists.ts';
import { useApi } from '../../lib/api-context.tsx';
import { signInHref } from './favorite-button.tsx';
import { buttonClass } from './form-field.tsx';
import { PlusIcon } from './library-icons.tsx';
import { WatchlistForm } from './watchlist-form.tsx';

/** "Add to watchlist" from any title: pick one of your lists, or make a new one with it. */
export function AddToWatchlistDialog({ item }: { item: Pick<CatalogItem, 'mediaType' | 'id' | 'title'> }) {
  const api = useApi();
  const { data: state } = useLibraryState();
  const [open, setOpen] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [location, navigate] = useLocation();
  const lists = useQuery({ ...watchlistsQuery(api, { limit: 100 }), enabled: open && Boolean(state?.viewer) });
  const add = useAddItem();
  const create = useCreateWatchlist();
  if (item.mediaType === 'person') return null;
  const ref = { mediaType: item.mediaType, mediaId: item.id } as MediaRef;

  const addTo = async (listId: string, name: string) => {
    setMessage(null);
    try {
      await add.mutateAsync({ listId, item: ref });
      setMessage(`Added to ${name}.`);
    } catch (err) {
      setMessage(isApiError(err) && err.status === 409 ? `Already on ${name}.` : errorText(err));
    }
  };

  const onOpenChange = (next: boolean) => {
    if (next && state && !state.viewer) {
      navigate(signInHref(location));
      return;
    }
    setMessage(null);
    setOpen(next);
  };

  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Trigger className="inline-flex h-11 items-center gap-2 rounded-full bg-white/10 px-4 text-sm font-semibold text-white ring-1 ring-white/20 hover:bg-white/20 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-rose-400">
        <PlusIcon /> Add to watchlist
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-50 bg-black/70" />
        <Dialog.Content className="fixed left-1/2 top-1/2 z-50 max-h-[85vh] w-[min(92vw,28rem)] -translate-x-1/2 -translate-y-1/2 overflow-y-auto rounded-2xl bg-slate-900 p-6 text-slate-100 shadow-2xl ring-1 ring-white/10">
          <Dialog.Title className="text-lg font-semibold">Add {item.title} to a watchlist</Dialog.Title>
          <Dialog.Description className="mt-1 text-sm text-slate-400">
            Pick one of your lists, or start a new one.
          </Dialog.Description>
          {lists.isPending && <p className="mt-4 text-sm text-slate-400">Loading your lists…</p>}
          {lists.data && lists.data.items.length > 0 && (
            <ul className="mt-4 space-y-2" aria-label="Your watchlists">
              {lists.data.items.map((l) => (
                <li key={l.id}>
                  <button
                    type="button"
                    className={`${buttonClass.secondary} w-full justify-between`}
                    disabled={add.isPending}
                    onClick={() => void addTo(l.id, l.name)}
                  >
                    <span className="truncate">Add to {l.name}</span>
                    <span className="text-xs font-normal text-slate-400">{l.itemCount} titles</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
          <p role="status" className="mt-3 min-h-5 text-sm text-emerald-300">
            {message}
          </p>
          <div className="mt-4 border-t border-white/10 pt-4">
            <h3 className="mb-2 text-sm font-semibold">New watchlist</h3>
            <WatchlistForm
              idPrefix="new-list-dialog"
              compact
              submitLabel="Create and add"
              onSubmit={async (values) => {
                const list = await create.mutateAsync(values);
                await addTo(list.id, list.name);
              }}
            />
          </div>
          <Dialog.Close className={`${buttonClass.secondary} mt-6 w-full`}>Done</Dialog.Close>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
