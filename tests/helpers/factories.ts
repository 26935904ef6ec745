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
