import { parse } from 'regexparam';
import * as home from './pages/home.tsx';
import * as movieDetail from './pages/movie-detail.tsx';
import * as moviesBrowse from './pages/movies-browse.tsx';
import * as notFound from './pages/not-found.tsx';
import * as person from './pages/person.tsx';
import * as search from './pages/search.tsx';
import * as tvBrowse from './pages/tv-browse.tsx';
import * as tvDetail from './pages/tv-detail.tsx';
import * as tvSeason from './pages/tv-season.tsx';
import type { Params, RouteDef } from './route-types.ts';

/** The one route table: wouter renders it in the browser, entry-server matches and prefetches it. */
export const routes: RouteDef[] = [
  { path: '/', ...home.route },
  { path: '/movie/:id', ...movieDetail.route },
  { path: '/movies', ...moviesBrowse.route },
  { path: '/tv', ...tvBrowse.route },
  { path: '/tv/:id', ...tvDetail.route },
  { path: '/tv/:id/season/:n', ...tvSeason.route },
  { path: '/person/:id', ...person.route },
  { path: '/search', ...search.route },
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
