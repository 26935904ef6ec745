import { randomInt } from 'node:crypto';
import type { z } from 'zod';
import type { ChangePasswordBody, Credentials, SignUpBody, UpdateProfileBody, UserView } from '#shared/contracts/auth';
import { AppError, ForbiddenError, NotFoundError, UnauthorizedError, ValidationError } from '../http/errors.ts';
import type { Viewer } from '../http/viewer.ts';
import type { AuthDeps, AuthRepos } from './auth-deps.ts';
import { sha256 } from './digest.ts';
import type { NewUser, UserRow } from './users.repository.ts';

export type { UserRow };
type SignUp = z.output<typeof SignUpBody>;
type ChangePassword = z.output<typeof ChangePasswordBody>;
type Login = z.output<typeof Credentials>;
type ProfilePatch = z.output<typeof UpdateProfileBody>;

/** The same words for an unknown account and a wrong password: nothing to enumerate. */
export const BAD_CREDENTIALS = 'Wrong email, username or password';
export const SUSPENDED = 'This account is suspended';

export function toUserView(u: UserRow): UserView {
  return {
    id: u.id,
    email: u.email,
    username: u.username,
    displayName: u.displayName,
    firstName: u.firstName,
    lastName: u.lastName,
    profileImageUrl: u.profileImageUrl,
    phoneNumber: u.phoneNumber,
    providers: u.providers,
    isAdmin: u.isAdmin,
    isVerified: u.isVerified,
    createdAt: u.createdAt.toISOString(),
  };
}

export const isAdminEmail = (deps: Pick<AuthDeps, 'adminEmails'>, email: string | null) =>
  email !== null && deps.adminEmails.includes(email.toLowerCase());

/** ADMIN_EMAILS applies at every sign-in, so adding an address later promotes its owner. */
export async function promoteIfListed(deps: Pick<AuthDeps, 'adminEmails' | 'repos'>, user: UserRow): Promise<UserRow> {
  if (user.isAdmin || !isAdminEmail(deps, user.email)) return user;
  return (await deps.repos.users.update(user.id, { isAdmin: true })) ?? user;
}

export async function signUp(deps: AuthDeps, body: SignUp): Promise<UserRow> {
  const lowered = body.password.toLowerCase();
  if (lowered === body.username.toLowerCase() || lowered === body.email) {
    throw new ValidationError([{ field: 'password', message: 'Your password cannot be your email or username' }]);
  }
  const passwordHash = await deps.passwords.hash(body.password);
  return deps.repos.users.insert({
    email: body.email,
    username: body.username,
    displayName: body.displayName ?? null,
    passwordHash,
    providers: ['password'],
    isAdmin: isAdminEmail(deps, body.email),
    isVerified: false,
  });
}

/**
 * Checks an email-or-username and password. An unknown account costs the same bcrypt work as a
 * wrong password and gets the same 401. A suspended account is told so (403), but only once the
 * password was right, so the 403 reveals nothing to someone guessing.
 */
export async function checkCredentials(deps: AuthDeps, login: Login): Promise<UserRow> {
  const found = await deps.repos.users.findForSignIn(login.email);
  const ok = await deps.passwords.verify(login.password, found?.passwordHash ?? null);
  if (!found || !ok) throw new UnauthorizedError(BAD_CREDENTIALS);
  if (found.isBanned) throw new ForbiddenError(SUSPENDED);
  const { passwordHash: _hash, ...user } = found;
  return promoteIfListed(deps, user);
}

/** What failed sign-ins are counted against: the account when it exists, so its email and username share one budget. */
export async function signInKey(deps: Pick<AuthDeps, 'repos'>, login: unknown): Promise<string> {
  if (typeof login !== 'string' || login.trim() === '') return 'none';
  const normalized = login.trim().toLowerCase().slice(0, 254);
  const user = await deps.repos.users.findForSignIn(normalized);
  // Unknown logins are hashed: people type passwords into the email box, and the key is stored.
  return user ? `user:${user.id}` : `login:${sha256(normalized)}`;
}

