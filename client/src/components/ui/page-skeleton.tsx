import { RowSkeleton } from './skeletons.tsx';

/** Shown while a page's data loads after a client-side navigation: a hero band, then rows. */
export function PageSkeleton() {
  return (
    <div role="status" aria-live="polite" className="mx-auto max-w-7xl pb-8">
      <span className="sr-only">Loading…</span>
      <div aria-hidden="true" className="animate-pulse px-4 pt-8 motion-reduce:animate-none sm:px-6">
        <div className="flex gap-6">
          <div className="hidden aspect-[2/3] w-48 shrink-0 rounded-xl bg-white/10 sm:block" />
          <div className="flex-1 space-y-4 pt-4">
            <div className="h-9 w-2/3 max-w-md rounded bg-white/10" />
            <div className="h-4 w-1/3 max-w-xs rounded bg-white/10" />
            <div className="h-4 w-1/2 max-w-sm rounded bg-white/10" />
          </div>
        </div>
      </div>
      <RowSkeleton />
    </div>
  );
}
