import { Router } from 'express';
import { Credentials, RefreshBody, TokenPair } from '#shared/contracts/auth';
import { send } from '../http/send.ts';
import { validate } from '../http/validate.ts';
import type { AuthDeps } from './auth-deps.ts';
import { authDoc, type AuthRouteOptions } from './auth-route-docs.ts';
import { checkCredentials } from './auth.service.ts';
import { issueTokens, refreshTokens, revokeRefreshToken } from './tokens.service.ts';

/** Tokens for API clients: a 15-minute access JWT and a rotating 7-day refresh token. */
export function tokenRoutes(deps: AuthDeps, o: AuthRouteOptions): Router {
  const router = Router();
  const doc = authDoc(o.docs);
  const userAgent = (ua: string | undefined) => ua ?? null;

  doc({
    method: 'post',
    path: '/token',
    guard: 'public',
    body: Credentials,
    responses: { 200: TokenPair },
    summary:
      'Access JWT (Bearer, 15 minutes) and refresh token for API clients. Same credentials rules, messages and brute-force limits as /signin.',
  });
  router.post('/token', ...o.limits.credentials, async (req, res) => {
    const user = await checkCredentials(deps, validate(Credentials, req.body));
    send(res, 200, TokenPair, await issueTokens(deps, user, userAgent(req.headers['user-agent'])));
  });

  doc({
    method: 'post',
    path: '/token/refresh',
    guard: 'public',
    body: RefreshBody,
    responses: { 200: TokenPair },
    summary:
      'Trade a refresh token for a new pair; the old one dies. Reusing a dead one revokes its whole family: 401. A family lives at most 7 days from sign-in.',
  });
  router.post('/token/refresh', ...o.limits.refresh, async (req, res) => {
    const { refreshToken } = validate(RefreshBody, req.body);
    send(res, 200, TokenPair, await refreshTokens(deps, refreshToken, userAgent(req.headers['user-agent'])));
  });

  doc({
    method: 'post',
    path: '/token/revoke',
    guard: 'public',
    body: RefreshBody,
    responses: { 204: null },
    summary: 'Revoke a refresh token and its family (204 whether or not it was known).',
  });
  router.post('/token/revoke', ...o.limits.refresh, async (req, res) => {
    await revokeRefreshToken(deps, validate(RefreshBody, req.body).refreshToken);
    res.status(204).end();
  });

  return router;
}
