import { outbox } from '#shared/schema';
import type { Executor } from '../db/database.ts';

/** The outbox table: messages kept instead of sent when no provider is configured. */
export function createOutboxRepository(db: Executor) {
  return {
    async store(row: { channel: 'email' | 'sms'; recipient: string; subject: string | null; body: string }) {
      const [stored] = await db
        .insert(outbox)
        .values({ ...row, status: 'stored' })
        .returning({ id: outbox.id });
      return stored!.id;
    },
  };
}
export type OutboxRepository = ReturnType<typeof createOutboxRepository>;
