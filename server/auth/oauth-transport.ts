import type { ClientRequest, RequestOptions } from 'node:http';
import type { Metrics } from '../http/metrics.ts';

type OAuthCallback = (
  err: { statusCode?: number; data?: unknown } | Error | null,
  data?: string,
  res?: unknown,
) => void;
type HttpLibrary = { request(options: RequestOptions): ClientRequest };
/** The parts of node-oauth's OAuth2 client (passport-oauth2's `_oauth2`) that carry every provider call. */
interface NodeOAuth2 {
  _request(method: string, url: string, headers: unknown, body: unknown, token: unknown, cb: OAuthCallback): void;
  _executeRequest(lib: HttpLibrary, options: RequestOptions, body: unknown, cb: OAuthCallback): void;
}

const statusOf = (err: unknown) => (err as { statusCode?: unknown } | null)?.statusCode;

/**
 * node-oauth (under passport-oauth2) has no timeout, no retry and no metrics, and passport-github2
 * parses the emails body without a guard (a garbage body would throw inside a socket callback).
 * This wraps the strategy's HTTP layer: a socket timeout that aborts, one retry of a GET that
 * got no answer, a 429 or a 5xx (never of the token POST: a code is single use), GET bodies
 * checked as JSON, and the upstream metrics.
 */
export function instrumentOAuthTransport(
  strategy: unknown,
  o: { service: string; metrics: Metrics; timeoutMs: number },
) {
  const oauth2 = (strategy as { _oauth2: NodeOAuth2 })._oauth2;
  const execute = oauth2._executeRequest.bind(oauth2);
  oauth2._executeRequest = (lib, options, body, cb) => {
    const timed: HttpLibrary = {
      request(opts) {
        const req = lib.request(opts);
        req.setTimeout(o.timeoutMs, () => req.destroy(new Error(`${o.service} did not answer in ${o.timeoutMs} ms`)));
        return req;
      },
    };
    execute(timed, options, body, cb);
  };

  const request = oauth2._request.bind(oauth2);
  oauth2._request = (method, url, headers, body, token, cb) => {
    const attempt = (n: number) => {
      const end = o.metrics.upstreamDuration.startTimer({ service: o.service });
      request(method, url, headers, body, token, (err, data, res) => {
        end();
        const status = statusOf(err);
        const garbage = !err && method === 'GET' && !isJson(data);
        const outcome = garbage ? 'garbage' : !err ? 'ok' : typeof status === 'number' ? String(status) : 'network';
        o.metrics.upstream.inc({ service: o.service, outcome });
        const retryable = typeof status !== 'number' || status === 429 || status >= 500;
        if (err && method === 'GET' && retryable && n < 2) return attempt(n + 1);
        if (garbage) return cb({ statusCode: 502, data: '' });
        cb(err, data, res);
      });
    };
    attempt(1);
  };
}

function isJson(data: unknown): boolean {
  if (typeof data !== 'string') return false;
  try {
    JSON.parse(data);
    return true;
  } catch {
    return false;
  }
}
