import { Router } from 'express';
import { AcceptedBody, OtpRequestBody, OtpVerifyBody, UserBody } from '#shared/contracts/auth';
import { send } from '../http/send.ts';
import { validate } from '../http/validate.ts';
import type { AuthDeps } from './auth-deps.ts';
import { authDoc, type AuthRouteOptions } from './auth-route-docs.ts';
import { toUserView } from './auth.service.ts';
import { requestCode, verifyCode } from './otp.service.ts';
import { startSession } from './session-control.ts';

/** Sign-in with a code sent by text message. */
export function otpRoutes(deps: AuthDeps, o: AuthRouteOptions): Router {
  const router = Router();
  const doc = authDoc(o.docs);

  doc({
    method: 'post',
    path: '/otp/request',
    guard: 'public',
    body: OtpRequestBody,
    responses: { 202: AcceptedBody },
    summary:
      'Text a 6-digit code (10 minutes, 5 tries) to an E.164 number; an earlier code stops working. 5 per number and 20 per address in 15 minutes.',
  });
  router.post('/otp/request', ...o.limits.otpRequest, async (req, res) => {
    await requestCode(deps, validate(OtpRequestBody, req.body).phoneNumber);
    send(res, 202, AcceptedBody, { message: 'A code is on its way by text message.' });
  });

  doc({
    method: 'post',
    path: '/otp/verify',
    guard: 'public',
    body: OtpVerifyBody,
    responses: { 200: UserBody },
    summary:
      'Check a code. Signed in: links the number to this account (409 if another account has it). Otherwise signs in the account with that number, or creates one, with a new session. Wrong or expired code: 401.',
  });
  router.post('/otp/verify', ...o.limits.otpVerify, async (req, res) => {
    const { user, signIn } = await verifyCode(deps, validate(OtpVerifyBody, req.body), req.viewer ?? null);
    if (signIn) await startSession(req, user);
    send(res, 200, UserBody, { user: toUserView(user) });
  });

  return router;
}
