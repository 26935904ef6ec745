import { randomInt, timingSafeEqual } from 'node:crypto';
import { ForbiddenError, UnauthorizedError } from '../http/errors.ts';
import type { Viewer } from '../http/viewer.ts';
import type { AuthDeps } from './auth-deps.ts';
import { createAccount, getUser, SUSPENDED, type UserRow } from './auth.service.ts';

export const CODE_TTL_MS = 10 * 60 * 1000;
export const CODE_MAX_TRIES = 5;
const BAD_CODE = 'Invalid or expired code';

/** Texts a fresh 6-digit code; any earlier code for the number stops working. */
export async function requestCode(deps: AuthDeps, phoneNumber: string): Promise<void> {
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  await deps.repos.codes.replace({
    phoneNumber,
    codeHash: deps.hashCode(phoneNumber, code),
    expiresAt: new Date(Date.now() + CODE_TTL_MS),
  });
  await deps.notify.sms.send({
    to: phoneNumber,
    body: `${code} is your CineHub Pro code. It expires in 10 minutes. Never share it.`,
  });
}

/**
 * Checks a code. The code's row is locked while a guess is counted, so parallel guesses cannot
 * exceed five; the count is committed even when the guess is wrong, and a fifth wrong guess
 * kills the code. The right code is used up at once.
 */
async function consumeCode(deps: AuthDeps, phoneNumber: string, code: string): Promise<boolean> {
  return deps.tx(async (r) => {
    const live = await r.codes.lockLive(phoneNumber);
    if (!live) return false;
    if (live.attempts >= CODE_MAX_TRIES) {
      await r.codes.consume(live.id);
      return false;
    }
    await r.codes.countAttempt(live.id);
    const given = Buffer.from(deps.hashCode(phoneNumber, code), 'hex');
    const match = timingSafeEqual(given, Buffer.from(live.codeHash, 'hex'));
    if (match) await r.codes.consume(live.id);
    return match;
  });
}

/**
 * Signs in with a phone code: links the number to the signed-in viewer, or signs in the account
 * that owns the number, or creates one. Returns the user and whether a new session is due.
 */
export async function verifyCode(
  deps: AuthDeps,
  input: { phoneNumber: string; code: string },
  viewer: Viewer | null,
): Promise<{ user: UserRow; signIn: boolean }> {
  if (!(await consumeCode(deps, input.phoneNumber, input.code))) throw new UnauthorizedError(BAD_CODE);
  if (viewer) {
    await getUser(deps, viewer.userId);
    // The unique index refuses a number that belongs to someone else (409).
    await deps.repos.users.update(viewer.userId, { phoneNumber: input.phoneNumber });
    await deps.repos.users.addProvider(viewer.userId, 'phone');
    return { user: await getUser(deps, viewer.userId), signIn: false };
  }
  const owner = await deps.repos.users.findByPhone(input.phoneNumber);
  if (owner) {
    if (owner.isBanned) throw new ForbiddenError(SUSPENDED);
    return { user: owner, signIn: true };
  }
  const user = await deps.tx((r) =>
    createAccount(r, `member${randomInt(100_000, 1_000_000)}`, {
      email: null,
      phoneNumber: input.phoneNumber,
      providers: ['phone'],
      isAdmin: false,
      isVerified: false,
    }),
  );
  return { user, signIn: true };
}
