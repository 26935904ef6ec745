import { OAuth2Server } from 'oauth2-mock-server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { UserBody } from '#shared/contracts/auth';
import { cookieClient, signUpWithCookie, type CookieClient } from '../../tests/helpers/factories.ts';
import { startTestApp, type TestApp } from '../../tests/helpers/test-app.ts';

// The real passport strategies, pointed at oauth2-mock-server (one per provider: GitHub's
// profile lives at /user and /user/emails, answered by the mock's userinfo handler).
let app: TestApp;
let google: OAuth2Server;
let github: OAuth2Server;
let googleProfile: Record<string, unknown>;
let githubUser: Record<string, unknown>;
let githubEmails: { email: string; primary: boolean; verified: boolean }[];
let tokenStatus = 200;
const tokenRequests: Record<string, string>[] = [];

beforeAll(async () => {
  google = new OAuth2Server();
  github = new OAuth2Server(undefined, undefined, { endpoints: { userinfo: '/user{/emails}' } });
  for (const mock of [google, github]) {
    await mock.issuer.keys.generate('RS256');
    await mock.start(0, '127.0.0.1');
    mock.service.on('beforeResponse', (response: { statusCode: number }, req: { body: Record<string, string> }) => {
      tokenRequests.push(req.body);
      response.statusCode = tokenStatus;
    });
  }
  google.service.on('beforeUserinfo', (response: { body: unknown }) => {
    response.body = googleProfile;
  });
  github.service.on('beforeUserinfo', (response: { body: unknown }, req: { url: string }) => {
    response.body = req.url.endsWith('/emails') ? githubEmails : githubUser;
  });
  const g = google.issuer.url!;
  const h = github.issuer.url!;
  app = await startTestApp({
    env: {
      GOOGLE_CLIENT_ID: 'google-client',
      GOOGLE_CLIENT_SECRET: 'google-secret',
      GOOGLE_AUTH_URL: `${g}/authorize`,
      GOOGLE_TOKEN_URL: `${g}/token`,
      GOOGLE_USERINFO_URL: `${g}/userinfo`,
      GITHUB_CLIENT_ID: 'github-client',
      GITHUB_CLIENT_SECRET: 'github-secret',
      GITHUB_AUTH_URL: `${h}/authorize`,
      GITHUB_TOKEN_URL: `${h}/token`,
      GITHUB_API_URL: h,
    },
  });
});
afterAll(async () => {
  await app?.close();
  await google?.stop();
  await github?.stop();
});

let n = 0;
beforeEach(() => {
  n++;
  tokenStatus = 200;
  tokenRequests.length = 0;
  googleProfile = {
    sub: `g-${n}`,
    email: `g${n}@gmail.test`,
    email_verified: true,
    name: `Gee ${n}`,
    given_name: 'Gee',
    family_name: `No${n}`,
  };
  githubUser = { id: 7000 + n, login: `octo${n}`, name: `Octo ${n}` };
  githubEmails = [{ email: `octo${n}@github.test`, primary: true, verified: true }];
});

/** Start → the provider (which approves at once) → our callback, like a browser following redirects. */
async function signInWith(client: CookieClient, provider: 'google' | 'github', returnTo = '/somewhere') {
  const start = await client.get(`/api/auth/${provider}?returnTo=${encodeURIComponent(returnTo)}`);
  expect(start.status).toBe(302);
  const authorize = new URL(start.headers.get('location')!);
  const atProvider = await fetch(authorize, { redirect: 'manual' });
  expect(atProvider.status).toBe(302);
  const back = new URL(atProvider.headers.get('location')!);
  const callback = await client.get(`${back.pathname}${back.search}`);
  return { authorize, back, callback };
}
const me = async (client: CookieClient) => {
  const res = await client.get('/api/auth/me');
  return res.status === 200 ? UserBody.parse(await res.json()).user : null;
};

