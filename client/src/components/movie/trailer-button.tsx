import { lazy, Suspense, useRef, useState } from 'react';
import type { Video } from '#shared/contracts/catalog';
import { PlayIcon } from '../ui/icons.tsx';

const loadDialog = () => import('./trailer-dialog.tsx');
// The dialog (Radix, focus trap, scroll lock) is only needed once someone asks for a trailer.
const TrailerDialog = lazy(() => loadDialog().then((mod) => ({ default: mod.TrailerDialog })));

/** The official trailer first, then any trailer, then any teaser, then whatever there is. */
export function pickVideo(videos: Video[]): Video | undefined {
  const rank = (v: Video) => (v.type === 'Trailer' ? 0 : v.type === 'Teaser' ? 1 : 2);
  return [...videos].sort((a, b) => rank(a) - rank(b))[0];
}

/** "Play trailer", rendered on the server; the dialog's code loads on first hover, focus or click. */
export function TrailerButton({ videos, title }: { videos: Video[]; title: string }) {
  const [open, setOpen] = useState(false);
  const [used, setUsed] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const video = pickVideo(videos);
  if (!video) return null;
  return (
    <>
      <button
        ref={buttonRef}
        type="button"
        aria-haspopup="dialog"
        onPointerEnter={() => void loadDialog()}
        onFocus={() => void loadDialog()}
        onClick={() => {
          setUsed(true);
          setOpen(true);
        }}
        className="inline-flex items-center gap-2 rounded-full bg-rose-600 px-5 py-2.5 text-sm font-semibold text-white shadow-lg shadow-rose-950/40 transition hover:bg-rose-500"
      >
        <PlayIcon width={18} height={18} />
        Play trailer
      </button>
      {used && (
        <Suspense fallback={null}>
          <TrailerDialog open={open} onOpenChange={setOpen} video={video} title={title} returnFocusTo={buttonRef} />
        </Suspense>
      )}
    </>
  );
}
