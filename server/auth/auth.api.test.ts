import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserBody, UserView } from '#shared/contracts/auth';
import { ErrorBody } from '#shared/contracts/errors';
import { cookieClient, createUser, signUpWithCookie } from '../../tests/helpers/factories.ts';
import { startTestApp, type TestApp } from '../../tests/helpers/test-app.ts';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ env: { ADMIN_EMAILS: 'boss@example.test, Chief@Example.test' } });
});
afterAll(async () => {
  await app?.close();
});

async function errorOf(res: Response, status: number, code: string) {
  const text = await res.text();
  expect(res.status, text).toBe(status);
  const body = ErrorBody.parse(JSON.parse(text));
  expect(body.error.code).toBe(code);
  return body.error;
}
const userOf = async (res: Response, status = 200) => {
  const text = await res.text();
  expect(res.status, text).toBe(status);
  return UserBody.parse(JSON.parse(text)).user;
};
const sessionCookie = (c: { jar: { get(n: string): string | undefined } }) => c.jar.get('cinehub.sid');

describe('POST /api/auth/signup', () => {
  it('creates the account, answers 201 with exactly the user shape and a working session cookie', async () => {
    const client = cookieClient(app);
    const res = await client.send('POST', '/api/auth/signup', {
      email: 'Ada@Example.test',
      password: 'analytical engine 1843',
      username: 'ada_l',
      displayName: 'Ada',
    });
    expect(res.status).toBe(201);
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('cinehub.sid='));
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const body = (await res.json()) as { user: Record<string, unknown> };
    expect(Object.keys(body)).toEqual(['user']);
    expect(Object.keys(body.user).sort()).toEqual(Object.keys(UserView.shape).sort());
    const user = UserView.parse(body.user);
    expect(user).toMatchObject({
      email: 'ada@example.test',
      username: 'ada_l',
      displayName: 'Ada',
      providers: ['password'],
      isAdmin: false,
      isVerified: false,
      phoneNumber: null,
    });
    expect(new Date(user.createdAt).toISOString()).toBe(user.createdAt);
    expect(await userOf(await client.get('/api/auth/me'))).toEqual(user);
  });

  it('refuses a duplicate email or username whatever the case, with 409 on the right field', async () => {
    const first = await signUpWithCookie(app);
    const dupEmail = await app.send('POST', '/api/auth/signup', {
      email: first.email.toUpperCase(),
      password: 'another fine password',
      username: 'someone_else_1',
    });
    const e1 = await errorOf(dupEmail, 409, 'CONFLICT');
    expect(e1.details?.[0]?.field).toBe('email');
    const dupName = await app.send('POST', '/api/auth/signup', {
      email: 'fresh-address@example.test',
      password: 'another fine password',
      username: first.username.toUpperCase(),
    });
    expect((await errorOf(dupName, 409, 'CONFLICT')).details?.[0]?.field).toBe('username');
  });

  it('lets exactly one of two simultaneous sign-ups with one email through (the unique index decides)', async () => {
    const body = (username: string) => ({ email: 'race@example.test', password: 'racing to the finish', username });
    const [a, b] = await Promise.all([
      app.send('POST', '/api/auth/signup', body('racer_a')),
      app.send('POST', '/api/auth/signup', body('racer_b')),
    ]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
  });

  it.each([
    ['a short password', { password: 'short1' }, 'password'],
    ['a common password', { password: 'Password123' }, 'password'],
    ['a password of 129 characters', { password: 'x'.repeat(129) }, 'password'],
    ['a bad email', { email: 'not-an-email' }, 'email'],
    ['a username with @', { username: 'me@there' }, 'username'],
    ['the username as password', { username: 'samesame1', password: 'samesame1' }, 'password'],
  ])('refuses %s with a 400 on that field', async (_what, patch, field) => {
    const res = await app.send('POST', '/api/auth/signup', {
      email: 'valid-person@example.test',
      password: 'a perfectly fine one',
      username: 'valid_person',
      ...patch,
    });
    const error = await errorOf(res, 400, 'VALIDATION_ERROR');
    expect(error.details?.map((d) => d.field)).toContain(field);
  });

  it('refuses a password over 72 UTF-8 bytes with a clear message, even under 128 characters', async () => {
    // 25 × "é" (2 bytes) + 25 × "a" = 50 characters, 75 bytes: bcrypt would silently ignore the tail.
    const res = await app.send('POST', '/api/auth/signup', {
      email: 'bytes@example.test',
      password: `${'é'.repeat(25)}${'a'.repeat(25)}`,
      username: 'bytes_person',
    });
    const error = await errorOf(res, 400, 'VALIDATION_ERROR');
    expect(error.details).toEqual([
      expect.objectContaining({ field: 'password', message: expect.stringMatching(/72 bytes/) }),
    ]);
    // 72 bytes exactly is fine, and only the whole password signs in afterwards.
    const ok = `${'é'.repeat(24)}${'a'.repeat(24)}`;
    expect(
      (
        await app.send('POST', '/api/auth/signup', {
          email: 'bytes@example.test',
          password: ok,
          username: 'bytes_person',
        })
      ).status,
    ).toBe(201);
    expect(
      (await app.send('POST', '/api/auth/signin', { email: 'bytes_person', password: ok.slice(0, -1) })).status,
    ).toBe(401);
  });

  it('makes an address listed in ADMIN_EMAILS an admin, case-insensitively', async () => {
    const boss = await signUpWithCookie(app, { username: 'the_boss', email: 'boss@example.test' });
    expect(boss.user.isAdmin).toBe(true);
    const chief = await signUpWithCookie(app, { username: 'the_chief', email: 'chief@example.test' });
    expect(chief.user.isAdmin).toBe(true);
  });
});

