import { count, desc, eq, ilike, or, sql } from 'drizzle-orm';
import { users } from '#shared/schema';
import type { Executor } from '../db/database.ts';

const cols = {
  id: users.id,
  email: users.email,
  username: users.username,
  displayName: users.displayName,
  isAdmin: users.isAdmin,
  isBanned: users.isBanned,
  isVerified: users.isVerified,
  createdAt: users.createdAt,
};

/** `%text%` for ILIKE, with the user's own % and _ taken literally. */
export const containsPattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * Users as admins see them, and the writes behind promote/demote/ban. Written against the tables
 * directly until the auth feature exposes a service for them (see the admin report).
 */
export function createAdminUsersRepository(db: Executor) {
  return {
    async list(q: { q?: string; page: number; limit: number }) {
      const where = q.q
        ? or(
            ilike(users.email, containsPattern(q.q)),
            ilike(users.username, containsPattern(q.q)),
            ilike(users.displayName, containsPattern(q.q)),
          )
        : undefined;
      const [rows, totals] = await Promise.all([
        db
          .select(cols)
          .from(users)
          .where(where)
          .orderBy(desc(users.createdAt), desc(users.id))
          .limit(q.limit)
          .offset((q.page - 1) * q.limit),
        db.select({ n: count() }).from(users).where(where),
      ]);
      return { rows, total: totals[0]?.n ?? 0 };
    },
    async find(id: string) {
      const [row] = await db.select(cols).from(users).where(eq(users.id, id));
      return row ?? null;
    },
    async update(id: string, patch: { isAdmin?: boolean; isBanned?: boolean }) {
      const [row] = await db
        .update(users)
        .set({
          ...(patch.isAdmin === undefined ? {} : { isAdmin: patch.isAdmin }),
          ...(patch.isBanned === undefined ? {} : { isBanned: patch.isBanned }),
          updatedAt: new Date(),
        })
        .where(eq(users.id, id))
        .returning(cols);
      return row ?? null;
    },
    async counts() {
      const [row] = await db
        .select({
          total: count(),
          admins: sql<number>`count(*) filter (where ${users.isAdmin})::int`,
          banned: sql<number>`count(*) filter (where ${users.isBanned})::int`,
        })
        .from(users);
      return { total: row?.total ?? 0, admins: row?.admins ?? 0, banned: row?.banned ?? 0 };
    },
  };
}
export type AdminUsersRepository = ReturnType<typeof createAdminUsersRepository>;
