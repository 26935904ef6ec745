import { parse } from 'regexparam';
import * as notFound from './pages/not-found.tsx';
import type { Params, RouteDef } from './route-types.ts';

/** A route whose page module (component, prefetch, head) loads on demand: one chunk per page. */
export interface LazyRoute {
  path: string;
  /** The page's source as the build manifest names it: the server hints its chunk to the browser. */
  module: string;
  load: () => Promise<PageModule>;
}
type PageModule = { route: Omit<RouteDef, 'path'> };

// Every page module, each its own chunk. The not-found and error pages are in the main bundle.
const pageModules = import.meta.glob<PageModule>([
  './pages/**/*.tsx',
  '!./pages/not-found.tsx',
  '!./pages/error-page.tsx',
]);

/** The route at `path` shows client/src/pages/<file>.tsx. */
function page(path: string, file: string): LazyRoute {
  const load = pageModules[`./pages/${file}.tsx`];
  if (!load) throw new Error(`routes: there is no page module pages/${file}.tsx`);
  return { path, module: `src/pages/${file}.tsx`, load };
}

/** The one route table: wouter renders it in the browser, entry-server matches and prefetches it. */
export const routes: LazyRoute[] = [
  // Accounts.
  page('/sign-in', 'sign-in'),
  page('/sign-up', 'sign-up'),
  page('/forgot-password', 'forgot-password'),
  page('/reset-password', 'reset-password'),
  page('/phone-sign-in', 'phone-sign-in'),
  page('/verify-email', 'verify-email'),
  page('/account', 'account'),
  page('/', 'home'),
  page('/movie/:id', 'movie-detail'),
  page('/movies', 'movies-browse'),
  page('/tv', 'tv-browse'),
  page('/tv/:id', 'tv-detail'),
  page('/tv/:id/season/:n', 'tv-season'),
  page('/person/:id', 'person'),
  page('/search', 'search'),
  // The library (favorites, watchlists, reviews, custom titles); /custom/new before /custom/:id.
  page('/watchlists', 'watchlists'),
  page('/watchlists/:id', 'watchlist'),
  page('/custom/new', 'custom-title-editor'),
  page('/custom/:id/edit', 'custom-title-editor'),
  page('/custom/:id', 'custom-title'),
  page('/u/:username', 'profile'),
  page('/me', 'me'),
  // Admin area: every page answers 401/403 (with a sign-in prompt or "admins only") to others.
  page('/admin', 'admin/overview'),
  page('/admin/users', 'admin/users'),
  page('/admin/moderation', 'admin/moderation'),
  page('/admin/moderation/titles', 'admin/custom-titles'),
  page('/admin/cache', 'admin/cache'),
  page('/admin/jobs', 'admin/jobs'),
  page('/admin/outbox', 'admin/outbox'),
  page('/admin/audit', 'admin/audit'),
];

export const notFoundRoute: RouteDef = { path: '*', ...notFound.route };

/** A promise that says when it has settled, in the fields React's `use` reads: a page whose module
 * has loaded renders at once (hydration included) instead of suspending for a microtask. */
type SettledPromise<T> = Promise<T> & { status?: 'fulfilled' | 'rejected'; value?: T; reason?: unknown };

const loading = new Map<LazyRoute, SettledPromise<RouteDef>>();

/**
 * Loads a route's page module once; the same promise for every caller (React's `use` needs that).
 * A module that failed to load (a network blip) is asked for again by the next caller.
 */
export function loadRoute(r: LazyRoute): Promise<RouteDef> {
  let p = loading.get(r);
  if (!p) {
    const promise: SettledPromise<RouteDef> = r.load().then(
      (mod) => {
        const def = { path: r.path, ...mod.route };
        Object.assign(promise, { status: 'fulfilled', value: def });
        return def;
      },
      (err: unknown) => {
        Object.assign(promise, { status: 'rejected', reason: err });
        loading.delete(r);
        throw err;
      },
    );
    p = promise;
    loading.set(r, p);
  }
  return p;
}

const compiled = routes.map((route) => ({ route, ...parse(route.path) }));

export function matchRoute(pathname: string): { route: LazyRoute | null; params: Params } {
  for (const { route, pattern, keys } of compiled) {
    const m = pattern.exec(pathname);
    if (!m) continue;
    const params: Params = {};
    keys.forEach((k, i) => {
      const v = m[i + 1];
      if (v !== undefined) params[k] = decodeURIComponent(v);
    });
    return { route, params };
  }
  return { route: null, params: {} };
}
