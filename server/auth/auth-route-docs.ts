import type { ApiDocs, RouteDoc } from '../http/openapi.ts';
import type { AuthLimits } from './auth-limits.ts';

export interface AuthRouteOptions {
  production: boolean;
  limits: AuthLimits;
  docs: ApiDocs;
}

/** Registers an /api/auth route in the OpenAPI document. */
export const authDoc =
  (docs: ApiDocs) =>
  (doc: Omit<RouteDoc, 'tag'>): void =>
    docs.add({ ...doc, path: `/api/auth${doc.path}`, tag: 'auth' });
