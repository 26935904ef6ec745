import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorBody } from '#shared/contracts/errors';
import { createUser, type TestUser } from '../../tests/helpers/factories.ts';
import { startTestApp, type TestApp } from '../../tests/helpers/test-app.ts';

let app: TestApp;
let user: TestUser;
let admin: TestUser;
beforeAll(async () => {
  app = await startTestApp();
  [user, admin] = await Promise.all([createUser(app), createUser(app, { isAdmin: true })]);
});
afterAll(async () => {
  await app?.close();
});

// Every admin route of API.md plus the ones the admin pages need. The docs must list them all,
// and the table below is also built from the docs, so a route added later is covered too.
const EXPECTED = [
  'get /api/admin/access',
  'get /api/admin/stats',
  'get /api/admin/users',
  'patch /api/admin/users/{id}',
  'get /api/admin/reviews',
  'patch /api/admin/reviews/{id}',
  'delete /api/admin/reviews/{id}',
  'get /api/admin/custom-titles',
  'put /api/admin/custom-titles/{id}',
  'delete /api/admin/custom-titles/{id}',
  'get /api/admin/cache',
  'get /api/admin/cache/groups',
  'delete /api/admin/cache',
  'post /api/admin/cache/warm',
  'get /api/admin/jobs',
  'post /api/admin/jobs/{id}/retry',
  'get /api/admin/outbox',
  'get /api/admin/audit',
];

// Valid bodies, so a 403 cannot be a validation error in disguise.
const BODIES: Record<string, unknown> = {
  'patch /api/admin/users/{id}': { isBanned: true },
  'patch /api/admin/reviews/{id}': { status: 'hidden' },
  'put /api/admin/custom-titles/{id}': { title: 'Renamed' },
};

async function adminRoutes(): Promise<{ method: string; path: string; key: string }[]> {
  const doc = (await (await app.get('/api/docs')).json()) as {
    paths: Record<string, Record<string, { tags?: string[] }>>;
  };
  return Object.entries(doc.paths)
    .filter(([p]) => p.startsWith('/api/admin'))
    .flatMap(([p, ops]) =>
      Object.keys(ops).map((m) => ({
        method: m.toUpperCase(),
        path: p.replace('{id}', randomUUID()),
        key: `${m} ${p}`,
      })),
    );
}

async function expectError(res: Response, status: number, code: string) {
  expect(res.status).toBe(status);
  expect(ErrorBody.parse(await res.json()).error.code).toBe(code);
}

describe('admin authorization', () => {
  it('documents every admin route in /api/docs, tagged admin and secured', async () => {
    const doc = (await (await app.get('/api/docs')).json()) as {
      paths: Record<
        string,
        Record<string, { tags: string[]; security: unknown[]; responses: Record<string, unknown> }>
      >;
    };
    const keys = (await adminRoutes()).map((r) => r.key);
    expect(keys.sort()).toEqual([...EXPECTED].sort());
    for (const key of EXPECTED) {
      const [m, p] = key.split(' ') as [string, string];
      const op = doc.paths[p]![m]!;
      expect(op.tags).toEqual(['admin']);
      expect(op.security.length).toBeGreaterThan(0);
      expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(['401', '403']));
    }
  });

  it('answers 401 to anonymous callers on every admin route', async () => {
    const routes = await adminRoutes();
    expect(routes.length).toBe(EXPECTED.length);
    for (const r of routes) {
      const res = await app.send(r.method, r.path, BODIES[r.key]);
      await expectError(res, 401, 'UNAUTHORIZED');
    }
  });

  it('answers 403 to signed-in non-admins on every admin route', async () => {
    for (const r of await adminRoutes()) {
      const res = r.method === 'GET' ? await user.get(r.path) : await user.send(r.method, r.path, BODIES[r.key]);
      await expectError(res, 403, 'FORBIDDEN');
    }
  });

  it('answers 401 to a tampered token rather than treating it as anonymous or a user', async () => {
    const res = await app.get('/api/admin/stats', {
      headers: { authorization: `Bearer ${admin.token.slice(0, -2)}xx` },
    });
    await expectError(res, 401, 'UNAUTHORIZED');
  });

  it('lets an admin in, and nothing changed for the refused callers (no audit rows)', async () => {
    const access = await admin.get('/api/admin/access');
    expect(access.status).toBe(200);
    expect(await access.json()).toEqual({ userId: admin.id, isAdmin: true });
    const audit = (await (await admin.get('/api/admin/audit')).json()) as { items: unknown[]; meta: { total: number } };
    expect(audit.meta.total).toBe(0);
  });

  it('keeps unknown admin paths a 404 for admins', async () => {
    await expectError(await admin.get('/api/admin/nothing-here'), 404, 'NOT_FOUND');
  });
});
