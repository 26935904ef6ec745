import { UserBody, type UserView } from '#shared/contracts/auth';
import { signAccessToken } from '../../server/auth/access-tokens.ts';
import type { TestApp } from './test-app.ts';

let counter = 0;

export interface TestUser {
  id: string;
  username: string;
  email: string;
  token: string;
  /** Requests as this user with a Bearer token (no CSRF header needed). */
  get(path: string): Promise<Response>;
  send(method: string, path: string, body?: unknown): Promise<Response>;
}

/**
 * A user row made directly in the app's database, with a valid access token. Deterministic names
 * from a counter. For flows through the sign-up API itself, use the auth API in the test.
 */
export async function createUser(app: TestApp, opts: { isAdmin?: boolean; username?: string } = {}): Promise<TestUser> {
  const n = ++counter;
  const username = opts.username ?? `user${n}_${process.pid}`;
  const email = `${username}@example.test`;
  const { rows } = await app.server.runtime.database.pool.query<{ id: string; token_version: number }>(
    `INSERT INTO users (email, username, display_name, is_admin, is_verified)
     VALUES ($1, $2, $3, $4, true) RETURNING id, token_version`,
    [email, username, `User ${n}`, opts.isAdmin ?? false],
  );
  const row = rows[0]!;
  const token = signAccessToken(app.server.runtime.config.secrets.jwt, { sub: row.id, ver: row.token_version });
  const auth = { authorization: `Bearer ${token}` };
  return {
    id: row.id,
    username,
    email,
    token,
    get: (path) => app.get(path, { headers: auth }),
    send: (method, path, body) => app.send(method, path, body, auth),
  };
}

/** A tiny cookie jar for fetch: keeps what Set-Cookie sends, drops what it expires. */
export class CookieJar {
  private cookies = new Map<string, string>();
  store(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair = '', ...attrs] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attrs.some((a) => /^\s*expires=/i.test(a) && new Date(a.split('=')[1]!).getTime() <= Date.now());
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
  get(name: string): string | undefined {
    return this.cookies.get(name);
  }
  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
  clear(): void {
    this.cookies.clear();
  }
}

/** A browser-like client: a cookie jar, and the CSRF header on writes unless told otherwise. */
export interface CookieClient {
  jar: CookieJar;
  get(path: string, headers?: Record<string, string>): Promise<Response>;
  send(
    method: string,
    path: string,
    body?: unknown,
    opts?: { csrf?: boolean; headers?: Record<string, string> },
  ): Promise<Response>;
}

export function cookieClient(app: TestApp): CookieClient {
  const jar = new CookieJar();
  const withCookies = (headers: Record<string, string> = {}) => {
    const cookie = jar.header();
    return cookie ? { ...headers, cookie } : headers;
  };
  return {
    jar,
    async get(path, headers) {
      const res = await app.get(path, { headers: withCookies(headers), redirect: 'manual' });
      jar.store(res);
      return res;
    },
    async send(method, path, body, opts = {}) {
      const csrf: Record<string, string> = opts.csrf === false ? {} : { 'x-requested-with': 'cinehub' };
      const res = await app.send(method, path, body, withCookies({ ...csrf, ...opts.headers }));
      jar.store(res);
      return res;
    },
  };
}

export interface CookieUser extends CookieClient {
  user: UserView;
  email: string;
  username: string;
  password: string;
}

/**
 * A user made through the real sign-up API, holding the session cookie it got back; writes carry
 * the CSRF header. Deterministic names from the shared counter.
 */
export async function signUpWithCookie(
  app: TestApp,
  opts: { username?: string; email?: string; password?: string; displayName?: string } = {},
): Promise<CookieUser> {
  const n = ++counter;
  const username = opts.username ?? `member${n}_${process.pid}`;
  const email = opts.email ?? `${username}@example.test`.toLowerCase();
  const password = opts.password ?? `Correct horse ${n} battery`;
  const client = cookieClient(app);
  const res = await client.send('POST', '/api/auth/signup', {
    email,
    username,
    password,
    ...(opts.displayName ? { displayName: opts.displayName } : {}),
  });
  if (res.status !== 201) throw new Error(`sign-up failed: ${res.status} ${await res.text()}`);
  const { user } = UserBody.parse(await res.json());
  return { ...client, user, email, username, password };
}