describe('Google', () => {
  it('creates an account for a new identity, with state and PKCE, and lands on returnTo', async () => {
    const client = cookieClient(app);
    const { authorize, callback } = await signInWith(client, 'google', '/movies?page=2');
    expect(authorize.searchParams.get('state')).toMatch(/.{16,}/);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(authorize.searchParams.get('scope')).toContain('email');
    expect(authorize.searchParams.get('redirect_uri')).toMatch(/\/api\/auth\/google\/callback$/);
    // The mock checks the verifier against the challenge; our token request carried one.
    expect(tokenRequests[0]?.code_verifier).toMatch(/.{43,}/);

    expect(callback.status).toBe(302);
    expect(callback.headers.get('location')).toBe('/movies?page=2');
    const user = await me(client);
    expect(user).toMatchObject({
      email: `g${n}@gmail.test`,
      isVerified: true,
      providers: ['google'],
      displayName: `Gee ${n}`,
      firstName: 'Gee',
      lastName: `No${n}`,
    });
    expect(
      await app.rows('SELECT provider, provider_user_id FROM social_accounts WHERE user_id = $1', [user!.id]),
    ).toEqual([{ provider: 'google', provider_user_id: `g-${n}` }]);
  });

  it('signs a returning identity into the same account, with a new session id', async () => {
    const first = cookieClient(app);
    await signInWith(first, 'google');
    const id = (await me(first))!.id;
    const second = cookieClient(app);
    await signInWith(second, 'google');
    expect((await me(second))!.id).toBe(id);
    expect(second.jar.get('cinehub.sid')).not.toBe(first.jar.get('cinehub.sid'));
    expect(await app.rows('SELECT count(*)::int AS c FROM users WHERE email = $1', [`g${n}@gmail.test`])).toEqual([
      { c: 1 },
    ]);
  });

  it('links to an existing account when Google says the email is verified', async () => {
    const u = await signUpWithCookie(app, { email: `g${n}@gmail.test` });
    await app.rows('UPDATE users SET is_verified = true WHERE id = $1', [u.user.id]);
    const client = cookieClient(app);
    await signInWith(client, 'google');
    const user = await me(client);
    expect(user?.id).toBe(u.user.id);
    expect(user?.providers).toEqual(['password', 'google']);
    // A proven account keeps its password.
    expect((await app.send('POST', '/api/auth/signin', { email: u.email, password: u.password })).status).toBe(200);
  });

  it('takes over an unproven address from whoever set a password on it (pre-hijacking)', async () => {
    const squatter = await signUpWithCookie(app, { email: `g${n}@gmail.test` });
    const client = cookieClient(app);
    await signInWith(client, 'google');
    const user = await me(client);
    expect(user).toMatchObject({ id: squatter.user.id, isVerified: true, providers: ['google'] });
    expect(
      (await app.send('POST', '/api/auth/signin', { email: squatter.email, password: squatter.password })).status,
    ).toBe(401);
    expect(await me(squatter)).toBeNull();
  });

  it('never links by an email Google does not call verified', async () => {
    const u = await signUpWithCookie(app, { email: `g${n}@gmail.test` });
    googleProfile.email_verified = false;
    const client = cookieClient(app);
    await signInWith(client, 'google');
    const user = await me(client);
    expect(user?.id).not.toBe(u.user.id);
    expect(user).toMatchObject({ email: null, isVerified: false, providers: ['google'] });
  });

  it('refuses a callback whose state does not match, and one with no flow started', async () => {
    const client = cookieClient(app);
    const start = await client.get('/api/auth/google');
    const authorize = new URL(start.headers.get('location')!);
    const back = new URL((await fetch(authorize, { redirect: 'manual' })).headers.get('location')!);
    back.searchParams.set('state', 'forged-state-value');
    const forged = await client.get(`${back.pathname}${back.search}`);
    expect(forged.status).toBe(403);
    expect(((await forged.json()) as { error: { code: string } }).error.code).toBe('FORBIDDEN');
    expect(await me(client)).toBeNull();

    const stranger = cookieClient(app);
    const noFlow = await stranger.get(
      `/api/auth/google/callback?code=abc&state=${authorize.searchParams.get('state')}`,
    );
    expect(noFlow.status).toBe(403);
    expect(await me(stranger)).toBeNull();
  });

  it('ignores an off-site returnTo and lands on /', async () => {
    for (const returnTo of [
      '//evil.test/x',
      'https://evil.test/',
      '/\\evil.test',
      'javascript:alert(1)',
      '/\t/evil.test',
    ]) {
      const { callback } = await signInWith(cookieClient(app), 'google', returnTo);
      expect(callback.status).toBe(302);
      expect(callback.headers.get('location')).toBe('/');
    }
  });

  it('refuses a suspended account', async () => {
    const client = cookieClient(app);
    await signInWith(client, 'google');
    const id = (await me(client))!.id;
    await app.rows('UPDATE users SET is_banned = true WHERE id = $1', [id]);
    const { callback } = await signInWith(cookieClient(app), 'google');
    expect(callback.status).toBe(403);
  });

  it('answers 503 when Google fails to issue a token', async () => {
    tokenStatus = 500;
    const client = cookieClient(app);
    const { callback } = await signInWith(client, 'google');
    expect(callback.status).toBe(503);
    expect(await me(client)).toBeNull();
  });
});

