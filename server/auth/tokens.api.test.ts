import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TokenPair } from '#shared/contracts/auth';
import { ErrorBody } from '#shared/contracts/errors';
import { signUpWithCookie, type CookieUser } from '../../tests/helpers/factories.ts';
import { startTestApp, type TestApp } from '../../tests/helpers/test-app.ts';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.close();
});

async function pairOf(res: Response) {
  const text = await res.text();
  expect(res.status, text).toBe(200);
  return TokenPair.parse(JSON.parse(text));
}
async function expect401(res: Response) {
  expect(res.status).toBe(401);
  expect(ErrorBody.parse(await res.json()).error.code).toBe('UNAUTHORIZED');
}
const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });
const refresh = (refreshToken: string) => app.send('POST', '/api/auth/token/refresh', { refreshToken });
const tokensFor = (u: CookieUser) => app.send('POST', '/api/auth/token', { email: u.email, password: u.password });

describe('POST /api/auth/token', () => {
  it('issues a 15-minute access JWT and a refresh token stored only as its SHA-256', async () => {
    const u = await signUpWithCookie(app);
    const pair = await pairOf(await tokensFor(u));
    expect(pair.expiresIn).toBe(900);
    expect(pair.user.id).toBe(u.user.id);
    expect(pair.refreshToken).toMatch(/^[A-Za-z0-9_-]{43}$/); // 256 random bits
    expect((await app.get('/api/auth/me', bearer(pair.accessToken))).status).toBe(200);
    // No session cookie for API clients.
    expect((await tokensFor(u)).headers.getSetCookie()).toEqual([]);
    const rows = await app.rows<{ token_hash: string; expires_at: Date }>(
      'SELECT token_hash, expires_at FROM auth_sessions WHERE user_id = $1',
      [u.user.id],
    );
    expect(rows.map((r) => r.token_hash)).toContain(createHash('sha256').update(pair.refreshToken).digest('hex'));
    expect(JSON.stringify(rows)).not.toContain(pair.refreshToken);
    const days = (rows[0]!.expires_at.getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.9);
    expect(days).toBeLessThanOrEqual(7);
  });

  it('gives the same 401 as sign-in for wrong credentials', async () => {
    const u = await signUpWithCookie(app);
    const viaToken = await app.send('POST', '/api/auth/token', { email: u.email, password: 'definitely wrong' });
    const viaSignin = await app.send('POST', '/api/auth/signin', { email: u.email, password: 'definitely wrong' });
    expect(viaToken.status).toBe(401);
    expect(await viaToken.json()).toEqual(await viaSignin.json());
  });
});

describe('POST /api/auth/token/refresh', () => {
  it('rotates: a new pair, the old refresh token dead, the family end unchanged', async () => {
    const u = await signUpWithCookie(app);
    const first = await pairOf(await tokensFor(u));
    const second = await pairOf(await refresh(first.refreshToken));
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect((await app.get('/api/auth/me', bearer(second.accessToken))).status).toBe(200);
    const ends = await app.rows<{ expires_at: Date }>(
      'SELECT DISTINCT expires_at FROM auth_sessions WHERE user_id = $1',
      [u.user.id],
    );
    expect(ends).toHaveLength(1);
    const third = await pairOf(await refresh(second.refreshToken));
    expect((await app.get('/api/auth/me', bearer(third.accessToken))).status).toBe(200);
  });

  it('treats reuse of a rotated token as theft: 401, and the whole family is revoked', async () => {
    const u = await signUpWithCookie(app);
    const first = await pairOf(await tokensFor(u));
    const second = await pairOf(await refresh(first.refreshToken));
    const otherFamily = await pairOf(await tokensFor(u));
    await expect401(await refresh(first.refreshToken));
    // The legitimate holder's current token went with the family...
    await expect401(await refresh(second.refreshToken));
    // ...but another sign-in (another family) is untouched.
    expect((await refresh(otherFamily.refreshToken)).status).toBe(200);
  });

  it('lets only one of two concurrent refreshes with the same token succeed', async () => {
    const u = await signUpWithCookie(app);
    const pair = await pairOf(await tokensFor(u));
    const results = await Promise.all([
      refresh(pair.refreshToken),
      refresh(pair.refreshToken),
      refresh(pair.refreshToken),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 401, 401]);
  });

  it('refuses an expired family, an unknown token and a banned user', async () => {
    const u = await signUpWithCookie(app);
    const pair = await pairOf(await tokensFor(u));
    await app.rows("UPDATE auth_sessions SET expires_at = now() - interval '1 second' WHERE user_id = $1", [u.user.id]);
    await expect401(await refresh(pair.refreshToken));
    await expect401(await refresh('A'.repeat(43)));
    const v = await signUpWithCookie(app);
    const vPair = await pairOf(await tokensFor(v));
    await app.rows('UPDATE users SET is_banned = true WHERE id = $1', [v.user.id]);
    await expect401(await refresh(vPair.refreshToken));
    await expect401(await app.get('/api/auth/me', bearer(vPair.accessToken)));
  });

  it('validates the body', async () => {
    const res = await app.send('POST', '/api/auth/token/refresh', { refreshToken: 'x', extra: 1 });
    expect(res.status).toBe(400);
  });
});

describe('POST /api/auth/token/revoke', () => {
  it('ends the token family with a 204, and answers 204 for unknown tokens too', async () => {
    const u = await signUpWithCookie(app);
    const pair = await pairOf(await tokensFor(u));
    const next = await pairOf(await refresh(pair.refreshToken));
    expect((await app.send('POST', '/api/auth/token/revoke', { refreshToken: next.refreshToken })).status).toBe(204);
    await expect401(await refresh(next.refreshToken));
    expect((await app.send('POST', '/api/auth/token/revoke', { refreshToken: 'B'.repeat(43) })).status).toBe(204);
  });
});
