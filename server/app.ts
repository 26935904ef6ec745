import compression from 'compression';
import express from 'express';
import type { RequestListener, Server } from 'node:http';
import { createAuthStateRepository } from './auth/auth-state.repository.ts';
import { authenticate } from './auth/authenticate.ts';
import { sessionCookieName } from './auth/session.ts';
import { createAuthFeature } from './auth/auth-router.ts';
import { findViewerUser } from './auth/auth.service.ts';
import { catalogRoutes } from './catalog/catalog.routes.ts';
import { publicConfig } from './config.ts';
import { apiNotFound, errorHandler } from './http/error-handler.ts';
import { createApiDocs } from './http/openapi.ts';
import { createResponseCache } from './http/response-cache.ts';
import { healthRoutes, requestLogging } from './http/observability.ts';
import { securityHeaders } from './http/security.ts';
import { cloudinaryDeliveryOrigin } from './images/cloudinary-store.ts';
import { imagesRoutes } from './images/images.routes.ts';
import { createAdminStore } from './admin/admin.repository.ts';
import type { AdminDeps } from './admin/admin-deps.ts';
import { adminRoutes } from './admin/admin.routes.ts';
import { registerCustomTitleImages } from './library/custom-title-images.ts';
import { searchCustom } from './library/custom-titles.service.ts';
import { createLibraryDeps } from './library/library.deps.ts';
import { libraryRoutes } from './library/library.routes.ts';
import type { Runtime } from './runtime.ts';
import { createSsrApi } from './ssr/ssr-api.ts';
import { createSsr, newNonce } from './ssr/ssr.ts';
import { seoRoutes } from './ssr/sitemap.ts';

export const JSON_BODY_LIMIT = '1mb';

/** The app's request listener; close() stops what it runs beside requests (Vite's dev server). */
export type App = RequestListener & { close(): Promise<void> };

/**
 * Builds the app from a runtime (the same function serves production, dev and tests) as the HTTP
 * request listener: the catalog micro-cache first, then Express with every middleware, route and
 * the SSR catch-all.
 */
