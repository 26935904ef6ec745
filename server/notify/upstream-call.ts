import { UpstreamUnavailableError } from '../http/errors.ts';
import type { Metrics } from '../http/metrics.ts';

export interface UpstreamCallOptions {
  /** The metric label (`sendgrid`). */
  service: string;
  /** How errors name it (`SendGrid`). */
  name: string;
  metrics: Metrics;
  /** Total tries, the first included. */
  attempts?: number;
  /** The HTTP status of a failure, or undefined when no answer came back (network, timeout). */
  statusOf: (err: unknown) => number | undefined;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Runs one provider call with a bounded retry and the upstream metrics. Retried: no answer,
 * 429 and 5xx. A 4xx is our mistake (bad key, bad number): retrying would not help.
 * The SDK call itself carries the timeout.
 */
export async function callUpstream<T>(o: UpstreamCallOptions, call: () => Promise<T>): Promise<T> {
  const attempts = o.attempts ?? 3;
  for (let attempt = 1; ; attempt++) {
    const end = o.metrics.upstreamDuration.startTimer({ service: o.service });
    try {
      const result = await call();
      end();
      o.metrics.upstream.inc({ service: o.service, outcome: 'ok' });
      return result;
    } catch (err) {
      end();
      const status = o.statusOf(err);
      o.metrics.upstream.inc({ service: o.service, outcome: status === undefined ? 'network' : String(status) });
      const retryable = status === undefined || status === 429 || status >= 500;
      if (!retryable || attempt >= attempts) throw new UpstreamUnavailableError(o.name, { cause: err });
      await sleep(150 * 2 ** (attempt - 1));
    }
  }
}
