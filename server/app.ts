import compression from 'compression';
import express, { type Express } from 'express';
import type { Server } from 'node:http';
import { createAuthStateRepository } from './auth/auth-state.repository.ts';
import { authenticate } from './auth/authenticate.ts';
import { catalogRoutes } from './catalog/catalog.routes.ts';
import { publicConfig } from './config.ts';
import { apiNotFound, errorHandler } from './http/error-handler.ts';
import { createApiDocs } from './http/openapi.ts';
import { healthRoutes, requestLogging } from './http/observability.ts';
import { securityHeaders } from './http/security.ts';
import { imagesRoutes } from './images/images.routes.ts';
import type { Runtime } from './runtime.ts';
import { createSsrApi } from './ssr/ssr-api.ts';
import { createSsr } from './ssr/ssr.ts';

export const JSON_BODY_LIMIT = '1mb';

/** Builds the Express app from a runtime: the same function serves production, dev and tests. */
export async function buildApp(rt: Runtime, opts: { httpServer?: Server } = {}): Promise<Express> {
  const app = express();
  app.disable('x-powered-by');
  // nginx sits in front in production: trust its X-Forwarded-* (one hop) for client IPs and https.
  app.set('trust proxy', 'loopback');
  app.set('query parser', 'simple');

  app.use(requestLogging(rt.log, rt.metrics));
  app.use(securityHeaders({ production: rt.config.production, extraImgSrc: [] }));
  app.use(compression());
  healthRoutes(app, { database: rt.database, metrics: rt.metrics });
  app.use('/img', imagesRoutes(rt.images));

  app.use(rt.sessions.middleware);
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
  const catalogDeps = rt.catalog;
  app.use('/api', catalogRoutes(catalogDeps, docs));
  app.use('/api', apiNotFound);

  const ssr = await createSsr(app, {
    mode: rt.config.viteDev ? 'development' : 'production',
    root: rt.root,
    log: rt.log,
    metrics: rt.metrics,
    httpServer: opts.httpServer,
    htmlCacheTtlMs: 60_000,
  });
  // A rendered page shows catalog data: when that data changes, rendered pages go too.
  rt.catalog.cache.onUpdate(() => ssr.clearHtmlCache());
  const pc = publicConfig(rt.config);
  app.get('/{*splat}', async (req, res) => {
    // Only anonymous HTML may be cached: a signed-in page shows its viewer.
    const ctx = { api: createSsrApi(catalogDeps, req.viewer ?? null), publicConfig: pc, viewer: req.viewer ?? null, origin: rt.config.publicUrl };
    await ssr.renderPage(req, res, ctx, !req.viewer);
  });

  app.use(errorHandler(rt.log));
  return app;
}