describe('POST /api/auth/signin', () => {
  it('signs in by email or by username, with a new session id each time', async () => {
    const u = await signUpWithCookie(app);
    const before = sessionCookie(u);
    const byEmail = cookieClient(app);
    await byEmail.get('/api/auth/me');
    const res = await u.send('POST', '/api/auth/signin', { email: u.email.toUpperCase(), password: u.password });
    expect((await userOf(res)).id).toBe(u.user.id);
    expect(sessionCookie(u)).toBeDefined();
    expect(sessionCookie(u)).not.toBe(before);
    const byName = await byEmail.send('POST', '/api/auth/signin', { email: u.username, password: u.password });
    expect((await userOf(byName)).id).toBe(u.user.id);
    expect((await userOf(await byEmail.get('/api/auth/me'))).id).toBe(u.user.id);
  });

  it('gives the same 401 body for an unknown account and a wrong password', async () => {
    const u = await signUpWithCookie(app);
    const wrong = await errorOf(
      await app.send('POST', '/api/auth/signin', { email: u.email, password: 'not the password' }),
      401,
      'UNAUTHORIZED',
    );
    const unknown = await errorOf(
      await app.send('POST', '/api/auth/signin', { email: 'nobody-here@example.test', password: 'not the password' }),
      401,
      'UNAUTHORIZED',
    );
    expect(unknown).toEqual(wrong);
  });

  it('spends bcrypt work on an unknown account too (the metric counts a comparison)', async () => {
    const count = async () => {
      const text = await (await app.get('/metrics')).text();
      return Number(/cinehub_bcrypt_duration_seconds_count\{op="compare"\} (\d+)/.exec(text)?.[1] ?? 0);
    };
    const before = await count();
    await app.send('POST', '/api/auth/signin', { email: 'ghost@example.test', password: 'whatever it is' });
    expect(await count()).toBe(before + 1);
  });

  it('promotes an account whose email is added to ADMIN_EMAILS at its next sign-in', async () => {
    const u = await signUpWithCookie(app, { username: 'later_boss', email: 'later@example.test' });
    expect(u.user.isAdmin).toBe(false);
    app.server.runtime.config.adminEmails.push('later@example.test');
    try {
      const res = await app.send('POST', '/api/auth/signin', { email: u.email, password: u.password });
      expect((await userOf(res)).isAdmin).toBe(true);
    } finally {
      app.server.runtime.config.adminEmails.pop();
    }
  });

  it('refuses a banned account with 403 (right password) and ends its existing session at once', async () => {
    const u = await signUpWithCookie(app);
    await app.server.runtime.database.pool.query('UPDATE users SET is_banned = true WHERE id = $1', [u.user.id]);
    await errorOf(await u.get('/api/auth/me'), 401, 'UNAUTHORIZED');
    await errorOf(
      await app.send('POST', '/api/auth/signin', { email: u.email, password: u.password }),
      403,
      'FORBIDDEN',
    );
    await errorOf(
      await app.send('POST', '/api/auth/signin', { email: u.email, password: 'wrong guess here' }),
      401,
      'UNAUTHORIZED',
    );
  });

  it('a remembered sign-in gets a 30-day cookie, a plain one the 30-minute idle cookie', async () => {
    const u = await signUpWithCookie(app);
    const plain = await app.send('POST', '/api/auth/signin', { email: u.email, password: u.password });
    const remembered = await app.send('POST', '/api/auth/signin', {
      email: u.email,
      password: u.password,
      remember: true,
    });
    const maxAge = (res: Response) => {
      const expires = /Expires=([^;]+)/i.exec(res.headers.getSetCookie().join(';'))?.[1];
      return (new Date(expires!).getTime() - Date.now()) / 1000;
    };
    expect(maxAge(plain)).toBeGreaterThan(25 * 60);
    expect(maxAge(plain)).toBeLessThan(31 * 60);
    expect(maxAge(remembered)).toBeGreaterThan(29 * 24 * 3600);
  });
});

