import { Router } from 'express';
import { AcceptedBody, EmailVerifyBody, ForgotPasswordBody, ResetPasswordBody, UserBody } from '#shared/contracts/auth';
import { send } from '../http/send.ts';
import { validate } from '../http/validate.ts';
import { requireUser, viewerOf } from '../http/viewer.ts';
import type { AuthDeps } from './auth-deps.ts';
import { authDoc, type AuthRouteOptions } from './auth-route-docs.ts';
import { toUserView } from './auth.service.ts';
import * as recovery from './recovery.service.ts';
import { renewSession } from './session-control.ts';

/** Links sent by email: proving an address, and choosing a new password. */
export function recoveryRoutes(deps: AuthDeps, o: AuthRouteOptions): Router {
  const router = Router();
  const doc = authDoc(o.docs);

  doc({
    method: 'post',
    path: '/email/verify/request',
    guard: 'user',
    responses: { 202: AcceptedBody },
    summary: 'Email a single-use link (24 hours) that verifies the address. 5 per hour.',
  });
  router.post('/email/verify/request', requireUser, ...o.limits.verifyRequest, async (req, res) => {
    const outcome = await recovery.requestEmailVerification(deps, viewerOf(req));
    const message =
      outcome === 'sent' ? 'Check your inbox for a confirmation link.' : 'Your email is already verified.';
    send(res, 202, AcceptedBody, { message });
  });

  doc({
    method: 'post',
    path: '/email/verify',
    guard: 'public',
    body: EmailVerifyBody,
    responses: { 200: UserBody },
    summary:
      'Use a verification link; the user comes back with isVerified true. A used, expired or unknown token: 400.',
  });
  router.post('/email/verify', ...o.limits.emailLinks, async (req, res) => {
    const user = await recovery.verifyEmail(deps, validate(EmailVerifyBody, req.body).token);
    send(res, 200, UserBody, { user: toUserView(user) });
  });

  doc({
    method: 'post',
    path: '/password/forgot',
    guard: 'public',
    body: ForgotPasswordBody,
    responses: { 202: AcceptedBody },
    summary:
      'Email a password-reset link (1 hour, single use). Always 202 with the same body and similar timing, whether or not the email has an account.',
  });
  router.post('/password/forgot', ...o.limits.forgot, async (req, res) => {
    await recovery.forgotPassword(deps, validate(ForgotPasswordBody, req.body).email);
    send(res, 202, AcceptedBody, { message: recovery.FORGOT_ACCEPTED });
  });

  doc({
    method: 'post',
    path: '/password/reset',
    guard: 'public',
    body: ResetPasswordBody,
    responses: { 204: null },
    summary:
      'Set a new password from a reset link. Every session, access token and refresh token of the user is revoked (except this browser session if it is the same user). A used, expired or unknown token: 400.',
  });
  router.post('/password/reset', ...o.limits.emailLinks, async (req, res) => {
    const body = validate(ResetPasswordBody, req.body);
    const current = { sid: req.sessionID, userId: req.session?.userId };
    const done = await recovery.resetPassword(deps, body.token, body.password, current);
    await renewSession(req, done.userId, done.tokenVersion);
    res.status(204).end();
  });

  return router;
}
