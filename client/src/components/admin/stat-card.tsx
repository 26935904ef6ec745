import type { ReactNode } from 'react';

/** One number on the overview, with what it means underneath. */
export function StatCard({ label, value, children }: { label: string; value: ReactNode; children?: ReactNode }) {
  return (
    <div className="rounded-xl bg-white/5 p-4 ring-1 ring-white/10">
      <dt className="text-sm text-slate-400">{label}</dt>
      <dd className="mt-1 text-2xl font-semibold tabular-nums">{value}</dd>
      {children && <dd className="mt-1 text-xs text-slate-400">{children}</dd>}
    </div>
  );
}
