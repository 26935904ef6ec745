/** Shown while a page's data loads after a client-side navigation. */
export function PageSkeleton() {
  return (
    <div role="status" aria-live="polite" className="mx-auto max-w-7xl animate-pulse px-4 py-6 motion-reduce:animate-none">
      <span className="sr-only">Loading…</span>
      <div className="h-8 w-64 rounded bg-white/10" />
      <div className="mt-8 flex gap-4 overflow-hidden">
        {Array.from({ length: 7 }, (_, i) => (
          <div key={i} className="aspect-[2/3] w-36 shrink-0 rounded-lg bg-white/10 sm:w-40" />
        ))}
      </div>
    </div>
  );
}
