import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdminUser, AdminUserPage, AuditPage } from '#shared/contracts/admin';
import { ErrorBody } from '#shared/contracts/errors';
import { createUser, signUpWithCookie, type TestUser } from '../../tests/helpers/factories.ts';
import { startTestApp, type TestApp } from '../../tests/helpers/test-app.ts';
import { openSocket } from '../../tests/helpers/ws.ts';

let app: TestApp;
let admin: TestUser;
beforeAll(async () => {
  app = await startTestApp();
  admin = await createUser(app, { isAdmin: true, username: 'chief_admin' });
});
afterAll(async () => {
  await app?.close();
});

const patch = (id: string, body: unknown) => admin.send('PATCH', `/api/admin/users/${id}`, body);
const audit = async (q: string) =>
  AuditPage.parse(await (await admin.get(`/api/admin/audit?q=${encodeURIComponent(q)}`)).json());

describe('GET /api/admin/users', () => {
  it('searches by email, username or display name, paginated, without secrets', async () => {
    await createUser(app, { username: 'zelda_search' });
    await createUser(app, { username: 'zelda_other' });
    const res = await admin.get('/api/admin/users?q=ZELDA&limit=1');
    expect(res.status).toBe(200);
    const raw = (await res.json()) as { items: Record<string, unknown>[] };
    const page = AdminUserPage.parse(raw);
    expect(page.meta).toEqual({ page: 1, limit: 1, total: 2, totalPages: 2 });
    expect(page.items[0]!.username).toMatch(/^zelda_/);
    expect(Object.keys(raw.items[0]!).sort()).toEqual(
      ['createdAt', 'displayName', 'email', 'id', 'isAdmin', 'isBanned', 'isVerified', 'username'].sort(),
    );
    const second = AdminUserPage.parse(await (await admin.get('/api/admin/users?q=zelda&limit=1&page=2')).json());
    expect(second.items[0]!.id).not.toBe(page.items[0]!.id);
  });

  it('takes % and _ in a search literally', async () => {
    const page = AdminUserPage.parse(await (await admin.get('/api/admin/users?q=%25')).json());
    expect(page.meta.total).toBe(0);
  });

  it('refuses limit over 100 with a 400 naming the field', async () => {
    const res = await admin.get('/api/admin/users?limit=101');
    expect(res.status).toBe(400);
    expect(ErrorBody.parse(await res.json()).error.details?.[0]?.field).toBe('limit');
  });
});

describe('PATCH /api/admin/users/:id', () => {
  it('promotes and demotes, each audited with who did it', async () => {
    const target = await createUser(app);
    const up = await patch(target.id, { isAdmin: true });
    expect(up.status).toBe(200);
    expect(AdminUser.parse(await up.json()).isAdmin).toBe(true);
    // The promotion works at once: the same token now opens the admin API.
    expect((await target.get('/api/admin/access')).status).toBe(200);
    expect((await patch(target.id, { isAdmin: false })).status).toBe(200);
    expect((await target.get('/api/admin/access')).status).toBe(403);

    const log = await audit(target.id);
    expect(log.items.map((e) => e.action)).toEqual(['user.demote', 'user.promote']);
    expect(log.items[0]).toMatchObject({
      actorId: admin.id,
      actorUsername: 'chief_admin',
      targetType: 'user',
      targetId: target.id,
    });
  });

  it('refuses to let an admin demote or ban themself (403), and changes nothing', async () => {
    for (const body of [{ isAdmin: false }, { isBanned: true }]) {
      const res = await patch(admin.id, body);
      expect(res.status).toBe(403);
      expect(ErrorBody.parse(await res.json()).error.code).toBe('FORBIDDEN');
    }
    expect((await admin.get('/api/admin/access')).status).toBe(200);
  });

  it('validates the body and the id', async () => {
    const target = await createUser(app);
    for (const body of [{}, { isAdmin: 'yes' }, { isBanned: true, role: 'owner' }, { tokenVersion: 0 }]) {
      expect((await patch(target.id, body)).status).toBe(400);
    }
    expect((await patch('not-a-uuid', { isAdmin: true })).status).toBe(400);
    expect((await patch('00000000-0000-4000-8000-000000000000', { isAdmin: true })).status).toBe(404);
  });
});

