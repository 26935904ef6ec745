import type { TestApp } from './test-app.ts';

export interface OutboxMessage {
  channel: 'email' | 'sms';
  recipient: string;
  subject: string | null;
  body: string;
}

/** Every outbox message to `recipient`, oldest first. */
export async function outboxFor(app: TestApp, recipient: string): Promise<OutboxMessage[]> {
  const { rows } = await app.server.runtime.database.pool.query<OutboxMessage>(
    'SELECT channel, recipient, subject, body FROM outbox WHERE recipient = $1 ORDER BY created_at, id',
    [recipient],
  );
  return rows;
}

/**
 * Waits for the `count`-th message to `recipient` (some are sent after the response, on purpose)
 * and returns it.
 */
export async function waitForMessage(
  app: TestApp,
  recipient: string,
  count = 1,
  timeoutMs = 5_000,
): Promise<OutboxMessage> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const messages = await outboxFor(app, recipient);
    if (messages.length >= count) return messages[count - 1]!;
    if (Date.now() > until) throw new Error(`no message #${count} for ${recipient} in the outbox`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The token of the first `/path?token=…` link in a message. */
export function linkToken(message: { body: string }, path: string): string {
  const m = new RegExp(`${path.replace(/[/?]/g, '\\$&')}\\?token=([A-Za-z0-9_-]+)`).exec(message.body);
  if (!m?.[1]) throw new Error(`no ${path} link in: ${message.body}`);
  return m[1];
}

/** The 6-digit code of a text message. */
export function smsCode(message: { body: string }): string {
  const m = /\b(\d{6})\b/.exec(message.body);
  if (!m?.[1]) throw new Error(`no code in: ${message.body}`);
  return m[1];
}
