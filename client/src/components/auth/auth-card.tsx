import type { ReactNode } from 'react';

/** The frame of the sign-in, sign-up and recovery pages: a narrow card with a heading. */
export function AuthCard({
  title,
  intro,
  children,
  footer,
}: {
  title: string;
  intro?: ReactNode;
  children: ReactNode;
  footer?: ReactNode;
}) {
  return (
    <main id="main" className="mx-auto w-full max-w-md px-4 py-12">
      <div className="rounded-2xl border border-white/10 bg-slate-900/60 p-6 shadow-xl sm:p-8">
        <h1 className="text-2xl font-bold tracking-tight">{title}</h1>
        {intro && <div className="mt-2 text-sm text-slate-400">{intro}</div>}
        <div className="mt-6">{children}</div>
      </div>
      {footer && <div className="mt-6 space-y-2 text-center text-sm text-slate-400">{footer}</div>}
    </main>
  );
}
