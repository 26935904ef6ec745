import type { AdminUser, AdminUserQuery, UpdateAdminUserBody } from '#shared/contracts/admin';
import { toPage } from '#shared/contracts/common';
import { ForbiddenError, NotFoundError } from '../http/errors.ts';
import type { Viewer } from '../http/viewer.ts';
import type { EventBus } from '../realtime/event-bus.ts';
import { revokeIn } from '../auth/auth.service.ts';
import { assertAdmin, iso } from './admin-guard.ts';
import type { AdminStore } from './admin.repository.ts';

type Deps = { store: AdminStore; events: EventBus };

type UserRow = NonNullable<Awaited<ReturnType<AdminStore['users']['find']>>>;
const toAdminUser = (r: UserRow): AdminUser => ({ ...r, createdAt: iso(r.createdAt) });

export async function listUsers(deps: Deps, viewer: Viewer | null, q: AdminUserQuery) {
  assertAdmin(viewer);
  const { rows, total } = await deps.store.users.list(q);
  return toPage(rows.map(toAdminUser), q, total);
}

/**
 * Promote, demote, ban or unban. A ban ends everything at once, in the same transaction as the
 * flag, through the auth feature's revokeIn: the token version goes up (live access JWTs and
 * sessions stop working), refresh tokens are revoked and the user's session rows are deleted.
 * A promotion or demotion ends the user's browser sessions (SECURITY.md 4: a new session id on
 * any privilege change): they sign in again, under a new id, with the new role; API tokens go on,
 * as every request reads the role afresh. Each change is audited in that transaction. An admin
 * may not demote or ban themself: one misclick would lock them (perhaps the only admin) out;
 * another admin has to make that call.
 */
export async function updateUser(
  deps: Deps,
  viewer: Viewer | null,
  id: string,
  body: UpdateAdminUserBody,
): Promise<AdminUser> {
  const actor = assertAdmin(viewer);
  if (actor.userId === id && (body.isAdmin === false || body.isBanned === true)) {
    throw new ForbiddenError('You cannot demote or ban yourself');
  }
  const { user, banned, roleChanged } = await deps.store.transaction(async (r) => {
    const before = await r.users.find(id);
    if (!before) throw new NotFoundError('User');
    const banning = body.isBanned === true && !before.isBanned;
    const after = await r.users.update(id, body);
    if (!after) throw new NotFoundError('User');
    const target = { targetType: 'user', targetId: id };
    const roleChanged = body.isAdmin !== undefined && body.isAdmin !== before.isAdmin;
    if (roleChanged) {
      await r.auth.refreshTokens.deleteBrowserSessions(id);
      await r.audit.record({
        actorId: actor.userId,
        action: body.isAdmin ? 'user.promote' : 'user.demote',
        ...target,
        details: { username: before.username },
      });
    }
    if (banning) {
      await revokeIn(r.auth, id);
      await r.audit.record({
        actorId: actor.userId,
        action: 'user.ban',
        ...target,
        details: { username: before.username },
      });
    } else if (body.isBanned === false && before.isBanned) {
      await r.audit.record({
        actorId: actor.userId,
        action: 'user.unban',
        ...target,
        details: { username: before.username },
      });
    }
    return { user: toAdminUser(after), banned: banning, roleChanged };
  });
  // Open WebSockets are sessions too: every instance closes the user's at once.
  if (banned || roleChanged) void deps.events.publish({ type: 'SESSIONS_REVOKED', payload: {}, userId: id });
  return user;
}
