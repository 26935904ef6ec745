import { randomBytes, randomUUID } from 'node:crypto';
import type { TokenPair } from '#shared/contracts/auth';
import { UnauthorizedError } from '../http/errors.ts';
import { ACCESS_TOKEN_TTL_S, signAccessToken } from './access-tokens.ts';
import type { AuthDeps } from './auth-deps.ts';
import { sha256 } from './digest.ts';
import { toUserView, type UserRow } from './auth.service.ts';

/** A family of rotated refresh tokens lives at most this long from its first sign-in, however often refreshed. */
export const REFRESH_FAMILY_TTL_MS = 7 * 24 * 3600 * 1000;
const INVALID = 'Invalid or expired refresh token';

const newRefreshToken = () => randomBytes(32).toString('base64url');

function pairFor(deps: Pick<AuthDeps, 'jwtSecret'>, user: UserRow, refreshToken: string): TokenPair {
  return {
    accessToken: signAccessToken(deps.jwtSecret, { sub: user.id, ver: user.tokenVersion }),
    refreshToken,
    expiresIn: ACCESS_TOKEN_TTL_S,
    user: toUserView(user),
  };
}

/** A new token family for an API client that just proved who it is. Only the hash is stored. */
export async function issueTokens(deps: AuthDeps, user: UserRow, userAgent: string | null): Promise<TokenPair> {
  const refreshToken = newRefreshToken();
  await deps.repos.refreshTokens.insert({
    userId: user.id,
    familyId: randomUUID(),
    tokenHash: sha256(refreshToken),
    expiresAt: new Date(Date.now() + REFRESH_FAMILY_TTL_MS),
    userAgent: userAgent?.slice(0, 300) ?? null,
  });
  return pairFor(deps, user, refreshToken);
}

type RefreshOutcome = { ok: true; pair: TokenPair } | { ok: false };

/**
 * Rotates a refresh token. The row is locked for the whole transaction, so of two concurrent
 * refreshes with one token the second waits, finds it rotated and is treated as reuse. Reuse of
 * a rotated token means it leaked: the whole family is revoked (committed), then a 401.
 */
export async function refreshTokens(
  deps: AuthDeps,
  refreshToken: string,
  userAgent: string | null,
): Promise<TokenPair> {
  const outcome = await deps.tx(async (r): Promise<RefreshOutcome> => {
    const row = await r.refreshTokens.lockByHash(sha256(refreshToken));
    if (!row || row.revokedAt) return { ok: false };
    if (row.rotatedAt) {
      await r.refreshTokens.revokeFamily(row.familyId);
      deps.log.warn({ userId: row.userId, familyId: row.familyId }, 'refresh token reused: family revoked');
      return { ok: false };
    }
    if (row.expiresAt.getTime() <= Date.now()) return { ok: false };
    const user = await r.users.findById(row.userId);
    if (!user || user.isBanned) return { ok: false };
    await r.refreshTokens.markRotated(row.id);
    const next = newRefreshToken();
    await r.refreshTokens.insert({
      userId: user.id,
      familyId: row.familyId,
      tokenHash: sha256(next),
      // The family's end does not move: seven days from the first sign-in, absolute.
      expiresAt: row.expiresAt,
      userAgent: userAgent?.slice(0, 300) ?? null,
    });
    return { ok: true, pair: pairFor(deps, user, next) };
  });
  if (!outcome.ok) throw new UnauthorizedError(INVALID);
  return outcome.pair;
}

/** Ends the API session the token belongs to. Unknown tokens are ignored: the answer is the same 204. */
export async function revokeRefreshToken(deps: AuthDeps, refreshToken: string): Promise<void> {
  await deps.tx(async (r) => {
    const row = await r.refreshTokens.lockByHash(sha256(refreshToken));
    if (row) await r.refreshTokens.revokeFamily(row.familyId);
  });
}
