const pulse = 'animate-pulse motion-reduce:animate-none';

/** A row of poster placeholders, the shape of MediaRow. */
export function RowSkeleton({ titleWidth = 'w-48' }: { titleWidth?: string }) {
  return (
    <div className={`mt-10 px-4 sm:px-6 ${pulse}`} aria-hidden="true">
      <div className={`h-7 rounded bg-white/10 ${titleWidth}`} />
      <div className="mt-4 flex gap-4 overflow-hidden">
        {Array.from({ length: 8 }, (_, i) => (
          <div key={i} className="aspect-[2/3] w-36 shrink-0 rounded-lg bg-white/10 sm:w-40" />
        ))}
      </div>
    </div>
  );
}

/** A grid of poster placeholders, the shape of MediaGrid. */
export function GridSkeleton({ count = 12 }: { count?: number }) {
  return (
    <div role="status" className={pulse}>
      <span className="sr-only">Loading results…</span>
      <div
        className="grid grid-cols-[repeat(auto-fill,minmax(9rem,1fr))] gap-x-4 gap-y-8 sm:grid-cols-[repeat(auto-fill,minmax(10rem,1fr))]"
        aria-hidden="true"
      >
        {Array.from({ length: count }, (_, i) => (
          <div key={i}>
            <div className="aspect-[2/3] rounded-lg bg-white/10" />
            <div className="mt-2 h-4 w-3/4 rounded bg-white/10" />
          </div>
        ))}
      </div>
    </div>
  );
}
