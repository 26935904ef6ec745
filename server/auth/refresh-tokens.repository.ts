import { and, eq, isNull, sql } from 'drizzle-orm';
import { authSessions, session } from '#shared/schema';
import type { Executor } from '../db/database.ts';

const cols = {
  id: authSessions.id,
  userId: authSessions.userId,
  familyId: authSessions.familyId,
  expiresAt: authSessions.expiresAt,
  rotatedAt: authSessions.rotatedAt,
  revokedAt: authSessions.revokedAt,
};
export type RefreshTokenRow = { [K in keyof typeof cols]: (typeof authSessions.$inferSelect)[K] };

/** Refresh tokens (`auth_sessions`, SHA-256 hashes only) and the browser sessions of a user. */
export function createRefreshTokensRepository(db: Executor) {
  return {
    async insert(row: {
      userId: string;
      familyId: string;
      tokenHash: string;
      expiresAt: Date;
      userAgent: string | null;
    }) {
      await db.insert(authSessions).values(row);
    },
    /** The row, locked until the transaction ends: a second refresh with the same token waits, then sees it rotated. */
    async lockByHash(tokenHash: string): Promise<RefreshTokenRow | null> {
      const [row] = await db.select(cols).from(authSessions).where(eq(authSessions.tokenHash, tokenHash)).for('update');
      return row ?? null;
    },
    async markRotated(id: string): Promise<void> {
      await db
        .update(authSessions)
        .set({ rotatedAt: sql`now()` })
        .where(eq(authSessions.id, id));
    },
    async revokeFamily(familyId: string): Promise<void> {
      await db
        .update(authSessions)
        .set({ revokedAt: sql`now()` })
        .where(and(eq(authSessions.familyId, familyId), isNull(authSessions.revokedAt)));
    },
    async revokeAllForUser(userId: string): Promise<void> {
      await db
        .update(authSessions)
        .set({ revokedAt: sql`now()` })
        .where(and(eq(authSessions.userId, userId), isNull(authSessions.revokedAt)));
    },
    /** Deletes the user's express sessions (connect-pg-simple rows), but the one in `exceptSid`. */
    async deleteBrowserSessions(userId: string, exceptSid?: string): Promise<void> {
      const bySid = exceptSid ? sql` AND ${session.sid} <> ${exceptSid}` : sql``;
      await db.delete(session).where(sql`(${session.sess}->>'userId') = ${userId}${bySid}`);
    },
  };
}
export type RefreshTokensRepository = ReturnType<typeof createRefreshTokensRepository>;
