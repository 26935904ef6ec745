import { Router } from 'express';
import { ChangePasswordBody, SignInBody, SignUpBody, UpdateProfileBody, UserBody } from '#shared/contracts/auth';
import { send } from '../http/send.ts';
import { validate } from '../http/validate.ts';
import { requireUser, viewerOf } from '../http/viewer.ts';
import type { AuthDeps } from './auth-deps.ts';
import { authDoc, type AuthRouteOptions } from './auth-route-docs.ts';
import * as auth from './auth.service.ts';
import { endSession, renewSession, startSession } from './session-control.ts';

/** Email-and-password accounts and browser sessions: sign-up, sign-in, logout, me, profile, password. */
export function accountRoutes(deps: AuthDeps, o: AuthRouteOptions): Router {
  const router = Router();
  const doc = authDoc(o.docs);

  doc({
    method: 'post',
    path: '/signup',
    guard: 'public',
    body: SignUpBody,
    responses: { 201: UserBody },
    summary:
      'Create an account with email and password; answers with the user and a session cookie. 409 on a duplicate email or username (case-insensitive). isAdmin, isVerified, providers or id in the body: 400.',
  });
  router.post('/signup', ...o.limits.signUp, async (req, res) => {
    const user = await auth.signUp(deps, validate(SignUpBody, req.body));
    await startSession(req, user);
    send(res, 201, UserBody, { user: auth.toUserView(user) });
  });

  doc({
    method: 'post',
    path: '/signin',
    guard: 'public',
    body: SignInBody,
    responses: { 200: UserBody },
    summary:
      'Sign in with email or username (in `email`) and password; a new session id. One 401 for unknown account and wrong password; 403 for a suspended account (right password only); 429 with Retry-After after 10 failures per account or 50 per address in 15 minutes, even for the right password.',
  });
  router.post('/signin', ...o.limits.credentials, async (req, res) => {
    const body = validate(SignInBody, req.body);
    const user = await auth.checkCredentials(deps, body);
    await startSession(req, user, { remember: body.remember });
    send(res, 200, UserBody, { user: auth.toUserView(user) });
  });

  doc({
    method: 'post',
    path: '/logout',
    guard: 'public',
    responses: { 204: null },
    summary: 'End the browser session and clear its cookie. Bearer clients revoke their refresh token instead.',
  });
  router.post('/logout', async (req, res) => {
    await endSession(req, res, o.production);
    res.status(204).end();
  });

  doc({
    method: 'get',
    path: '/me',
    guard: 'user',
    responses: { 200: UserBody },
    summary: 'The signed-in user (session cookie or Bearer token), else 401.',
  });
  router.get('/me', requireUser, async (req, res) => {
    send(res, 200, UserBody, { user: auth.toUserView(await auth.getUser(deps, viewerOf(req).userId)) });
  });

  doc({
    method: 'patch',
    path: '/me',
    guard: 'user',
    body: UpdateProfileBody,
    responses: { 200: UserBody },
    summary: 'Update displayName, firstName, lastName (null clears). Any other field is a 400.',
  });
  router.patch('/me', requireUser, async (req, res) => {
    const user = await auth.updateProfile(deps, viewerOf(req), validate(UpdateProfileBody, req.body));
    send(res, 200, UserBody, { user: auth.toUserView(user) });
  });

  doc({
    method: 'post',
    path: '/password/change',
    guard: 'user',
    body: ChangePasswordBody,
    responses: { 204: null },
    summary:
      'Change the password (currentPassword required when the account has one; 400 on currentPassword if wrong). Every other session, access token and refresh token is revoked; this browser session continues under a new id. A Bearer caller must sign in again.',
  });
  router.post('/password/change', requireUser, ...o.limits.passwordChange, async (req, res) => {
    const viewer = viewerOf(req);
    const keepSid = viewer.via === 'session' ? req.sessionID : undefined;
    const version = await auth.changePassword(deps, viewer, validate(ChangePasswordBody, req.body), keepSid);
    await renewSession(req, viewer.userId, version);
    res.status(204).end();
  });

  doc({
    method: 'post',
    path: '/sessions/revoke-all',
    guard: 'user',
    responses: { 204: null },
    summary:
      'Sign out everywhere: every browser session (this one included), access token and refresh token of the user stops working at once.',
  });
  router.post('/sessions/revoke-all', requireUser, async (req, res) => {
    await auth.revokeEverywhere(deps, viewerOf(req).userId);
    await endSession(req, res, o.production);
    res.status(204).end();
  });

  return router;
}
