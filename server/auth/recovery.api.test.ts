import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AcceptedBody, UserBody } from '#shared/contracts/auth';
import { ErrorBody } from '#shared/contracts/errors';
import { cookieClient, signUpWithCookie } from '../../tests/helpers/factories.ts';
import { linkToken, outboxFor, waitForMessage } from '../../tests/helpers/outbox.ts';
import { startTestApp, type TestApp } from '../../tests/helpers/test-app.ts';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.close();
});

const sql = (text: string, values: unknown[] = []) => app.server.runtime.database.pool.query(text, values);
async function codeOf(res: Response, status: number) {
  const text = await res.text();
  expect(res.status, text).toBe(status);
  return ErrorBody.parse(JSON.parse(text)).error;
}

describe('email verification', () => {
  it('emails a single-use link that marks the account verified', async () => {
    const u = await signUpWithCookie(app);
    const res = await u.send('POST', '/api/auth/email/verify/request');
    expect(res.status).toBe(202);
    AcceptedBody.parse(await res.json());
    const mail = await waitForMessage(app, u.email);
    expect(mail.channel).toBe('email');
    const token = linkToken(mail, '/verify-email');
    // Only the hash is stored.
    const { rows } = await sql('SELECT token_hash FROM email_tokens WHERE user_id = $1', [u.user.id]);
    expect(JSON.stringify(rows)).not.toContain(token);

    const verified = await app.send('POST', '/api/auth/email/verify', { token });
    expect(verified.status).toBe(200);
    expect(UserBody.parse(await verified.json()).user).toMatchObject({ id: u.user.id, isVerified: true });
    const again = await codeOf(await app.send('POST', '/api/auth/email/verify', { token }), 400);
    expect(again.code).toBe('VALIDATION_ERROR');
    expect(again.details?.[0]?.field).toBe('token');
  });

  it('sends nothing more once verified, needs a signed-in user, refuses expired links', async () => {
    expect((await codeOf(await app.send('POST', '/api/auth/email/verify/request'), 401)).code).toBe('UNAUTHORIZED');
    const u = await signUpWithCookie(app);
    await u.send('POST', '/api/auth/email/verify/request');
    const token = linkToken(await waitForMessage(app, u.email), '/verify-email');
    await sql("UPDATE email_tokens SET expires_at = now() - interval '1 second' WHERE user_id = $1", [u.user.id]);
    await codeOf(await app.send('POST', '/api/auth/email/verify', { token }), 400);

    await u.send('POST', '/api/auth/email/verify/request');
    await app.send('POST', '/api/auth/email/verify', {
      token: linkToken(await waitForMessage(app, u.email, 2), '/verify-email'),
    });
    const res = await u.send('POST', '/api/auth/email/verify/request');
    expect(res.status).toBe(202);
    expect(AcceptedBody.parse(await res.json()).message).toMatch(/already/i);
    expect(await outboxFor(app, u.email)).toHaveLength(2);
  });
});

describe('password reset', () => {
  it('answers the same 202 for known and unknown emails, and mails only the known one', async () => {
    const u = await signUpWithCookie(app);
    const known = await app.send('POST', '/api/auth/password/forgot', { email: u.email.toUpperCase() });
    const unknown = await app.send('POST', '/api/auth/password/forgot', { email: 'nobody-at-all@example.test' });
    expect([known.status, unknown.status]).toEqual([202, 202]);
    expect(await known.json()).toEqual(await unknown.json());
    await waitForMessage(app, u.email);
    await new Promise((r) => setTimeout(r, 200));
    expect(await outboxFor(app, 'nobody-at-all@example.test')).toEqual([]);
  });

  it('sets a new password from the link and revokes every session and token of the user', async () => {
    const u = await signUpWithCookie(app);
    const elsewhere = cookieClient(app);
    await elsewhere.send('POST', '/api/auth/signin', { email: u.email, password: u.password });
    const pair = (await (
      await app.send('POST', '/api/auth/token', { email: u.email, password: u.password })
    ).json()) as {
      accessToken: string;
      refreshToken: string;
    };

    await app.send('POST', '/api/auth/password/forgot', { email: u.email });
    const token = linkToken(await waitForMessage(app, u.email), '/reset-password');
    const res = await app.send('POST', '/api/auth/password/reset', { token, password: 'my fresh new secret' });
    expect(res.status).toBe(204);

    for (const client of [u, elsewhere]) expect((await client.get('/api/auth/me')).status).toBe(401);
    expect((await app.get('/api/auth/me', { headers: { authorization: `Bearer ${pair.accessToken}` } })).status).toBe(
      401,
    );
    expect((await app.send('POST', '/api/auth/token/refresh', { refreshToken: pair.refreshToken })).status).toBe(401);
    expect((await app.send('POST', '/api/auth/signin', { email: u.email, password: u.password })).status).toBe(401);
    const signedIn = await app.send('POST', '/api/auth/signin', { email: u.email, password: 'my fresh new secret' });
    expect(UserBody.parse(await signedIn.json()).user.isVerified).toBe(true);
    // The link is single use.
    await codeOf(await app.send('POST', '/api/auth/password/reset', { token, password: 'yet another secret' }), 400);
  });

  it('keeps the browser session of the same user that used the link', async () => {
    const u = await signUpWithCookie(app);
    await app.send('POST', '/api/auth/password/forgot', { email: u.email });
    const token = linkToken(await waitForMessage(app, u.email), '/reset-password');
    expect((await u.send('POST', '/api/auth/password/reset', { token, password: 'kept my session' })).status).toBe(204);
    expect((await u.get('/api/auth/me')).status).toBe(200);
  });

  it('only the latest link works, and not after an hour; the new password follows the rules', async () => {
    const u = await signUpWithCookie(app);
    await app.send('POST', '/api/auth/password/forgot', { email: u.email });
    await app.send('POST', '/api/auth/password/forgot', { email: u.email });
    const first = linkToken(await waitForMessage(app, u.email, 1), '/reset-password');
    const second = linkToken(await waitForMessage(app, u.email, 2), '/reset-password');
    await codeOf(
      await app.send('POST', '/api/auth/password/reset', { token: first, password: 'some new secret' }),
      400,
    );
    const weak = await codeOf(
      await app.send('POST', '/api/auth/password/reset', { token: second, password: 'password' }),
      400,
    );
    expect(weak.details?.[0]?.field).toBe('password');
    await sql("UPDATE email_tokens SET expires_at = now() - interval '1 second' WHERE user_id = $1", [u.user.id]);
    await codeOf(
      await app.send('POST', '/api/auth/password/reset', { token: second, password: 'some new secret' }),
      400,
    );
  });

  it('limits reset emails per address (429 with Retry-After)', async () => {
    const u = await signUpWithCookie(app);
    const statuses: number[] = [];
    let last: Response | null = null;
    for (let i = 0; i < 6; i++) {
      last = await app.send('POST', '/api/auth/password/forgot', { email: u.email });
      statuses.push(last.status);
    }
    expect(statuses).toEqual([202, 202, 202, 202, 202, 429]);
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
