import { ConflictError, ForbiddenError } from '../http/errors.ts';
import type { AuthDeps } from './auth-deps.ts';
import {
  createAccount,
  getUser,
  isAdminEmail,
  promoteIfListed,
  revokeIn,
  SUSPENDED,
  type UserRow,
} from './auth.service.ts';

/** What a provider told us about the person, in our words. */
export interface ProviderIdentity {
  provider: 'google' | 'github';
  providerUserId: string;
  email: string | null;
  /** Only the provider's own statement counts: an unverified email never links or creates by email. */
  emailVerified: boolean;
  displayName: string | null;
  firstName: string | null;
  lastName: string | null;
  avatarUrl: string | null;
  usernameHint: string;
}

/**
 * Finishes a Google/GitHub sign-in. The identity is looked up by (provider, provider user id),
 * never by email. Signed in already: the identity is linked to that account. Otherwise a known
 * identity signs its user in; a new one links to the account with the same email only when the
 * provider says the email is verified; else a new account is made.
 */
export async function completeOAuth(
  deps: AuthDeps,
  id: ProviderIdentity,
  currentUserId: string | null,
): Promise<UserRow> {
  const email = id.email?.trim().toLowerCase() || null;
  const verifiedEmail = id.emailVerified ? email : null;
  const owner = await deps.repos.identities.findUserId(id.provider, id.providerUserId);

  if (currentUserId) {
    if (owner && owner !== currentUserId)
      throw new ConflictError(`This ${label(id)} account is linked to another user`);
    if (!owner) await link(deps, currentUserId, id, email);
    return getUser(deps, currentUserId);
  }

  if (owner) return allowed(deps, await deps.repos.users.findById(owner));

  const byEmail = verifiedEmail ? await deps.repos.users.findByEmail(verifiedEmail) : null;
  if (byEmail) {
    const user = allowedSync(byEmail);
    await link(deps, user.id, id, email);
    if (user.isVerified) return promoteIfListed(deps, user);
    // Nobody ever proved this address to us, so whoever set the account's password may not own
    // it (account pre-hijacking): the provider's word wins, the password and its sessions go.
    // The owner can set a new password through "forgot password".
    await deps.tx(async (r) => {
      await r.users.clearPassword(user.id);
      await r.users.update(user.id, { isVerified: true });
      await revokeIn(r, user.id);
    });
    deps.onRevoked(user.id);
    return promoteIfListed(deps, await getUser(deps, user.id));
  }

  return deps.tx(async (r) => {
    const user = await createAccount(r, id.usernameHint, {
      email: verifiedEmail,
      displayName: id.displayName?.slice(0, 60) || null,
      firstName: id.firstName?.slice(0, 60) || null,
      lastName: id.lastName?.slice(0, 60) || null,
      profileImageUrl: id.avatarUrl?.startsWith('https://') ? id.avatarUrl.slice(0, 500) : null,
      providers: [id.provider],
      isAdmin: isAdminEmail(deps, verifiedEmail),
      isVerified: verifiedEmail !== null,
    });
    await r.identities.link({ userId: user.id, provider: id.provider, providerUserId: id.providerUserId, email });
    return user;
  });
}

const label = (id: ProviderIdentity) => (id.provider === 'google' ? 'Google' : 'GitHub');

async function link(deps: AuthDeps, userId: string, id: ProviderIdentity, email: string | null) {
  await deps.tx(async (r) => {
    await r.identities.link({ userId, provider: id.provider, providerUserId: id.providerUserId, email });
    await r.users.addProvider(userId, id.provider);
  });
}

function allowedSync(user: UserRow): UserRow {
  if (user.isBanned) throw new ForbiddenError(SUSPENDED);
  return user;
}

async function allowed(deps: AuthDeps, user: UserRow | null): Promise<UserRow> {
  if (!user) throw new ForbiddenError('This account no longer exists');
  return promoteIfListed(deps, allowedSync(user));
}
