export function RatingBadge({ value }: { value: number | null }) {
  if (value === null || value === 0) return null;
  return (
    <span className="inline-flex items-center gap-1 rounded bg-black/70 px-1.5 py-0.5 text-xs font-semibold text-amber-300">
      <span aria-hidden="true">★</span>
      <span>
        {value.toFixed(1)}
        <span className="sr-only"> out of 10</span>
      </span>
    </span>
  );
}
