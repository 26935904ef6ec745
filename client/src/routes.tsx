import { parse } from 'regexparam';
import * as notFound from './pages/not-found.tsx';
import type { Params, RouteDef } from './route-types.ts';

/** A route whose page module (component, prefetch, head) loads on demand: one chunk per page. */
export interface LazyRoute {
  path: string;
  load: () => Promise<{ route: Omit<RouteDef, 'path'> }>;
}

/** The one route table: wouter renders it in the browser, entry-server matches and prefetches it. */
export const routes: LazyRoute[] = [
  // Accounts.
  { path: '/sign-in', load: () => import('./pages/sign-in.tsx') },
  { path: '/sign-up', load: () => import('./pages/sign-up.tsx') },
  { path: '/forgot-password', load: () => import('./pages/forgot-password.tsx') },
  { path: '/reset-password', load: () => import('./pages/reset-password.tsx') },
  { path: '/phone-sign-in', load: () => import('./pages/phone-sign-in.tsx') },
  { path: '/verify-email', load: () => import('./pages/verify-email.tsx') },
  { path: '/account', load: () => import('./pages/account.tsx') },
  { path: '/', load: () => import('./pages/home.tsx') },
  { path: '/movie/:id', load: () => import('./pages/movie-detail.tsx') },
  { path: '/movies', load: () => import('./pages/movies-browse.tsx') },
  { path: '/tv', load: () => import('./pages/tv-browse.tsx') },
  { path: '/tv/:id', load: () => import('./pages/tv-detail.tsx') },
  { path: '/tv/:id/season/:n', load: () => import('./pages/tv-season.tsx') },
  { path: '/person/:id', load: () => import('./pages/person.tsx') },
  { path: '/search', load: () => import('./pages/search.tsx') },
  // The library (favorites, watchlists, reviews, custom titles); /custom/new before /custom/:id.
  { path: '/watchlists', load: () => import('./pages/watchlists.tsx') },
  { path: '/watchlists/:id', load: () => import('./pages/watchlist.tsx') },
  { path: '/custom/new', load: () => import('./pages/custom-title-editor.tsx') },
  { path: '/custom/:id/edit', load: () => import('./pages/custom-title-editor.tsx') },
  { path: '/custom/:id', load: () => import('./pages/custom-title.tsx') },
  { path: '/u/:username', load: () => import('./pages/profile.tsx') },
  { path: '/me', load: () => import('./pages/me.tsx') },
  // Admin area: every page answers 401/403 (with a sign-in prompt or "admins only") to others.
  { path: '/admin', load: () => import('./pages/admin/overview.tsx') },
  { path: '/admin/users', load: () => import('./pages/admin/users.tsx') },
  { path: '/admin/moderation', load: () => import('./pages/admin/moderation.tsx') },
  { path: '/admin/moderation/titles', load: () => import('./pages/admin/custom-titles.tsx') },
  { path: '/admin/cache', load: () => import('./pages/admin/cache.tsx') },
  { path: '/admin/jobs', load: () => import('./pages/admin/jobs.tsx') },
  { path: '/admin/outbox', load: () => import('./pages/admin/outbox.tsx') },
  { path: '/admin/audit', load: () => import('./pages/admin/audit.tsx') },
];

export const notFoundRoute: RouteDef = { path: '*', ...notFound.route };

const loaded = new Map<LazyRoute, RouteDef>();
const loading = new Map<LazyRoute, Promise<RouteDef>>();

/** The route's definition once its module has loaded (synchronously available after loadRoute). */
export const loadedRoute = (r: LazyRoute): RouteDef | undefined => loaded.get(r);

/** Loads a route's page module once; the same promise for every caller (React's `use` needs that). */
export function loadRoute(r: LazyRoute): Promise<RouteDef> {
  let p = loading.get(r);
  if (!p) {
    p = r.load().then((mod) => {
      const def = { path: r.path, ...mod.route };
      loaded.set(r, def);
      return def;
    });
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
