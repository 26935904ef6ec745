import { Suspense, type ReactNode } from 'react';
import { useLocation, useSearch } from 'wouter';
import { useAdminAccess } from '../../hooks/use-admin.ts';
import { PageSkeleton } from '../ui/page-skeleton.tsx';
import { AdminForbidden, AdminSignIn } from './admin-gate.tsx';
import { AdminNav } from './admin-nav.tsx';

/**
 * Every admin page: the gate first (sign-in prompt, or "admins only"), then the section nav and
 * the page. The page's own data hooks live in `children`, so nothing is fetched for a visitor who
 * may not see it.
 */
export function AdminShell({ title, children }: { title: string; children: ReactNode }) {
  const access = useAdminAccess();
  const [location] = useLocation();
  const search = useSearch();
  if (access.state === 'anonymous') return <AdminSignIn returnTo={search ? `${location}?${search}` : location} />;
  if (access.state === 'forbidden') return <AdminForbidden />;
  return (
    <main id="main" className="mx-auto max-w-7xl px-4 py-6">
      <p className="text-xs font-semibold uppercase tracking-widest text-rose-400">Admin</p>
      <h1 className="mb-4 text-3xl font-bold tracking-tight">{title}</h1>
      <AdminNav />
      <div className="mt-6">
        <Suspense fallback={<PageSkeleton />}>{children}</Suspense>
      </div>
    </main>
  );
}
