import { randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Request, Response } from 'express';
import { LRUCache } from 'lru-cache';
import type { Logger } from 'pino';
import type { Metrics } from '../http/metrics.ts';

interface Entry {
  headers: [string, string | number | string[]][];
  /** The CSP header split where the nonce went: a fresh nonce goes in the gaps each time. */
  csp: string[] | null;
  etag: string | null;
  body: Buffer;
  gzip: Buffer | null;
  route: string;
}

// Per response, or set by the fast path itself; everything else is replayed as captured.
const NOT_REPLAYED = new Set([
  'x-request-id',
  'content-security-policy',
  'content-length',
  'content-encoding',
  'transfer-encoding',
  'vary',
  'date',
  'connection',
  'keep-alive',
]);
const GZIP_MIN_BYTES = 1024;

export interface ResponseCacheOptions {
  ttlMs: number;
  maxBytes: number;
  /** The session cookie's name: a request carrying it is not anonymous. */
  sessionCookie: string;
  newNonce: () => string;
  log: Logger;
  metrics: Metrics;
}

/**
 * A micro-cache for the public catalog API: every anonymous visitor gets the same answer to
 * GET /api/movies/trending, so for a few seconds that answer is replayed as bytes, ahead of
 * Express and its middleware, instead of being re-routed, re-validated and re-serialised. What is replayed
 * was captured from a full pass through the stack (security headers included); per response come
 * a fresh request id, a fresh CSP nonce, the log line and the latency metric. Only anonymous GET
 * and HEAD requests (no session cookie, no Authorization) are served from it; 200s only are kept;
 * it is cleared when catalog data is refreshed or purged, or custom titles change.
 */
export function createCatalogResponseCache(o: ResponseCacheOptions) {
  const entries = new LRUCache<string, Entry>({
    maxSize: o.maxBytes,
    sizeCalculation: (e) => e.body.length + (e.gzip?.length ?? 0) + 2048,
    ttl: o.ttlMs,
  });
  const sessionCookie = `${o.sessionCookie}=`;
  // The access line carries only fixed, secret-free fields, so it skips the redaction pass.
  const accessLog = o.log.child({}, { redact: { paths: [] } });
  const anonymousRead = (req: IncomingMessage) =>
    (req.method === 'GET' || req.method === 'HEAD') &&
    req.headers.authorization === undefined &&
    !req.headers.cookie?.includes(sessionCookie);

  function replay(req: IncomingMessage, res: ServerResponse, entry: Entry) {
    const started = process.hrtime.bigint();
    const incoming = req.headers['x-request-id'];
    const id = typeof incoming === 'string' && /^[\w-]{8,128}$/.test(incoming) ? incoming : randomUUID();
    for (const [name, value] of entry.headers) res.setHeader(name, value);
    res.setHeader('X-Request-Id', id);
    if (entry.csp) res.setHeader('Content-Security-Policy', entry.csp.join(o.newNonce()));
    res.setHeader('Vary', 'Accept-Encoding');
    const match = req.headers['if-none-match'];
    let body: Buffer | undefined;
    if (
      entry.etag &&
      match &&
      match.split(',').some((t) => t.trim().replace(/^W\//, '') === entry.etag!.replace(/^W\//, ''))
    ) {
      res.statusCode = 304;
      res.removeHeader('Content-Type');
    } else {
      res.statusCode = 200;
      body = entry.body;
      if (entry.body.length >= GZIP_MIN_BYTES && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
        // Compressed once per entry, not once per response.
        entry.gzip ??= gzipSync(entry.body);
        body = entry.gzip;
        res.setHeader('Content-Encoding', 'gzip');
      }
      res.setHeader('Content-Length', body.length);
    }
    res.end(req.method === 'HEAD' ? undefined : body);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    o.metrics.apiCache.inc({ result: 'hit' });
    o.metrics.httpDuration.observe({ method: req.method, route: entry.route, status: String(res.statusCode) }, seconds);
    accessLog.info(
      {
        req: { id, method: req.method, url: (req.url ?? '').split('?')[0] },
        res: { statusCode: res.statusCode },
        responseTime: Math.round(seconds * 1000),
        cached: true,
      },
      'request completed',
    );
  }

  return {
    /**
     * Ahead of Express itself (the server's request listener calls it first): answers from the
     * cache and returns true, or returns false and the request takes the full path.
     */
    tryServe(req: IncomingMessage, res: ServerResponse): boolean {
      const entry = anonymousRead(req) && req.url ? entries.get(req.url) : undefined;
      if (!entry) return false;
      replay(req, res, entry);
      return true;
    },

    /**
     * Called by a catalog route with the JSON it is about to send: kept once the response has
     * gone out as a 200 to an anonymous GET, with the headers the stack gave it.
     */
    keep(req: Request, res: Response, json: string) {
      if (req.method !== 'GET' || !anonymousRead(req)) return;
      o.metrics.apiCache.inc({ result: 'miss' });
      const url = req.originalUrl;
      const route = `${req.baseUrl}${String(req.route?.path ?? '')}`;
      res.once('finish', () => {
        if (res.statusCode !== 200 || res.getHeader('set-cookie') !== undefined) return;
        const nonce = String(res.locals.nonce ?? '');
        const csp = res.getHeader('content-security-policy');
        const headers: Entry['headers'] = [];
        for (const [name, value] of Object.entries(res.getHeaders())) {
          if (value !== undefined && !NOT_REPLAYED.has(name)) headers.push([name, value]);
        }
        const etag = res.getHeader('etag');
        entries.set(url, {
          headers,
          csp: typeof csp === 'string' ? (nonce ? csp.split(nonce) : [csp]) : null,
          etag: typeof etag === 'string' ? etag : null,
          body: Buffer.from(json),
          gzip: null,
          route,
        });
      });
    },

    clear: () => entries.clear(),
    size: () => entries.size,
  };
}
export type CatalogResponseCache = ReturnType<typeof createCatalogResponseCache>;
