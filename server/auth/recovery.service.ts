import { randomBytes } from 'node:crypto';
import { ValidationError } from '../http/errors.ts';
import type { Viewer } from '../http/viewer.ts';
import type { AuthDeps } from './auth-deps.ts';
import { sha256 } from './digest.ts';
import { getUser, revokeIn, type UserRow } from './auth.service.ts';

const VERIFY_TTL_MS = 24 * 3600 * 1000;
const RESET_TTL_MS = 60 * 60 * 1000;
const newLinkToken = () => randomBytes(32).toString('base64url');
const deadLink = (field = 'token') =>
  new ValidationError(
    [{ field, message: 'This link is invalid, used or expired. Ask for a new one.' }],
    'Invalid link',
  );

export const FORGOT_ACCEPTED = 'If an account uses that email, a link to choose a new password is on its way.';

/** Emails a link that proves the address. Already verified: nothing to send. */
export async function requestEmailVerification(deps: AuthDeps, viewer: Viewer): Promise<'sent' | 'already-verified'> {
  const user = await getUser(deps, viewer.userId);
  if (!user.email) throw new ValidationError([{ field: 'email', message: 'This account has no email address' }]);
  if (user.isVerified) return 'already-verified';
  const token = newLinkToken();
  await deps.repos.emailTokens.insert({
    userId: user.id,
    purpose: 'verify-email',
    tokenHash: sha256(token),
    expiresAt: new Date(Date.now() + VERIFY_TTL_MS),
  });
  await deps.notify.mailer.send({
    to: user.email,
    subject: 'Confirm your email for CineHub Pro',
    text: `Hello ${user.displayName ?? user.username},\n\nConfirm your email address by opening this link (valid for 24 hours):\n${deps.publicUrl}/verify-email?token=${token}\n\nIf you did not create a CineHub Pro account, ignore this message.`,
  });
  return 'sent';
}

export async function verifyEmail(deps: AuthDeps, token: string): Promise<UserRow> {
  const userId = await deps.repos.emailTokens.consume(sha256(token), 'verify-email');
  if (!userId) throw deadLink();
  const user = await deps.repos.users.update(userId, { isVerified: true });
  if (!user) throw deadLink();
  return user;
}

/**
 * Always the same answer. Both paths look the account up, make and hash a token; only a real,
 * allowed account stores it, and the email leaves after the response, so neither the body nor
 * the time tells whether the address has an account.
 */
export async function forgotPassword(deps: AuthDeps, email: string): Promise<void> {
  const user = await deps.repos.users.findByEmail(email);
  const token = newLinkToken();
  const tokenHash = sha256(token);
  if (!user || user.isBanned || !user.email) return;
  await deps.tx(async (r) => {
    await r.emailTokens.retireAll(user.id, 'reset-password');
    await r.emailTokens.insert({
      userId: user.id,
      purpose: 'reset-password',
      tokenHash,
      expiresAt: new Date(Date.now() + RESET_TTL_MS),
    });
  });
  deps.notify.sendMailLater({
    to: user.email,
    subject: 'Choose a new CineHub Pro password',
    text: `Hello ${user.displayName ?? user.username},\n\nSomeone (hopefully you) asked to reset your password. Choose a new one here (valid for 1 hour, once):\n${deps.publicUrl}/reset-password?token=${token}\n\nIf it was not you, ignore this message: your password stays as it is.`,
  });
}

/**
 * Sets a new password from an emailed link. In one transaction: the link is used, the hash set,
 * the token version bumped, every refresh token revoked and every browser session deleted, except
 * `keepSid` when the caller is this very user in this browser. Opening the link also proves the email.
 */
export async function resetPassword(
  deps: AuthDeps,
  token: string,
  password: string,
  current: { sid?: string; userId?: string },
): Promise<{ userId: string; tokenVersion: number }> {
  const hash = await deps.passwords.hash(password);
  const done = await deps.tx(async (r) => {
    const userId = await r.emailTokens.consume(sha256(token), 'reset-password');
    if (!userId) return null;
    await r.users.setPasswordHash(userId, hash);
    await r.users.update(userId, { isVerified: true });
    await r.emailTokens.retireAll(userId, 'reset-password');
    const keep = current.userId === userId ? current.sid : undefined;
    return { userId, tokenVersion: await revokeIn(r, userId, keep) };
  });
  if (!done) throw deadLink();
  deps.onRevoked(done.userId);
  return done;
}
