import { eq } from 'drizzle-orm';
import { users } from '#shared/schema';
import type { Executor } from '../db/database.ts';

/** The few columns every authenticated request checks: is the user still allowed in, and as what. */
export function createAuthStateRepository(db: Executor) {
  return {
    async find(userId: string) {
      const [row] = await db
        .select({ isAdmin: users.isAdmin, isBanned: users.isBanned, tokenVersion: users.tokenVersion })
        .from(users)
        .where(eq(users.id, userId));
      return row ?? null;
    },
  };
}
export type AuthStateRepository = ReturnType<typeof createAuthStateRepository>;
