import { randomUUID } from 'node:crypto';
import type { Express, RequestHandler } from 'express';
import { pinoHttp } from 'pino-http';
import type { Logger } from 'pino';
import type { Database } from '../db/database.ts';
import { UpstreamUnavailableError } from './errors.ts';
import type { Metrics } from './metrics.ts';

/** Request ids (nginx's X-Request-Id when sane), one log line per request, latency by route pattern. */
export function requestLogging(log: Logger, metrics: Metrics): RequestHandler[] {
  const http = pinoHttp({
    logger: log,
    genReqId: (req, res) => {
      const incoming = req.headers['x-request-id'];
      const id = typeof incoming === 'string' && /^[\w-]{8,128}$/.test(incoming) ? incoming : randomUUID();
      res.setHeader('X-Request-Id', id);
      return id;
    },
    customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : 'info'),
    // One quiet line: method, url path, status, time. Headers stay out of the log (cookies, tokens).
    serializers: {
      req: (req: { id: string; method: string; url: string }) => ({
        id: req.id,
        method: req.method,
        url: req.url.split('?')[0],
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
    autoLogging: { ignore: (req) => req.url === '/health' || req.url?.startsWith('/assets/') === true },
  });
  const timing: RequestHandler = (req, res, next) => {
    const end = metrics.httpDuration.startTimer();
    res.on('finish', () => {
      const route = req.route?.path
        ? `${req.baseUrl}${String(req.route.path)}`
        : req.path.startsWith('/api/')
          ? 'unmatched'
          : 'page';
      end({ method: req.method, route, status: String(res.statusCode) });
    });
    next();
  };
  return [http, timing];
}

export function healthRoutes(app: Express, deps: { database: Database; metrics: Metrics }) {
  app.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/ready', async (_req, res) => {
    if (!(await deps.database.ping())) throw new UpstreamUnavailableError('Database');
    res.json({ status: 'ready' });
  });
  app.get('/metrics', async (_req, res) => {
    res.type(deps.metrics.registry.contentType).send(await deps.metrics.registry.metrics());
  });
}