export async function getUser(deps: Pick<AuthDeps, 'repos'>, userId: string): Promise<UserRow> {
  const user = await deps.repos.users.findById(userId);
  if (!user || user.isBanned) throw new UnauthorizedError();
  return user;
}

/** The signed-in user's summary for the server render, or null (deleted or banned meanwhile). */
export async function findViewerUser(deps: Pick<AuthDeps, 'repos'>, viewer: Viewer | null): Promise<UserView | null> {
  if (!viewer) return null;
  const user = await deps.repos.users.findById(viewer.userId);
  return user && !user.isBanned ? toUserView(user) : null;
}

export async function updateProfile(deps: AuthDeps, viewer: Viewer, patch: ProfilePatch): Promise<UserRow> {
  const clean = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
  const user = await deps.repos.users.update(viewer.userId, clean);
  if (!user) throw new NotFoundError('User');
  return user;
}

/**
 * Ends every session and token of a user at once: the token version moves on (access JWTs and
 * sessions carrying the old one are refused), refresh tokens are revoked and the session rows
 * deleted, all in one transaction. `keepSid` spares the caller's own browser session.
 * Used by "sign out everywhere", password changes and resets, and bans (admin).
 */
export async function revokeEverywhere(
  deps: Pick<AuthDeps, 'tx' | 'onRevoked'>,
  userId: string,
  keepSid?: string,
): Promise<number> {
  const version = await deps.tx((r) => revokeIn(r, userId, keepSid));
  deps.onRevoked(userId);
  return version;
}

export async function revokeIn(r: AuthRepos, userId: string, keepSid?: string): Promise<number> {
  const version = await r.users.bumpTokenVersion(userId);
  if (version === null) throw new NotFoundError('User');
  await r.refreshTokens.revokeAllForUser(userId);
  await r.refreshTokens.deleteBrowserSessions(userId, keepSid);
  return version;
}

/**
 * Changes (or, for an account made with Google, GitHub or a phone, sets) the password. Every
 * other session and token dies; the caller's browser session lives on with the new version.
 */
export async function changePassword(deps: AuthDeps, viewer: Viewer, body: ChangePassword, keepSid?: string) {
  const current = await deps.repos.users.passwordHashOf(viewer.userId);
  if (current !== null) {
    const ok = body.currentPassword !== undefined && (await deps.passwords.verify(body.currentPassword, current));
    if (!ok) throw new ValidationError([{ field: 'currentPassword', message: 'This is not your current password' }]);
  }
  const hash = await deps.passwords.hash(body.newPassword);
  const version = await deps.tx(async (r) => {
    await r.users.setPasswordHash(viewer.userId, hash);
    await r.emailTokens.retireAll(viewer.userId, 'reset-password');
    return revokeIn(r, viewer.userId, keepSid);
  });
  deps.onRevoked(viewer.userId);
  return version;
}

const USERNAME_CHARS = /[^A-Za-z0-9_.-]+/g;

/**
 * Creates an account for a Google, GitHub or phone sign-in, picking a free username from `hint`.
 * Each try runs in a savepoint so a taken username does not abort the caller's transaction.
 */
export async function createAccount(r: AuthRepos, hint: string, user: Omit<NewUser, 'username'>): Promise<UserRow> {
  let base = hint
    .replace(USERNAME_CHARS, '')
    .replace(/^[^A-Za-z0-9]+/, '')
    .slice(0, 24);
  if (base.length < 3) base = `user${base}`;
  for (let attempt = 0; ; attempt++) {
    const username = attempt === 0 ? base : `${base}_${randomInt(1000, 100_000)}`;
    try {
      return await r.atomic((sp) => sp.users.insert({ ...user, username }));
    } catch (err) {
      const taken = err instanceof AppError && err.details?.[0]?.field === 'username';
      if (!taken || attempt >= 5) throw err;
    }
  }
}
