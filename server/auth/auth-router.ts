import { Router } from 'express';
import type { ApiDocs } from '../http/openapi.ts';
import type { Runtime } from '../runtime.ts';
import { createAuthDeps } from './auth-deps.ts';
import { createAuthLimits } from './auth-limits.ts';
import { accountRoutes } from './auth.routes.ts';
import { oauthRoutes } from './oauth.routes.ts';
import { otpRoutes } from './otp.routes.ts';
import { recoveryRoutes } from './recovery.routes.ts';
import { tokenRoutes } from './token.routes.ts';

/**
 * The accounts feature, built once per app: its dependencies (also what other features use,
 * e.g. an admin ban calls `revokeEverywhere(auth.deps, userId)`) and the /api/auth router.
 */
export function createAuthFeature(rt: Runtime, docs: ApiDocs) {
  const log = rt.log.child({ module: 'auth' });
  const deps = createAuthDeps({
    database: rt.database,
    notify: rt.notify,
    metrics: rt.metrics,
    log,
    config: rt.config,
    onRevoked: (userId) => void rt.events.publish({ type: 'SESSIONS_REVOKED', payload: {}, userId }),
  });
  const opts = {
    production: rt.config.production,
    limits: createAuthLimits(rt.database.db, deps, log),
    docs,
    oauth: rt.config.oauth,
    publicUrl: rt.config.publicUrl,
    metrics: rt.metrics,
  };
  const router = Router();
  router.use(accountRoutes(deps, opts));
  router.use(tokenRoutes(deps, opts));
  router.use(recoveryRoutes(deps, opts));
  router.use(otpRoutes(deps, opts));
  router.use(oauthRoutes(deps, opts));
  return { deps, router };
}
export type AuthFeature = ReturnType<typeof createAuthFeature>;
