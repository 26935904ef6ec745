import jwt from 'jsonwebtoken';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { TokenPair, UserBody } from '#shared/contracts/auth';
import { ErrorBody } from '#shared/contracts/errors';
import { cookieClient, signUpWithCookie } from '../helpers/factories.ts';
import { startTestApp, type TestApp } from '../helpers/test-app.ts';

// SECURITY.md's account cases, attacked through the public contract (API.md).
let app: TestApp;
let secret: string;
beforeAll(async () => {
  app = await startTestApp();
  secret = app.server.runtime.config.secrets.jwt;
});
afterAll(async () => {
  await app?.close();
});
// Every test starts with fresh brute-force counters (they are per address, and all tests share 127.0.0.1).
afterEach(async () => {
  await app.server.runtime.database.pool.query('DELETE FROM rate_limits');
});

async function errorCode(res: Response) {
  return ErrorBody.parse(await res.json()).error.code;
}
const withBearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });
const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');

describe('mass assignment', () => {
  it.each(['isAdmin', 'isVerified', 'providers', 'id', 'tokenVersion', 'isBanned'])(
    'sign-up with %s is a 400 and creates nothing',
    async (field) => {
      const res = await app.send('POST', '/api/auth/signup', {
        email: `mass-${field}@example.test`,
        password: 'a decent password',
        username: `mass_${field}`,
        [field]: field === 'providers' ? ['google'] : field === 'id' ? '00000000-0000-4000-8000-000000000000' : true,
      });
      expect(res.status).toBe(400);
      expect(await errorCode(res)).toBe('VALIDATION_ERROR');
      expect(await app.rows('SELECT 1 FROM users WHERE username = $1', [`mass_${field}`])).toEqual([]);
    },
  );
});

describe('credential probing', () => {
  it('answers an unknown account and a wrong password with the same status and body', async () => {
    const u = await signUpWithCookie(app);
    const probes = await Promise.all([
      app.send('POST', '/api/auth/signin', { email: u.email, password: 'wrong-password-1' }),
      app.send('POST', '/api/auth/signin', { email: 'nobody.ever@example.test', password: 'wrong-password-1' }),
      app.send('POST', '/api/auth/signin', { email: u.username, password: 'wrong-password-1' }),
      app.send('POST', '/api/auth/signin', { email: 'no_such_user', password: 'wrong-password-1' }),
    ]);
    const bodies = await Promise.all(probes.map((r) => r.text()));
    expect(probes.map((r) => r.status)).toEqual([401, 401, 401, 401]);
    expect(new Set(bodies).size).toBe(1);
  });

  it('treats SQL-looking input as data', async () => {
    const res = await app.send('POST', '/api/auth/signin', { email: "' OR '1'='1' --", password: "' OR '1'='1" });
    expect(res.status).toBe(401);
  });

  it('never truncates: a password over 72 bytes is refused at sign-up, and its 72-byte prefix does not sign in', async () => {
    const long = 'p'.repeat(73);
    const res = await app.send('POST', '/api/auth/signup', {
      email: 'long@example.test',
      password: long,
      username: 'long_pw',
    });
    expect(res.status).toBe(400);
    const u = await signUpWithCookie(app, { password: 'q'.repeat(72) });
    expect((await app.send('POST', '/api/auth/signin', { email: u.email, password: 'q'.repeat(73) })).status).toBe(401);
    expect((await app.send('POST', '/api/auth/signin', { email: u.email, password: 'q'.repeat(72) })).status).toBe(200);
  });
});

