import type { SeriesPoint } from '#shared/contracts/admin';

const W = 240;
const H = 48;

/** The polyline's points, scaled into the box: the highest value touches the top, zero the bottom. */
export function sparkPoints(values: number[], w = W, h = H): string {
  if (values.length === 0) return '';
  const max = Math.max(1, ...values);
  const step = values.length > 1 ? w / (values.length - 1) : 0;
  return values.map((v, i) => `${(i * step).toFixed(1)},${(h - 2 - (v / max) * (h - 4)).toFixed(1)}`).join(' ');
}

/**
 * A 24-hour series as a plain SVG sparkline (no chart library): a labelled figure whose text
 * alternative gives the total and the peak, so the chart is not the only way to read it.
 */
export function Sparkline({ label, points }: { label: string; points: SeriesPoint[] }) {
  const values = points.map((p) => p.value);
  const total = values.reduce((a, b) => a + b, 0);
  const peak = Math.max(0, ...values);
  const line = sparkPoints(values);
  const summary = `${label}: ${total} in the last 24 hours, peak ${peak} per 15 minutes`;
  return (
    <figure className="rounded-xl bg-white/5 p-4 ring-1 ring-white/10">
      <figcaption className="flex items-baseline justify-between text-sm">
        <span className="font-medium text-slate-200">{label}</span>
        <span className="text-lg font-semibold tabular-nums">{total}</span>
      </figcaption>
      <svg
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-label={summary}
        className="mt-2 h-12 w-full text-rose-400"
        preserveAspectRatio="none"
      >
        <polyline points={`0,${H} ${line} ${W},${H}`} fill="currentColor" fillOpacity="0.15" stroke="none" />
        <polyline points={line} fill="none" stroke="currentColor" strokeWidth="1.5" vectorEffect="non-scaling-stroke" />
      </svg>
      <p className="mt-1 text-xs text-slate-400">Last 24 hours · peak {peak} / 15 min</p>
    </figure>
  );
}
