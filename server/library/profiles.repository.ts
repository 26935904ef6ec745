import { and, eq, sql } from 'drizzle-orm';
import { users } from '#shared/schema';
import type { Executor } from '../db/database.ts';

// Only the public columns: never the email, phone, hashes or flags (SECURITY.md, Seerr's CVE).
const publicCols = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  profileImageUrl: users.profileImageUrl,
  createdAt: users.createdAt,
};

export function createProfilesRepository(db: Executor) {
  return {
    /** Case-insensitive, as usernames are unique case-insensitively; banned users have no profile. */
    async findByUsername(username: string) {
      const [row] = await db
        .select(publicCols)
        .from(users)
        .where(and(sql`lower(${users.username}) = lower(${username})`, eq(users.isBanned, false)));
      return row ?? null;
    },
    async findById(id: string) {
      const [row] = await db
        .select({ ...publicCols, isAdmin: users.isAdmin })
        .from(users)
        .where(and(eq(users.id, id), eq(users.isBanned, false)));
      return row ?? null;
    },
  };
}
export type ProfilesRepository = ReturnType<typeof createProfilesRepository>;
