import { parse } from 'regexparam';
import * as home from './pages/home.tsx';
import * as movieDetail from './pages/movie-detail.tsx';
import * as notFound from './pages/not-found.tsx';
import type { Params, RouteDef } from './route-types.ts';

/** The one route table: wouter renders it in the browser, entry-server matches and prefetches it. */
export const routes: RouteDef[] = [
  { path: '/', ...home.route },
  { path: '/movie/:id', ...movieDetail.route },
];

export const notFoundRoute: RouteDef = { path: '*', ...notFound.route };

const compiled = routes.map((route) => ({ route, ...parse(route.path) }));

export function matchRoute(pathname: string): { route: RouteDef; params: Params } {
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
  return { route: notFoundRoute, params: {} };
}
