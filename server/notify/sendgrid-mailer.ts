import { MailService } from '@sendgrid/mail';
import type { Metrics } from '../http/metrics.ts';
import type { Mailer } from './notify.ts';
import { callUpstream } from './upstream-call.ts';

export interface SendGridOptions {
  apiKey: string;
  from: string;
  /** SendGrid's API origin; tests point it at a local fake. */
  baseUrl: string;
  timeoutMs: number;
  metrics: Metrics;
}

interface SendGridClient {
  setDefaultRequest(key: 'baseUrl', value: string): void;
}

/** Email through SendGrid's SDK (its own client instance, not the module-wide singleton). */
export function createSendGridMailer(o: SendGridOptions): Mailer {
  const service = new MailService();
  // Order matters: setApiKey resets the base URL to SendGrid's own. The SDK's types omit `client`.
  service.setApiKey(o.apiKey);
  (service as unknown as { client: SendGridClient }).client.setDefaultRequest('baseUrl', o.baseUrl);
  service.setTimeout(o.timeoutMs);
  const statusOf = (err: unknown) => {
    const code = (err as { code?: unknown } | null)?.code;
    return typeof code === 'number' ? code : undefined;
  };
  return {
    kind: 'sendgrid',
    async send(m) {
      await callUpstream({ service: 'sendgrid', name: 'SendGrid', metrics: o.metrics, statusOf }, () =>
        service.send({ to: m.to, from: o.from, subject: m.subject, text: m.text }),
      );
    },
  };
}
