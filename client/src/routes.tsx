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
import * as customTitle from './pages/custom-title.tsx';
import * as customTitleEditor from './pages/custom-title-editor.tsx';
import * as me from './pages/me.tsx';
import * as profile from './pages/profile.tsx';
import * as watchlist from './pages/watchlist.tsx';
import * as watchlists from './pages/watchlists.tsx';
import * as adminAudit from './pages/admin/audit.tsx';
import * as adminCache from './pages/admin/cache.tsx';
import * as adminCustomTitles from './pages/admin/custom-titles.tsx';
import * as adminJobs from './pages/admin/jobs.tsx';
import * as adminModeration from './pages/admin/moderation.tsx';
import * as adminOutbox from './pages/admin/outbox.tsx';
import * as adminOverview from './pages/admin/overview.tsx';
import * as adminUsers from './pages/admin/users.tsx';
import * as account from './pages/account.tsx';
import * as forgotPassword from './pages/forgot-password.tsx';
import * as phoneSignIn from './pages/phone-sign-in.tsx';
import * as resetPassword from './pages/reset-password.tsx';
import * as signIn from './pages/sign-in.tsx';
import * as signUp from './pages/sign-up.tsx';
import * as verifyEmail from './pages/verify-email.tsx';
import type { Params, RouteDef } from './route-types.ts';

/** The one route table: wouter renders it in the browser, entry-server matches and prefetches it. */
export const routes: RouteDef[] = [
  // Accounts.
  { path: '/sign-in', ...signIn.route },
  { path: '/sign-up', ...signUp.route },
  { path: '/forgot-password', ...forgotPassword.route },
  { path: '/reset-password', ...resetPassword.route },
  { path: '/phone-sign-in', ...phoneSignIn.route },
  { path: '/verify-email', ...verifyEmail.route },
  { path: '/account', ...account.route },
  { path: '/', ...home.route },
  { path: '/movie/:id', ...movieDetail.route },
  { path: '/movies', ...moviesBrowse.route },
  { path: '/tv', ...tvBrowse.route },
  { path: '/tv/:id', ...tvDetail.route },
  { path: '/tv/:id/season/:n', ...tvSeason.route },
  { path: '/person/:id', ...person.route },
  { path: '/search', ...search.route },
  // The library (favorites, watchlists, reviews, custom titles); /custom/new before /custom/:id.
  { path: '/watchlists', ...watchlists.route },
  { path: '/watchlists/:id', ...watchlist.route },
  { path: '/custom/new', ...customTitleEditor.route },
  { path: '/custom/:id/edit', ...customTitleEditor.route },
  { path: '/custom/:id', ...customTitle.route },
  { path: '/u/:username', ...profile.route },
  { path: '/me', ...me.route },
  // Admin area: every page answers 401/403 (with a sign-in prompt or "admins only") to others.
  { path: '/admin', ...adminOverview.route },
  { path: '/admin/users', ...adminUsers.route },
  { path: '/admin/moderation', ...adminModeration.route },
  { path: '/admin/moderation/titles', ...adminCustomTitles.route },
  { path: '/admin/cache', ...adminCache.route },
  { path: '/admin/jobs', ...adminJobs.route },
  { path: '/admin/outbox', ...adminOutbox.route },
  { path: '/admin/audit', ...adminAudit.route },
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
