import type { Request, Response } from 'express';
import { REMEMBER_MS, sessionCookieName } from './session.ts';

const promisify = (fn: (cb: (err: unknown) => void) => void) =>
  new Promise<void>((resolve, reject) => fn((err) => (err ? reject(err) : resolve())));

/**
 * Starts a signed-in browser session under a new id (no session fixation), carrying the user's
 * token version so a later ban, reset or "sign out everywhere" ends it. Saved before the response
 * so the very next request finds it.
 */
export async function startSession(
  req: Request,
  user: { id: string; tokenVersion: number },
  opts: { remember?: boolean } = {},
): Promise<void> {
  await promisify((cb) => req.session.regenerate(cb));
  req.session.userId = user.id;
  req.session.tokenVersion = user.tokenVersion;
  if (opts.remember) {
    req.session.remember = true;
    req.session.cookie.maxAge = REMEMBER_MS;
  }
  await promisify((cb) => req.session.save(cb));
}

/**
 * Keeps the caller's own browser session across a token-version bump it caused (password change
 * or reset): same user, new id, the new version.
 */
export async function renewSession(req: Request, userId: string, tokenVersion: number): Promise<void> {
  if (req.session?.userId !== userId) return;
  await startSession(req, { id: userId, tokenVersion }, { remember: req.session.remember });
}

export async function endSession(req: Request, res: Response, production: boolean): Promise<void> {
  if (req.session) await promisify((cb) => req.session.destroy(cb));
  res.clearCookie(sessionCookieName(production), { path: '/', httpOnly: true, sameSite: 'lax', secure: production });
}
