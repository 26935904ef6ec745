import type { RequestHandler } from 'express';
import { ForbiddenError, UnauthorizedError } from '../http/errors.ts';
import type { AuthStateRepository } from './auth-state.repository.ts';
import { verifyAccessToken } from './access-tokens.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
export const CSRF_HEADER = 'x-requested-with';
export const CSRF_VALUE = 'cinehub';

/**
 * Sets req.viewer from a Bearer access JWT or the session cookie. A bad, expired or tampered
 * token is a 401, never a fallback to anonymous. A banned user, or a token/session issued before a
 * ban or password reset (token version), is not signed in. Cookie-authenticated writes must carry
 * the CSRF header.
 */
export function authenticate(deps: { authState: AuthStateRepository; jwtSecret: string }): RequestHandler {
  return async (req, _res, next) => {
    const header = req.headers.authorization;
    if (header !== undefined) {
      const m = /^Bearer\s+(\S+)$/i.exec(header);
      const claims = m?.[1] ? verifyAccessToken(deps.jwtSecret, m[1]) : null;
      if (!claims || !UUID.test(claims.sub)) throw new UnauthorizedError('Invalid or expired access token');
      const state = await deps.authState.find(claims.sub);
      if (!state || state.isBanned || state.tokenVersion !== claims.ver) {
        throw new UnauthorizedError('Invalid or expired access token');
      }
      req.viewer = { userId: claims.sub, isAdmin: state.isAdmin, via: 'bearer' };
      return next();
    }
    const userId = req.session?.userId;
    if (userId) {
      const state = await deps.authState.find(userId);
      if (!state || state.isBanned || state.tokenVersion !== req.session.tokenVersion) {
        // The session outlived its user's right to it: end it, leaving a fresh empty one (a
        // sign-in later in this request needs a session to regenerate).
        await new Promise<void>((resolve) => req.session.regenerate(() => resolve()));
      } else {
        req.viewer = { userId, isAdmin: state.isAdmin, via: 'session' };
        if (STATE_CHANGING.has(req.method) && req.headers[CSRF_HEADER] !== CSRF_VALUE) {
          throw new ForbiddenError(`Cookie-authenticated writes need the header X-Requested-With: ${CSRF_VALUE}`);
        }
      }
    }
    next();
  };
}
