import { ForbiddenError, UnauthorizedError } from '../http/errors.ts';
import type { Viewer } from '../http/viewer.ts';

/**
 * Every admin service checks its caller itself, not only the route's requireAdmin: server
 * rendering calls these services in-process with the request's viewer, past no middleware.
 */
export function assertAdmin(viewer: Viewer | null | undefined): Viewer {
  if (!viewer) throw new UnauthorizedError();
  if (!viewer.isAdmin) throw new ForbiddenError('Admins only');
  return viewer;
}

export const iso = (d: Date) => d.toISOString();
export const isoOrNull = (d: Date | null) => (d ? d.toISOString() : null);
