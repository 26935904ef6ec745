import { Link } from 'wouter';
import type { RouteDef } from '../route-types.ts';

export function NotFoundPage() {
  return (
    <main id="main" className="mx-auto max-w-3xl px-4 py-24 text-center">
      <p className="text-sm font-semibold uppercase tracking-widest text-rose-400">404</p>
      <h1 className="mt-2 text-3xl font-bold">We could not find that page</h1>
      <p className="mt-4 text-slate-400">The title may have been removed, or the link is mistyped.</p>
      <Link href="/" className="mt-8 inline-block rounded-md bg-rose-600 px-4 py-2 font-medium hover:bg-rose-500">
        Back to the home page
      </Link>
    </main>
  );
}

export const route: Omit<RouteDef, 'path'> = {
  page: NotFoundPage,
  head: () => ({ title: 'Page not found' }),
};
