import type { Logger } from 'pino';
import type { Mailer, SmsSender } from './notify.ts';
import type { OutboxRepository } from './outbox.repository.ts';

interface OutboxDeps {
  outbox: OutboxRepository;
  log: Logger;
  revealInLog: boolean;
}

// Enough of the recipient to tell messages apart in a log, not enough to harvest addresses.
const maskEmail = (e: string) => e.replace(/^(.).*(@.*)$/, '$1…$2');
const maskPhone = (p: string) => `${p.slice(0, 3)}…${p.slice(-2)}`;

/** The development mailer: rows in `outbox` (visible to admins) and a log line. */
export function createOutboxMailer(deps: OutboxDeps): Mailer {
  return {
    kind: 'outbox',
    async send(m) {
      const id = await deps.outbox.store({ channel: 'email', recipient: m.to, subject: m.subject, body: m.text });
      deps.log.info(
        {
          channel: 'email',
          outboxId: id,
          to: maskEmail(m.to),
          subject: m.subject,
          ...(deps.revealInLog ? { body: m.text } : {}),
        },
        'email kept in the outbox',
      );
    },
  };
}

export function createOutboxSms(deps: OutboxDeps): SmsSender {
  return {
    kind: 'outbox',
    async send(m) {
      const id = await deps.outbox.store({ channel: 'sms', recipient: m.to, subject: null, body: m.body });
      deps.log.info(
        { channel: 'sms', outboxId: id, to: maskPhone(m.to), ...(deps.revealInLog ? { body: m.body } : {}) },
        'text message kept in the outbox',
      );
    },
  };
}
