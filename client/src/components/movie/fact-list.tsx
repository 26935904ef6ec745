import type { ReactNode } from 'react';

export interface Fact {
  label: string;
  value: ReactNode;
}

/** Label/value pairs under a title; empty values are left out. */
export function FactList({ facts }: { facts: Fact[] }) {
  const shown = facts.filter((f) => f.value !== null && f.value !== undefined && f.value !== '' && f.value !== false);
  if (shown.length === 0) return null;
  return (
    <dl className="grid grid-cols-2 gap-x-8 gap-y-4 text-sm sm:grid-cols-3 lg:grid-cols-4">
      {shown.map((f) => (
        <div key={f.label}>
          <dt className="text-xs font-semibold uppercase tracking-wider text-slate-400">{f.label}</dt>
          <dd className="mt-1 text-slate-100">{f.value}</dd>
        </div>
      ))}
    </dl>
  );
}
