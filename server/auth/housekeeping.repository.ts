import { lt } from 'drizzle-orm';
import { authSessions, emailTokens, oneTimeCodes, rateLimits } from '#shared/schema';
import type { Executor } from '../db/database.ts';

/** An expired auth row (no longer usable) is kept this long, for whoever looks into a sign-in problem. */
export const KEEP_EXPIRED_MS = 24 * 3600_000;

/** Deletes of rows whose time is over: they can never be used again and only grow the tables. */
export function createHousekeepingRepository(db: Executor) {
  const count = (rows: unknown[]) => rows.length;
  return {
    /** Everything that expired before `before`; returns how many rows went from each table. */
    async pruneExpired(before: Date) {
      const [refreshTokens, phoneCodes, emailLinks, limits] = await Promise.all([
        db.delete(authSessions).where(lt(authSessions.expiresAt, before)).returning({ id: authSessions.id }),
        db.delete(oneTimeCodes).where(lt(oneTimeCodes.expiresAt, before)).returning({ id: oneTimeCodes.id }),
        db.delete(emailTokens).where(lt(emailTokens.expiresAt, before)).returning({ id: emailTokens.id }),
        db.delete(rateLimits).where(lt(rateLimits.resetAt, before)).returning({ key: rateLimits.key }),
      ]);
      return {
        refreshTokens: count(refreshTokens),
        phoneCodes: count(phoneCodes),
        emailLinks: count(emailLinks),
        rateLimits: count(limits),
      };
    },
  };
}
export type HousekeepingRepository = ReturnType<typeof createHousekeepingRepository>;