describe('brute force', () => {
  it('locks an account after 10 failures: even the right password gets 429 with Retry-After until the window ends', async () => {
    const u = await signUpWithCookie(app);
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      statuses.push(
        (
          await app.send('POST', '/api/auth/signin', {
            email: i % 2 ? u.email : u.username,
            password: `guess-${i}-xyz`,
          })
        ).status,
      );
    }
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(statuses.slice(10)).toEqual([429, 429]);
    const right = await app.send('POST', '/api/auth/signin', { email: u.email, password: u.password });
    expect(right.status).toBe(429);
    const retryAfter = Number(right.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(60);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    expect(await errorCode(right)).toBe('RATE_LIMITED');
    // The token endpoint is the same door.
    expect((await app.send('POST', '/api/auth/token', { email: u.email, password: u.password })).status).toBe(429);

    // When the window has passed, the right password works again.
    await app.rows("UPDATE rate_limits SET reset_at = now() - interval '1 second' WHERE key LIKE 'signin-account:%'");
    expect((await app.send('POST', '/api/auth/signin', { email: u.email, password: u.password })).status).toBe(200);
  });

  it('counts failures per address across accounts too', async () => {
    let status = 0;
    let tries = 0;
    while (status !== 429 && tries < 60) {
      tries++;
      status = (
        await app.send('POST', '/api/auth/signin', { email: `spray${tries}@example.test`, password: 'Winter2024!' })
      ).status;
    }
    expect(status).toBe(429);
    // 50 failures allowed; a successful sign-in of the previous test may still give one back (its
    // decrement runs after its response), hence 51 or 52.
    expect(tries).toBeGreaterThanOrEqual(51);
    expect(tries).toBeLessThanOrEqual(52);
  });

  it('fails closed: with the limit store unavailable, sign-in is a 503, not unthrottled', async () => {
    const u = await signUpWithCookie(app);
    await app.rows('ALTER TABLE rate_limits RENAME TO rate_limits_away');
    try {
      const res = await app.send('POST', '/api/auth/signin', { email: u.email, password: u.password });
      expect(res.status).toBe(503);
      expect(await errorCode(res)).toBe('UPSTREAM_UNAVAILABLE');
    } finally {
      await app.rows('ALTER TABLE rate_limits_away RENAME TO rate_limits');
    }
    expect((await app.send('POST', '/api/auth/signin', { email: u.email, password: u.password })).status).toBe(200);
  });
});

describe('access tokens', () => {
  let pair: TokenPair;
  beforeAll(async () => {
    const u = await signUpWithCookie(app);
    pair = TokenPair.parse(
      await (await app.send('POST', '/api/auth/token', { email: u.email, password: u.password })).json(),
    );
  });

  it('accepts the genuine token', async () => {
    expect((await app.get('/api/auth/me', withBearer(pair.accessToken))).status).toBe(200);
  });

  it.each([
    [
      'a tampered payload',
      () => {
        const [h, , s] = pair.accessToken.split('.');
        return `${h}.${b64({ ...(jwt.decode(pair.accessToken) as object), sub: '00000000-0000-4000-8000-000000000000' })}.${s}`;
      },
    ],
    ['alg: none', () => `${b64({ alg: 'none', typ: 'JWT' })}.${pair.accessToken.split('.')[1]}.`],
    [
      'an expired token',
      () => {
        const claims = jwt.decode(pair.accessToken) as { sub: string; ver: number };
        return jwt.sign({ ver: claims.ver, exp: Math.floor(Date.now() / 1000) - 10 }, secret, {
          algorithm: 'HS256',
          subject: claims.sub,
          issuer: 'cinehub-pro',
          audience: 'cinehub-pro-api',
        });
      },
    ],
    [
      'another secret',
      () => {
        const claims = jwt.decode(pair.accessToken) as { sub: string; ver: number };
        return jwt.sign({ ver: claims.ver }, 'x'.repeat(40), {
          algorithm: 'HS256',
          subject: claims.sub,
          issuer: 'cinehub-pro',
          audience: 'cinehub-pro-api',
          expiresIn: 600,
        });
      },
    ],
    [
      'a foreign audience',
      () => {
        const claims = jwt.decode(pair.accessToken) as { sub: string; ver: number };
        return jwt.sign({ ver: claims.ver }, secret, {
          algorithm: 'HS256',
          subject: claims.sub,
          issuer: 'cinehub-pro',
          audience: 'someone-else',
          expiresIn: 600,
        });
      },
    ],
    [
      'HS512 with the right secret (algorithm not pinned)',
      () => {
        const claims = jwt.decode(pair.accessToken) as { sub: string; ver: number };
        return jwt.sign({ ver: claims.ver }, secret, {
          algorithm: 'HS512',
          subject: claims.sub,
          issuer: 'cinehub-pro',
          audience: 'cinehub-pro-api',
          expiresIn: 600,
        });
      },
    ],
    [
      'an old token version',
      () => {
        const claims = jwt.decode(pair.accessToken) as { sub: string; ver: number };
        return jwt.sign({ ver: claims.ver - 1 }, secret, {
          algorithm: 'HS256',
          subject: claims.sub,
          issuer: 'cinehub-pro',
          audience: 'cinehub-pro-api',
          expiresIn: 600,
        });
      },
    ],
    ['garbage', () => 'not.a.jwt'],
  ])('refuses %s with 401, never falling back to anonymous', async (_what, make) => {
    const token = make();
    for (const path of ['/api/auth/me', '/api/movies/trending']) {
      const res = await app.get(path, withBearer(token));
      expect(res.status, path).toBe(401);
      expect(await errorCode(res)).toBe('UNAUTHORIZED');
    }
  });
});