describe('sessions', () => {
  it('POST /api/auth/logout destroys the session and clears the cookie', async () => {
    const u = await signUpWithCookie(app);
    const cookie = u.jar.header();
    const res = await u.send('POST', '/api/auth/logout');
    expect(res.status).toBe(204);
    expect(res.headers.getSetCookie().join(';')).toMatch(/cinehub\.sid=;.*Expires=Thu, 01 Jan 1970/i);
    // The old cookie, replayed, is no longer a session.
    await errorOf(await app.get('/api/auth/me', { headers: { cookie } }), 401, 'UNAUTHORIZED');
  });

  it('requires the CSRF header on cookie-authenticated writes, but not on Bearer ones', async () => {
    const u = await signUpWithCookie(app);
    await errorOf(await u.send('PATCH', '/api/auth/me', { displayName: 'X' }, { csrf: false }), 403, 'FORBIDDEN');
    expect((await userOf(await u.send('PATCH', '/api/auth/me', { displayName: 'X' }))).displayName).toBe('X');
    const api = await createUser(app);
    expect((await api.send('PATCH', '/api/auth/me', { firstName: 'Bee' })).status).toBe(200);
  });

  it('GET /api/auth/me is a 401 when anonymous and answers Bearer clients', async () => {
    await errorOf(await app.get('/api/auth/me'), 401, 'UNAUTHORIZED');
    const api = await createUser(app);
    expect((await userOf(await api.get('/api/auth/me'))).id).toBe(api.id);
  });
});

describe('PATCH /api/auth/me', () => {
  it('updates and clears profile names, and refuses every other field', async () => {
    const u = await signUpWithCookie(app, { displayName: 'Before' });
    const updated = await userOf(
      await u.send('PATCH', '/api/auth/me', { displayName: 'After', firstName: 'Ann', lastName: 'Lee' }),
    );
    expect(updated).toMatchObject({ displayName: 'After', firstName: 'Ann', lastName: 'Lee' });
    expect((await userOf(await u.send('PATCH', '/api/auth/me', { lastName: null }))).lastName).toBeNull();
    for (const field of ['isAdmin', 'isVerified', 'providers', 'id', 'email', 'passwordHash']) {
      await errorOf(await u.send('PATCH', '/api/auth/me', { [field]: true }), 400, 'VALIDATION_ERROR');
    }
    expect((await userOf(await u.get('/api/auth/me'))).isAdmin).toBe(false);
  });
});

