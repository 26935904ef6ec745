import { useState } from 'react';
import type { WatchlistDetail } from '#shared/contracts/library';
import { errorText } from '../../hooks/use-library.ts';
import { useRemoveItem, useUpdateItem } from '../../hooks/use-watchlists.ts';
import { EmptyState } from '../ui/empty-state.tsx';
import { FormError } from './form-field.tsx';
import { WatchlistItemRow } from './watchlist-item-row.tsx';

/**
 * A list's titles in order. The owner reorders by dragging a row onto another, or with the
 * up/down buttons (keyboard users); each move is one PATCH with the new 1-based position.
 */
export function WatchlistItems({ list }: { list: WatchlistDetail }) {
  const update = useUpdateItem(list.id);
  const remove = useRemoveItem(list.id);
  const [dragging, setDragging] = useState<number | null>(null);
  const [over, setOver] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [announce, setAnnounce] = useState('');
  const items = list.items;
  if (items.length === 0) {
    return (
      <EmptyState title="Nothing on this list yet">
        {list.canEdit ? 'Add titles from any movie or show page.' : null}
      </EmptyState>
    );
  }

  const move = (itemId: string, title: string, position: number) => {
    setError(null);
    update.mutate(
      { itemId, body: { position } },
      {
        onSuccess: () => setAnnounce(`${title} moved to position ${position}.`),
        onError: (err) => setError(errorText(err)),
      },
    );
  };

  return (
    <div>
      <FormError message={error} />
      <p role="status" className="sr-only">
        {announce}
      </p>
      <ol className="mt-4 space-y-2" aria-label={`Titles on ${list.name}`}>
        {items.map((item, index) => {
          const title = item.media?.title ?? 'title';
          return (
            <WatchlistItemRow
              key={item.id}
              item={item}
              index={index}
              count={items.length}
              editable={list.canEdit}
              busy={update.isPending || remove.isPending}
              dragOver={over === index && dragging !== index}
              onMove={(to) => move(item.id, title, to)}
              onRemove={() => remove.mutate(item.id, { onError: (err) => setError(errorText(err)) })}
              onSaveNotes={(notes) =>
                update
                  .mutateAsync({ itemId: item.id, body: { notes } })
                  .catch((err: unknown) => setError(errorText(err)))
              }
              drag={{
                onDragStart: (e) => {
                  e.dataTransfer.effectAllowed = 'move';
                  e.dataTransfer.setData('text/plain', item.id);
                  setDragging(index);
                },
                onDragOver: (e) => {
                  e.preventDefault();
                  setOver(index);
                },
                onDrop: (e) => {
                  e.preventDefault();
                  const from = dragging;
                  setDragging(null);
                  setOver(null);
                  const moved = from === null ? undefined : items[from];
                  if (moved && from !== index) move(moved.id, moved.media?.title ?? 'title', index + 1);
                },
                onDragEnd: () => {
                  setDragging(null);
                  setOver(null);
                },
              }}
            />
          );
        })}
      </ol>
    </div>
  );
}
