import { and, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import { oneTimeCodes } from '#shared/schema';
import type { Executor } from '../db/database.ts';

/** Phone sign-in codes, stored as keyed hashes. */
export function createOneTimeCodesRepository(db: Executor) {
  const live = (phone: string) =>
    and(eq(oneTimeCodes.phoneNumber, phone), isNull(oneTimeCodes.consumedAt), gt(oneTimeCodes.expiresAt, sql`now()`));
  return {
    /** A new code replaces any earlier one: only the latest code sent can be used. */
    async replace(row: { phoneNumber: string; codeHash: string; expiresAt: Date }): Promise<void> {
      await db
        .update(oneTimeCodes)
        .set({ consumedAt: sql`now()` })
        .where(live(row.phoneNumber));
      await db.insert(oneTimeCodes).values(row);
    },
    /** The live code for a number, locked so concurrent guesses are counted one after another. */
    async lockLive(phone: string) {
      const [row] = await db
        .select({ id: oneTimeCodes.id, codeHash: oneTimeCodes.codeHash, attempts: oneTimeCodes.attempts })
        .from(oneTimeCodes)
        .where(live(phone))
        .orderBy(desc(oneTimeCodes.createdAt))
        .limit(1)
        .for('update');
      return row ?? null;
    },
    async countAttempt(id: string): Promise<void> {
      await db
        .update(oneTimeCodes)
        .set({ attempts: sql`${oneTimeCodes.attempts} + 1` })
        .where(eq(oneTimeCodes.id, id));
    },
    async consume(id: string): Promise<void> {
      await db
        .update(oneTimeCodes)
        .set({ consumedAt: sql`now()` })
        .where(eq(oneTimeCodes.id, id));
    },
  };
}
export type OneTimeCodesRepository = ReturnType<typeof createOneTimeCodesRepository>;
