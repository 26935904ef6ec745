import type { Request, RequestHandler } from 'express';
import type { Logger } from 'pino';
import type { Executor } from '../db/database.ts';
import { clientAddress, createRateLimiter } from '../http/rate-limit.ts';
import type { AuthDeps } from './auth-deps.ts';
import { sha256 } from './digest.ts';
import { signInKey } from './auth.service.ts';

const MINUTE = 60_000;
// Keys from request bodies are hashed: the limits table should not collect typed emails and numbers.
const bodyField = (req: Request, field: string) => {
  const v = (req.body as Record<string, unknown> | undefined)?.[field];
  return typeof v === 'string' ? sha256(v.trim().toLowerCase()) : 'none';
};

/**
 * The brute-force and abuse limits of /api/auth, shared by every instance through PostgreSQL and
 * failing closed (503) if the store is down. Failed sign-ins count per account and per address;
 * past either limit even the right password gets 429 until the window ends.
 */
export function createAuthLimits(db: Executor, deps: Pick<AuthDeps, 'repos'>, log: Logger) {
  const limit = (
    name: string,
    windowMs: number,
    max: number,
    extra: { key?: (req: Request) => string | Promise<string>; failuresOnly?: boolean } = {},
  ) => createRateLimiter(db, { name, windowMs, limit: max, log, ...extra });
  const signInFailuresByAccount = limit('signin-account', 15 * MINUTE, 10, {
    failuresOnly: true,
    key: (req) => signInKey(deps, (req.body as Record<string, unknown> | undefined)?.email),
  });
  const signInFailuresByAddress = limit('signin-address', 15 * MINUTE, 50, { failuresOnly: true });
  const viewerKey = (req: Request) => req.viewer?.userId ?? clientAddress(req);

  return {
    /** Sign-in and token issue share both budgets: the same password guesses, two doors. */
    credentials: [signInFailuresByAddress, signInFailuresByAccount] as RequestHandler[],
    signUp: [limit('signup-address', 60 * MINUTE, 60)],
    refresh: [limit('refresh-address', 15 * MINUTE, 60, { failuresOnly: true })],
    otpRequest: [
      limit('otp-request-address', 15 * MINUTE, 20),
      limit('otp-request-number', 15 * MINUTE, 5, { key: (req) => bodyField(req, 'phoneNumber') }),
    ],
    otpVerify: [
      limit('otp-verify-address', 15 * MINUTE, 30, { failuresOnly: true }),
      limit('otp-verify-number', 15 * MINUTE, 10, { failuresOnly: true, key: (req) => bodyField(req, 'phoneNumber') }),
    ],
    forgot: [
      limit('forgot-address', 15 * MINUTE, 20),
      limit('forgot-email', 60 * MINUTE, 5, { key: (req) => bodyField(req, 'email') }),
    ],
    emailLinks: [limit('email-link-address', 15 * MINUTE, 30, { failuresOnly: true })],
    verifyRequest: [limit('verify-request-user', 60 * MINUTE, 5, { key: viewerKey })],
    passwordChange: [limit('password-change-user', 15 * MINUTE, 10, { failuresOnly: true, key: viewerKey })],
  };
}
export type AuthLimits = ReturnType<typeof createAuthLimits>;
