import { and, eq } from 'drizzle-orm';
import { socialAccounts } from '#shared/schema';
import type { Executor } from '../db/database.ts';
import { AppError } from '../http/errors.ts';
import { uniqueViolation } from './users.repository.ts';

/** Google/GitHub identities, keyed on (provider, provider user id), never on email. */
export function createIdentitiesRepository(db: Executor) {
  return {
    async findUserId(provider: string, providerUserId: string): Promise<string | null> {
      const [row] = await db
        .select({ userId: socialAccounts.userId })
        .from(socialAccounts)
        .where(and(eq(socialAccounts.provider, provider), eq(socialAccounts.providerUserId, providerUserId)));
      return row?.userId ?? null;
    },
    async link(row: { userId: string; provider: string; providerUserId: string; email: string | null }): Promise<void> {
      try {
        await db.insert(socialAccounts).values(row);
      } catch (err) {
        if (uniqueViolation(err) === null) throw err;
        throw new AppError('CONFLICT', 'This account is already linked to another user', undefined, { cause: err });
      }
    },
  };
}
export type IdentitiesRepository = ReturnType<typeof createIdentitiesRepository>;