describe('sessions', () => {
  it('gives a new session id at sign-in: a planted or earlier cookie does not become the signed-in one', async () => {
    const victim = await signUpWithCookie(app);
    const attacker = cookieClient(app);
    await attacker.send('POST', '/api/auth/signin', { email: victim.email, password: victim.password });
    const planted = attacker.jar.header();
    await attacker.send('POST', '/api/auth/logout');
    // The victim's browser carries the attacker's (now dead) cookie and signs in.
    const browser = cookieClient(app);
    const res = await app.send(
      'POST',
      '/api/auth/signin',
      { email: victim.email, password: victim.password },
      { cookie: planted },
    );
    browser.jar.store(res);
    expect(res.status).toBe(200);
    expect(browser.jar.header()).not.toBe(planted);
    expect((await app.get('/api/auth/me', { headers: { cookie: planted } })).status).toBe(401);
  });

  it('refuses cookie-authenticated writes without X-Requested-With (CSRF), whatever the route', async () => {
    const u = await signUpWithCookie(app);
    for (const [method, path, body] of [
      ['POST', '/api/auth/logout', undefined],
      ['PATCH', '/api/auth/me', { displayName: 'pwned' }],
      ['POST', '/api/auth/sessions/revoke-all', undefined],
      ['POST', '/api/auth/password/change', { currentPassword: u.password, newPassword: 'attacker chosen pw' }],
    ] as const) {
      const res = await u.send(method, path, body, { csrf: false });
      expect(res.status, `${method} ${path}`).toBe(403);
      expect(await errorCode(res)).toBe('FORBIDDEN');
    }
    const still = UserBody.parse(await (await u.get('/api/auth/me')).json()).user;
    expect(still.displayName).toBeNull();
  });

  it('a cross-site form post (not JSON) cannot sign anyone in', async () => {
    const u = await signUpWithCookie(app);
    const res = await fetch(`${app.url}/api/auth/signin`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ email: u.email, password: u.password }),
    });
    expect(res.status).toBe(400);
    expect(res.headers.getSetCookie().some((c) => c.startsWith('cinehub.sid='))).toBe(false);
  });

  it('a banned user is out everywhere at once', async () => {
    const u = await signUpWithCookie(app);
    const pair = TokenPair.parse(
      await (await app.send('POST', '/api/auth/token', { email: u.email, password: u.password })).json(),
    );
    await app.rows('UPDATE users SET is_banned = true WHERE id = $1', [u.user.id]);
    expect((await u.get('/api/auth/me')).status).toBe(401);
    expect((await app.get('/api/auth/me', withBearer(pair.accessToken))).status).toBe(401);
    expect((await app.send('POST', '/api/auth/token/refresh', { refreshToken: pair.refreshToken })).status).toBe(401);
  });
});