describe('sign-in page', () => {
  it('shows a button for each configured provider, rendered by the server', async () => {
    const html = await (await app.get('/sign-in?returnTo=%2Fmovies')).text();
    expect(html).toContain('href="/api/auth/google?returnTo=%2Fmovies"');
    expect(html).toContain('href="/api/auth/github?returnTo=%2Fmovies"');
    expect(html).toContain('Continue with Google');
  });
});

describe('GitHub', () => {
  it('creates an account from /user and the verified primary of /user/emails', async () => {
    const client = cookieClient(app);
    const { authorize, callback } = await signInWith(client, 'github', '/tv');
    expect(authorize.searchParams.get('state')).toBeTruthy();
    expect(callback.headers.get('location')).toBe('/tv');
    const user = await me(client);
    expect(user).toMatchObject({
      username: `octo${n}`,
      email: `octo${n}@github.test`,
      isVerified: true,
      providers: ['github'],
      displayName: `Octo ${n}`,
    });
    // Returning: same account.
    const again = cookieClient(app);
    await signInWith(again, 'github');
    expect((await me(again))!.id).toBe(user!.id);
  });

  it('links by verified email, but not by an unverified one', async () => {
    const verified = await signUpWithCookie(app, { email: `octo${n}@github.test` });
    await app.rows('UPDATE users SET is_verified = true WHERE id = $1', [verified.user.id]);
    const a = cookieClient(app);
    await signInWith(a, 'github');
    expect((await me(a))!.id).toBe(verified.user.id);

    n++;
    githubUser = { id: 9000 + n, login: `other${n}`, name: null };
    const other = await signUpWithCookie(app, { email: `other${n}@github.test` });
    githubEmails = [{ email: `other${n}@github.test`, primary: true, verified: false }];
    const b = cookieClient(app);
    await signInWith(b, 'github');
    const user = await me(b);
    expect(user?.id).not.toBe(other.user.id);
    expect(user?.email).toBeNull();
  });

  it('links GitHub to the signed-in account, and refuses an identity another account owns', async () => {
    const u = await signUpWithCookie(app);
    const { callback } = await signInWith(u, 'github', '/account');
    expect(callback.headers.get('location')).toBe('/account');
    expect(await me(u)).toMatchObject({ id: u.user.id, providers: ['password', 'github'] });

    const v = await signUpWithCookie(app);
    const taken = await signInWith(v, 'github');
    expect(taken.callback.status).toBe(409);
    expect((await me(v))!.providers).toEqual(['password']);
  });

  it('a bad state is refused for GitHub too', async () => {
    const client = cookieClient(app);
    const start = await client.get('/api/auth/github');
    const state = new URL(start.headers.get('location')!).searchParams.get('state');
    const res = await client.get(`/api/auth/github/callback?code=whatever&state=${state}x`);
    expect(res.status).toBe(403);
  });
});
