import * as Dialog from '@radix-ui/react-dialog';
import { setNonce } from 'get-nonce';
import type { RefObject } from 'react';
import type { Video } from '#shared/contracts/catalog';
import { pageNonce } from '../../lib/page-nonce.ts';
import { CloseIcon } from '../ui/icons.tsx';

// Radix's scroll lock adds a <style> element; our CSP only lets in styles that carry the page's
// nonce, and react-style-singleton asks get-nonce for it.
const nonce = pageNonce();
if (nonce) setNonce(nonce);

interface Props {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  video: Video;
  title: string;
  /** The button that opened the dialog (it is not a Radix Trigger, so Radix cannot find it). */
  returnFocusTo: RefObject<HTMLButtonElement | null>;
}

/** The trailer in a modal dialog: focus trapped, Escape or the close button closes, focus goes back. */
export function TrailerDialog({ open, onOpenChange, video, title, returnFocusTo }: Props) {
  return (
    <Dialog.Root open={open} onOpenChange={onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-50 bg-black/80 backdrop-blur-sm data-[state=open]:animate-fade-in motion-reduce:animate-none" />
        <Dialog.Content
          aria-describedby={undefined}
          onCloseAutoFocus={(e) => {
            e.preventDefault();
            returnFocusTo.current?.focus();
          }}
          className="fixed left-1/2 top-1/2 z-50 w-[min(94vw,64rem)] -translate-x-1/2 -translate-y-1/2 rounded-2xl bg-slate-900 p-3 shadow-2xl ring-1 ring-white/10 data-[state=open]:animate-fade-in motion-reduce:animate-none sm:p-4"
        >
          <div className="mb-3 flex items-center justify-between gap-4 px-1">
            <Dialog.Title className="truncate text-base font-semibold sm:text-lg">
              {title}: {video.name}
            </Dialog.Title>
            <Dialog.Close
              aria-label="Close trailer"
              className="inline-flex h-9 w-9 shrink-0 items-center justify-center rounded-full bg-white/10 hover:bg-white/20"
            >
              <CloseIcon />
            </Dialog.Close>
          </div>
          <div className="aspect-video overflow-hidden rounded-lg bg-black">
            <iframe
              src={`https://www.youtube-nocookie.com/embed/${encodeURIComponent(video.key)}?autoplay=1&rel=0`}
              title={`${video.name} (YouTube video player)`}
              allow="autoplay; encrypted-media; picture-in-picture; fullscreen"
              allowFullScreen
              referrerPolicy="strict-origin-when-cross-origin"
              className="h-full w-full"
            />
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