describe('a ban', () => {
  it('kills a live access token and WebSocket at once, and unbanning does not revive the token', async () => {
    const target = await createUser(app);
    expect((await target.get('/api/admin/access')).status).toBe(403); // signed in, just not an admin
    const socket = await openSocket(app.url, { query: `token=${target.token}` });

    const res = await patch(target.id, { isBanned: true });
    expect(res.status).toBe(200);
    expect(AdminUser.parse(await res.json()).isBanned).toBe(true);

    const after = await target.get('/api/admin/access');
    expect(after.status).toBe(401);
    expect(ErrorBody.parse(await after.json()).error.code).toBe('UNAUTHORIZED');
    expect((await socket.closed).code).toBe(1008);
    await expect(openSocket(app.url, { query: `token=${target.token}` })).rejects.toMatchObject({ status: 401 });

    expect((await patch(target.id, { isBanned: false })).status).toBe(200);
    // The token was issued under the old token version: it stays dead after the unban.
    expect((await target.get('/api/admin/access')).status).toBe(401);
    expect((await audit(target.id)).items.map((e) => e.action)).toEqual(['user.unban', 'user.ban']);
  });

  it("a promotion or a demotion ends the user's browser sessions; signing in again gives a new id and the new role", async () => {
    const member = await signUpWithCookie(app);
    const role = async () => {
      const res = await member.get('/api/auth/me');
      return res.status === 200 ? ((await res.json()) as { user: { isAdmin: boolean } }).user.isAdmin : res.status;
    };
    const signIn = async () => {
      const res = await member.send('POST', '/api/auth/signin', { email: member.email, password: member.password });
      expect(res.status).toBe(200);
      return member.jar.get('cinehub.sid');
    };
    const pair = await app.send('POST', '/api/auth/token', { email: member.email, password: member.password });
    const { accessToken } = (await pair.json()) as { accessToken: string };
    const first = member.jar.get('cinehub.sid');
    expect(await role()).toBe(false);

    expect((await patch(member.user.id, { isAdmin: true })).status).toBe(200);
    expect(await role()).toBe(401);
    const second = await signIn();
    expect(second).not.toBe(first);
    expect(await role()).toBe(true);
    // An API client's token goes on, with the role read afresh.
    const me = await app.get('/api/auth/me', { headers: { authorization: `Bearer ${accessToken}` } });
    expect(((await me.json()) as { user: { isAdmin: boolean } }).user.isAdmin).toBe(true);

    expect((await patch(member.user.id, { isAdmin: false })).status).toBe(200);
    expect(await role()).toBe(401);
    expect(await signIn()).not.toBe(second);
    expect(await role()).toBe(false);
  });

  it('kills a live browser session cookie and refresh token at once', async (ctx) => {
    let member;
    try {
      member = await signUpWithCookie(app);
    } catch (err) {
      // The auth routes are another feature's; without them there is no honest way to get a session.
      ctx.skip(`sign-up API not available: ${(err as Error).message}`);
      return;
    }
    expect((await member.get('/api/auth/me')).status).toBe(200);
    const pair = await app.send('POST', '/api/auth/token', { email: member.email, password: member.password });
    expect(pair.status).toBe(200);
    const { refreshToken } = (await pair.json()) as { refreshToken: string };

    expect((await patch(member.user.id, { isBanned: true })).status).toBe(200);

    expect((await member.get('/api/auth/me')).status).toBe(401);
    const { rows } = await app.server.runtime.database.pool.query(`SELECT 1 FROM session WHERE sess->>'userId' = $1`, [
      member.user.id,
    ]);
    expect(rows).toHaveLength(0);
    expect((await app.send('POST', '/api/auth/token/refresh', { refreshToken })).status).toBe(401);
    // Signing in again is refused too while banned.
    const again = await app.send('POST', '/api/auth/signin', { email: member.email, password: member.password });
    expect([401, 403]).toContain(again.status);
  });
});
