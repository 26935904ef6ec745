import jwt from 'jsonwebtoken';

export const ACCESS_TOKEN_TTL_S = 15 * 60;
const ISSUER = 'cinehub-pro';
const AUDIENCE = 'cinehub-pro-api';

export interface AccessClaims {
  sub: string;
  /** The user's token version at issue time: a ban or password reset bumps it, killing the token. */
  ver: number;
}

/** HS256 only, issuer and audience pinned: `alg: none` and foreign tokens never verify. */
export function signAccessToken(secret: string, claims: AccessClaims): string {
  return jwt.sign({ ver: claims.ver }, secret, {
    algorithm: 'HS256',
    subject: claims.sub,
    issuer: ISSUER,
    audience: AUDIENCE,
    expiresIn: ACCESS_TOKEN_TTL_S,
  });
}

/** The claims, or null for a bad, expired, tampered or foreign token. */
export function verifyAccessToken(secret: string, token: string): AccessClaims | null {
  try {
    const payload = jwt.verify(token, secret, { algorithms: ['HS256'], issuer: ISSUER, audience: AUDIENCE });
    if (typeof payload !== 'object' || typeof payload.sub !== 'string' || typeof payload.ver !== 'number') return null;
    return { sub: payload.sub, ver: payload.ver };
  } catch {
    return null;
  }
}
