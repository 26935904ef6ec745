import { formatCount } from '../../lib/format.ts';

/** The big rating beside a title: stars out of ten and how many votes. */
export function Score({ value, votes }: { value: number | null; votes: number | null }) {
  if (!value) return <p className="text-sm text-slate-400">Not rated yet</p>;
  return (
    <p className="flex items-baseline gap-2">
      <span aria-hidden="true" className="text-2xl text-amber-300">
        ★
      </span>
      <span className="text-2xl font-bold text-white">{value.toFixed(1)}</span>
      <span className="text-sm text-slate-400">
        <span className="sr-only">out of </span>/ 10{votes ? ` · ${formatCount(votes)} votes` : ''}
      </span>
    </p>
  );
}
