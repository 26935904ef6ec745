import { useState, type DragEvent } from 'react';
import { Link } from 'wouter';
import type { WatchlistItemView } from '#shared/contracts/library';
import { cn } from '../../lib/cn.ts';
import { imageAt } from '../../lib/image.ts';
import { hrefFor } from '../movie/media-card.tsx';
import { buttonClass } from './form-field.tsx';
import { ArrowDownIcon, ArrowUpIcon, GripIcon } from './library-icons.tsx';

export interface ItemRowProps {
  item: WatchlistItemView;
  index: number;
  count: number;
  editable: boolean;
  busy: boolean;
  dragOver: boolean;
  onMove: (to: number) => void;
  onRemove: () => void;
  onSaveNotes: (notes: string | null) => Promise<unknown>;
  drag: {
    onDragStart: (e: DragEvent) => void;
    onDragOver: (e: DragEvent) => void;
    onDrop: (e: DragEvent) => void;
    onDragEnd: () => void;
  };
}

/** One title on a list: poster, title, notes; for the owner also move (drag or buttons), edit notes, remove. */
export function WatchlistItemRow({
  item,
  index,
  count,
  editable,
  busy,
  dragOver,
  onMove,
  onRemove,
  onSaveNotes,
  drag,
}: ItemRowProps) {
  const title = item.media?.title ?? 'A title that is no longer available';
  const [editing, setEditing] = useState(false);
  const [notes, setNotes] = useState(item.notes ?? '');
  const notesId = `notes-${item.id}`;
  return (
    <li
      data-testid="watchlist-item"
      draggable={editable}
      {...(editable ? drag : {})}
      className={cn('flex gap-3 rounded-xl bg-white/5 p-3 ring-1 ring-white/10', dragOver && 'ring-2 ring-rose-400')}
    >
      {editable && (
        <span className="flex cursor-grab items-center text-slate-500" aria-hidden="true">
          <GripIcon />
        </span>
      )}
      <span className="w-6 shrink-0 pt-1 text-right text-sm tabular-nums text-slate-400">{item.position}</span>
      {item.media?.posterUrl ? (
        <img
          src={imageAt(item.media.posterUrl, 'w92')}
          alt=""
          width={46}
          height={69}
          className="h-[69px] w-[46px] shrink-0 rounded object-cover"
        />
      ) : (
        <span className="h-[69px] w-[46px] shrink-0 rounded bg-slate-800" aria-hidden="true" />
      )}
      <div className="min-w-0 flex-1">
        {item.media ? (
          <Link href={hrefFor(item.media)} className="font-medium text-white hover:underline">
            {title}
          </Link>
        ) : (
          <span className="font-medium text-slate-400">{title}</span>
        )}
        {item.media?.year != null && <span className="ml-2 text-sm text-slate-400">{item.media.year}</span>}
        {editing ? (
          <form
            className="mt-2 space-y-2"
            onSubmit={(e) => {
              e.preventDefault();
              void onSaveNotes(notes.trim() ? notes : null).then(() => setEditing(false));
            }}
          >
            <label htmlFor={notesId} className="sr-only">
              Notes for {title}
            </label>
            <textarea
              id={notesId}
              value={notes}
              maxLength={2000}
              onChange={(e) => setNotes(e.target.value)}
              className="block w-full rounded-lg border border-white/15 bg-slate-900 p-2 text-sm"
            />
            <button type="submit" className={buttonClass.secondary} disabled={busy}>
              Save notes
            </button>
          </form>
        ) : (
          item.notes && <p className="mt-1 whitespace-pre-line text-sm text-slate-300">{item.notes}</p>
        )}
      </div>
      {editable && (
        <div className="flex shrink-0 flex-col items-end gap-1 sm:flex-row sm:items-start">
          {/* aria-disabled, not disabled: a disabled button drops keyboard focus mid-reorder. */}
          <button
            type="button"
            className={buttonClass.icon}
            aria-label={`Move ${title} up`}
            aria-disabled={index === 0}
            onClick={() => index > 0 && onMove(index)}
          >
            <ArrowUpIcon />
          </button>
          <button
            type="button"
            className={buttonClass.icon}
            aria-label={`Move ${title} down`}
            aria-disabled={index === count - 1}
            onClick={() => index < count - 1 && onMove(index + 2)}
          >
            <ArrowDownIcon />
          </button>
          <button
            type="button"
            className="rounded-md px-2 py-1 text-xs text-slate-300 hover:bg-white/10"
            onClick={() => setEditing((v) => !v)}
          >
            {editing ? 'Cancel' : 'Notes'}
          </button>
          <button
            type="button"
            className="rounded-md px-2 py-1 text-xs text-rose-300 hover:bg-rose-500/10"
            aria-label={`Remove ${title}`}
            disabled={busy}
            onClick={onRemove}
          >
            Remove
          </button>
        </div>
      )}
    </li>
  );
}
