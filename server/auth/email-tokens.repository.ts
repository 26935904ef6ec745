import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { emailTokens } from '#shared/schema';
import type { Executor } from '../db/database.ts';

export type EmailTokenPurpose = 'verify-email' | 'reset-password';

/** Links sent by email (verification, password reset): single use, expiring, stored as SHA-256. */
export function createEmailTokensRepository(db: Executor) {
  return {
    async insert(row: {
      userId: string;
      purpose: EmailTokenPurpose;
      tokenHash: string;
      expiresAt: Date;
    }): Promise<void> {
      await db.insert(emailTokens).values(row);
    },
    /** Uses the token if it is live; one UPDATE, so two clicks on one link cannot both succeed. */
    async consume(tokenHash: string, purpose: EmailTokenPurpose): Promise<string | null> {
      const [row] = await db
        .update(emailTokens)
        .set({ usedAt: sql`now()` })
        .where(
          and(
            eq(emailTokens.tokenHash, tokenHash),
            eq(emailTokens.purpose, purpose),
            isNull(emailTokens.usedAt),
            gt(emailTokens.expiresAt, sql`now()`),
          ),
        )
        .returning({ userId: emailTokens.userId });
      return row?.userId ?? null;
    },
    /** Retires every live token of a purpose (a reset link dies once the password changed). */
    async retireAll(userId: string, purpose: EmailTokenPurpose): Promise<void> {
      await db
        .update(emailTokens)
        .set({ usedAt: sql`now()` })
        .where(and(eq(emailTokens.userId, userId), eq(emailTokens.purpose, purpose), isNull(emailTokens.usedAt)));
    },
  };
}
export type EmailTokensRepository = ReturnType<typeof createEmailTokensRepository>;
