import type { RequestHandler } from 'express';
import { ForbiddenError, UnauthorizedError } from './errors.ts';

/** Who is asking: set by the authenticate middleware from a session cookie or a Bearer JWT. */
export interface Viewer {
  userId: string;
  isAdmin: boolean;
  via: 'session' | 'bearer';
}

declare module 'express-serve-static-core' {
  interface Request {
    viewer?: Viewer;
  }
}
declare module 'express-session' {
  interface SessionData {
    userId?: string;
    /** The user's token version when the session began; a ban or password reset bumps it. */
    tokenVersion?: number;
    /** Where to go after an OAuth round trip (relative paths only). */
    returnTo?: string;
    remember?: boolean;
  }
}

export const requireUser: RequestHandler = (req, _res, next) => {
  if (!req.viewer) throw new UnauthorizedError();
  next();
};

export const requireAdmin: RequestHandler = (req, _res, next) => {
  if (!req.viewer) throw new UnauthorizedError();
  if (!req.viewer.isAdmin) throw new ForbiddenError('Admins only');
  next();
};

/** For handlers behind requireUser: the viewer, typed as present. */
export function viewerOf(req: { viewer?: Viewer }): Viewer {
  if (!req.viewer) throw new UnauthorizedError();
  return req.viewer;
}
