import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import type { Executor } from '../db/database.ts';
import type { Metrics } from '../http/metrics.ts';
import { createOutboxMailer, createOutboxSms } from './outbox.ts';
import { createOutboxRepository } from './outbox.repository.ts';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}
/** Sends email: SendGrid in production, the PostgreSQL outbox otherwise. */
export interface Mailer {
  readonly kind: 'sendgrid' | 'outbox';
  /** Resolves once the message is handed over; UpstreamUnavailableError when the provider keeps failing. */
  send(message: MailMessage): Promise<void>;
}

export interface SmsMessage {
  to: string;
  body: string;
}
/** Sends text messages: Twilio in production, the PostgreSQL outbox otherwise. */
export interface SmsSender {
  readonly kind: 'twilio' | 'outbox';
  send(message: SmsMessage): Promise<void>;
}

export interface NotifyDeps {
  db: Executor;
  metrics: Metrics;
  log: Logger;
  /** Dev convenience: print outbox messages (codes, links) in the log. Never in production. */
  revealInLog: boolean;
}

/**
 * Picks the mailer and SMS sender once, from config. The SDKs are imported only when configured:
 * Twilio alone takes most of a second to load.
 */
export async function createNotify(config: Pick<Config, 'mail' | 'sms'>, deps: NotifyDeps) {
  const outbox = createOutboxRepository(deps.db);
  let mailer: Mailer;
  if (config.mail.kind === 'sendgrid') {
    const { createSendGridMailer } = await import('./sendgrid-mailer.ts');
    mailer = createSendGridMailer({ ...config.mail, metrics: deps.metrics });
  } else {
    mailer = createOutboxMailer({ outbox, log: deps.log, revealInLog: deps.revealInLog });
  }
  let sms: SmsSender;
  if (config.sms.kind === 'twilio') {
    const { createTwilioSms } = await import('./twilio-sms.ts');
    sms = await createTwilioSms({ ...config.sms, metrics: deps.metrics });
  } else {
    sms = createOutboxSms({ outbox, log: deps.log, revealInLog: deps.revealInLog });
  }

  // Messages sent after the response (so timing does not reveal whether an account exists).
  const pending = new Set<Promise<void>>();
  function sendMailLater(message: MailMessage): void {
    const p = mailer
      .send(message)
      .catch((err: unknown) => deps.log.error({ err }, 'background email failed'))
      .finally(() => pending.delete(p));
    pending.add(p);
  }

  return {
    mailer,
    sms,
    sendMailLater,
    /** Waits for background messages (shutdown). */
    async drain() {
      await Promise.allSettled([...pending]);
    },
  };
}
export type Notify = Awaited<ReturnType<typeof createNotify>>;