export async function buildApp(rt: Runtime, opts: { httpServer?: Server } = {}): Promise<App> {
  const app = express();
  app.disable('x-powered-by');
  // nginx sits in front in production: trust its X-Forwarded-* (one hop) for client IPs and https.
  app.set('trust proxy', 'loopback');
  app.set('query parser', 'simple');

  // Anonymous reads of the public catalog API and of pages are replayed from a few-seconds
  // micro-cache ahead of Express itself (see http/response-cache.ts); the rest takes the full path.
  const publicAnswers = createResponseCache({
    ttlMs: 10_000,
    maxBytes: 32 * 1024 * 1024,
    sessionCookie: sessionCookieName(rt.config.production),
    newNonce,
    log: rt.log,
    metrics: rt.metrics,
  });
  app.use(requestLogging(rt.log, rt.metrics));
  // With Cloudinary the image route redirects to its CDN, so pages may load images from there.
  const imgOrigins = rt.config.images.kind === 'cloudinary' ? [cloudinaryDeliveryOrigin(rt.config.images.url)] : [];
  app.use(securityHeaders({ production: rt.config.production, extraImgSrc: imgOrigins }));
  app.use(compression());
  healthRoutes(app, { database: rt.database, metrics: rt.metrics });
  app.use('/img', imagesRoutes(rt.images, rt.customImages));

  // express-session makes (and signs, and hashes) a session for every request without a cookie,
  // only to drop it unsaved: anonymous reads skip it. Sign-in, sign-up and OAuth start sessions,
  // so everything under /api/auth always gets one.
  const sessionCookie = `${sessionCookieName(rt.config.production)}=`;
  app.use((req, res, next) => {
    // Express matches routes case-insensitively, so /API/AUTH/… reaches the auth routes too.
    if (req.headers.cookie?.includes(sessionCookie) || req.path.toLowerCase().startsWith('/api/auth')) {
      rt.sessions.middleware(req, res, next);
      return;
    }
    next();
  });
  app.use(authenticate({ authState: createAuthStateRepository(rt.database.db), jwtSecret: rt.config.secrets.jwt }));

  app.use('/api', express.json({ limit: JSON_BODY_LIMIT }));
  app.use('/api', (_req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  const docs = createApiDocs();
  app.get('/api/docs', (_req, res) => {
    res.json(docs.document());
  });
  const auth = createAuthFeature(rt, docs);
  app.use('/api/auth', auth.router);
  const library = createLibraryDeps(rt.database, rt.catalog);
  // Custom titles' images are fetched (safely) and stored by a background job, never in a request.
  await registerCustomTitleImages(rt.jobs, rt.customImages, library, rt.log.child({ module: 'jobs' }), {
    retryDelayS: rt.customImageRetryDelayS,
  });
  // Custom titles are searchable alongside the catalog (/api/search, and the SSR Api's search).
  const catalogDeps = { ...rt.catalog, searchCustom: searchCustom.bind(null, library) };
  app.use('/api', catalogRoutes(catalogDeps, docs, { responseCache: publicAnswers }));
  app.use('/api', libraryRoutes(library, docs));
  const admin: AdminDeps = {
    store: createAdminStore(rt.database.db),
    catalog: rt.catalog,
    catalogAdmin: rt.catalogAdmin,
    jobs: rt.jobs,
    events: rt.events,
    sampler: rt.sampler,
    log: rt.log.child({ module: 'admin' }),
    customTitleChanged: library.customTitleChanged,
  };
  app.use('/api/admin', adminRoutes(admin, docs));
  app.use('/api', apiNotFound);
  // Before the SSR setup, whose static files (and dev server) would otherwise answer these paths.
  app.use(seoRoutes(catalogDeps, { origin: rt.config.publicUrl, log: rt.log }));

  const ssr = await createSsr(app, {
    mode: rt.config.viteDev ? 'development' : 'production',
    root: rt.root,
    log: rt.log,
    metrics: rt.metrics,
    httpServer: opts.httpServer,
    htmlCacheTtlMs: 60_000,
    // In development a page must show the code as it is now, not as it was 10 s ago.
    responseCache: rt.config.viteDev ? undefined : publicAnswers,
  });
  // A rendered page shows catalog data: when data it may show changes, rendered pages go too.
  // A key fetched for the first time is in no rendered page yet, so it clears nothing.
  rt.catalog.cache.onUpdate((u) => {
    if (u.reason === 'new') return;
    ssr.clearHtmlCache();
    publicAnswers.clear();
  });
  // Reviews, public lists and custom titles show on anonymous pages (custom titles in search
  // answers too): a change drops them here at once, and on the other instances by the event.
  const dropAnonymous = () => {
    ssr.clearHtmlCache();
    publicAnswers.clear();
  };
  library.onPublicChange(() => {
    dropAnonymous();
    void rt.events.publish({ type: 'PUBLIC_CHANGED', payload: {} });
  });
  // A title changed on any instance (refreshed from TMDB, a review moderated), or a library
  // change anonymous visitors see: drop rendered pages here too.
  rt.events.subscribe((e) => {
    if ((e.type === 'CACHE_UPDATE' && e.payload.status !== 'cached') || e.type === 'PUBLIC_CHANGED') dropAnonymous();
    // An admin purged cache entries on another instance: this one's memory copies go too (which
    // drops its rendered pages and answers through the cache's own update).
    if (e.type === 'CACHE_PURGED') rt.catalog.cache.purgeMemory(e.payload);
  });
  const pc = publicConfig(rt.config);
  app.get('/{*splat}', async (req, res) => {
    // Only anonymous HTML may be cached: a signed-in page shows its viewer.
    // The header shows who is signed in from the first byte: the user's summary rides in the render.
    const viewer = await findViewerUser(auth.deps, req.viewer ?? null);
    const ctx = {
      api: createSsrApi(catalogDeps, req.viewer ?? null, library, admin, viewer),
      publicConfig: pc,
      viewer,
      origin: rt.config.publicUrl,
    };
    await ssr.renderPage(req, res, ctx, !req.viewer);
  });

  app.use(errorHandler(rt.log));
  const listener: RequestListener = (req, res) => {
    if (!publicAnswers.tryServe(req, res)) app(req, res);
  };
  return Object.assign(listener, { close: () => ssr.close() });
}