describe('POST /api/auth/password/change', () => {
  it('needs the current password, then keeps this session and ends every other one', async () => {
    const u = await signUpWithCookie(app);
    const other = cookieClient(app);
    await userOf(await other.send('POST', '/api/auth/signin', { email: u.email, password: u.password }));
    const token = await app.send('POST', '/api/auth/token', { email: u.email, password: u.password });
    const { accessToken } = (await token.json()) as { accessToken: string };

    const wrong = await errorOf(
      await u.send('POST', '/api/auth/password/change', {
        currentPassword: 'nope nope nope',
        newPassword: 'a brand new secret',
      }),
      400,
      'VALIDATION_ERROR',
    );
    expect(wrong.details?.[0]?.field).toBe('currentPassword');
    const before = sessionCookie(u);
    expect(
      (
        await u.send('POST', '/api/auth/password/change', {
          currentPassword: u.password,
          newPassword: 'a brand new secret',
        })
      ).status,
    ).toBe(204);
    expect(sessionCookie(u)).not.toBe(before);
    expect((await u.get('/api/auth/me')).status).toBe(200);
    await errorOf(await other.get('/api/auth/me'), 401, 'UNAUTHORIZED');
    await errorOf(
      await app.get('/api/auth/me', { headers: { authorization: `Bearer ${accessToken}` } }),
      401,
      'UNAUTHORIZED',
    );
    expect((await app.send('POST', '/api/auth/signin', { email: u.email, password: u.password })).status).toBe(401);
    expect(
      (await app.send('POST', '/api/auth/signin', { email: u.email, password: 'a brand new secret' })).status,
    ).toBe(200);
  });
});

describe('POST /api/auth/sessions/revoke-all', () => {
  it('signs the user out of every browser and API client at once', async () => {
    const u = await signUpWithCookie(app);
    const other = cookieClient(app);
    await other.send('POST', '/api/auth/signin', { email: u.email, password: u.password });
    const pair = (await (
      await app.send('POST', '/api/auth/token', { email: u.email, password: u.password })
    ).json()) as {
      accessToken: string;
      refreshToken: string;
    };
    const res = await u.send('POST', '/api/auth/sessions/revoke-all');
    expect(res.status).toBe(204);
    for (const client of [u, other]) await errorOf(await client.get('/api/auth/me'), 401, 'UNAUTHORIZED');
    await errorOf(
      await app.get('/api/auth/me', { headers: { authorization: `Bearer ${pair.accessToken}` } }),
      401,
      'UNAUTHORIZED',
    );
    await errorOf(
      await app.send('POST', '/api/auth/token/refresh', { refreshToken: pair.refreshToken }),
      401,
      'UNAUTHORIZED',
    );
    const { rows } = await app.server.runtime.database.pool.query(
      `SELECT count(*)::int AS n FROM session WHERE sess->>'userId' = $1`,
      [u.user.id],
    );
    expect(rows[0].n).toBe(0);
  });
});

describe('/api/docs', () => {
  it('documents every auth route, the extra ones included', async () => {
    const doc = (await (await app.get('/api/docs')).json()) as { paths: Record<string, Record<string, unknown>> };
    for (const [path, method] of [
      ['/api/auth/signup', 'post'],
      ['/api/auth/signin', 'post'],
      ['/api/auth/logout', 'post'],
      ['/api/auth/me', 'get'],
      ['/api/auth/me', 'patch'],
      ['/api/auth/token', 'post'],
      ['/api/auth/token/refresh', 'post'],
      ['/api/auth/token/revoke', 'post'],
      ['/api/auth/otp/request', 'post'],
      ['/api/auth/otp/verify', 'post'],
      ['/api/auth/email/verify/request', 'post'],
      ['/api/auth/email/verify', 'post'],
      ['/api/auth/password/forgot', 'post'],
      ['/api/auth/password/reset', 'post'],
      ['/api/auth/password/change', 'post'],
      ['/api/auth/sessions/revoke-all', 'post'],
    ] as const) {
      expect(doc.paths[path]?.[method], `${method} ${path}`).toBeDefined();
    }
    // OAuth is not configured in this app: its routes neither exist nor are documented.
    expect(doc.paths['/api/auth/google']).toBeUndefined();
    expect((await app.get('/api/auth/google')).status).toBe(404);
  });
});
