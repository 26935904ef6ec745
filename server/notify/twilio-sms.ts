import twilio from 'twilio';
import type { Metrics } from '../http/metrics.ts';
import type { SmsSender } from './notify.ts';
import { callUpstream } from './upstream-call.ts';

type RequestOptions<T> = Parameters<InstanceType<typeof twilio.RequestClient>['request']>[0] & { data?: T };

export interface TwilioOptions {
  accountSid: string;
  authToken: string;
  from: string;
  /** Null: Twilio's own hosts. Otherwise every API call goes to this origin (tests use a local fake). */
  baseUrl: string | null;
  timeoutMs: number;
  metrics: Metrics;
}

/** Text messages through Twilio's SDK. The SDK has no base-URL option, so its HTTP client rewrites the URI. */
export async function createTwilioSms(o: TwilioOptions): Promise<SmsSender> {
  const baseUrl = o.baseUrl;
  class RebasedRequestClient extends twilio.RequestClient {
    override request<T>(opts: RequestOptions<T>) {
      if (baseUrl) {
        const url = new URL(opts.uri);
        if (url.hostname.endsWith('.twilio.com')) opts = { ...opts, uri: `${baseUrl}${url.pathname}${url.search}` };
      }
      return super.request<T>(opts);
    }
  }
  const client = twilio(o.accountSid, o.authToken, {
    httpClient: new RebasedRequestClient({ timeout: o.timeoutMs, autoRetry: false }),
  });
  const statusOf = (err: unknown) => {
    const status = (err as { status?: unknown } | null)?.status;
    return typeof status === 'number' ? status : undefined;
  };
  return {
    kind: 'twilio',
    async send(m) {
      await callUpstream({ service: 'twilio', name: 'Twilio', metrics: o.metrics, statusOf }, () =>
        client.messages.create({ to: m.to, from: o.from, body: m.body }),
      );
    },
  };
}
