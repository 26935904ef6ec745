import { randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Request, Response } from 'express';
import { LRUCache } from 'lru-cache';
import type { Logger } from 'pino';
import type { Metrics } from './metrics.ts';

interface Entry {
  headers: [string, string | number | string[]][];
  /** The CSP header split where the nonce went: a fresh nonce goes in the gaps each time. */
  csp: string[] | null;
  etag: string | null;
  /** The body; a page's is split where its nonces went, to be joined with this response's. */
  parts: Buffer[];
  /** A body without nonces, compressed once on first demand. */
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
const acceptsGzip = (req: IncomingMessage) => /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));

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
 * A micro-cache for what every anonymous visitor gets alike (the public catalog API's answers and
 * server-rendered pages): GET /api/movies/trending or the home page is, for a few seconds,
 * replayed as bytes ahead of Express and its middleware, instead of being re-routed, re-validated
 * and re-serialised or re-rendered. What is replayed was captured from a full pass through the
 * stack (security headers included); per response come a fresh request id, a fresh CSP nonce (in
 * the header and, for a page, in its body), the log line and the latency metric. Only anonymous
 * GET and HEAD requests (no session cookie, no Authorization) are served from it; 200s only are
 * kept; it is cleared with the rendered-page cache: when catalog data is refreshed or purged, or
 * anything anonymous visitors see changes (reviews, public lists, custom titles).
 */
export function createResponseCache(o: ResponseCacheOptions) {
  const entries = new LRUCache<string, Entry>({
    maxSize: o.maxBytes,
    sizeCalculation: (e) => e.parts.reduce((n, p) => n + p.length, 0) + (e.gzip?.length ?? 0) + 2048,
    ttl: o.ttlMs,
  });
  const sessionCookie = `${o.sessionCookie}=`;
  // Bumped by each clear. A request remembers the one it arrived in: an answer built from data
  // read before a clear is not kept after it.
  let generation = 0;
  const arrivedIn = new WeakMap<IncomingMessage, number>();
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
    const nonce = entry.csp || entry.parts.length > 1 ? o.newNonce() : '';
    if (entry.csp) res.setHeader('Content-Security-Policy', entry.csp.join(nonce));
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
      if (entry.parts.length === 1) {
        body = entry.parts[0]!;
        if (body.length >= GZIP_MIN_BYTES && acceptsGzip(req)) {
          // Compressed once per entry, not once per response.
          entry.gzip ??= gzipSync(body);
          body = entry.gzip;
          res.setHeader('Content-Encoding', 'gzip');
        }
      } else {
        const n = Buffer.from(nonce);
        body = Buffer.concat(entry.parts.flatMap((part, i) => (i === 0 ? [part] : [n, part])));
      }
      res.setHeader('Content-Length', body.length);
    }
    res.end(req.method === 'HEAD' ? undefined : body);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    (entry.parts.length > 1 ? o.metrics.htmlCache : o.metrics.apiCache).inc({ result: 'hit' });
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
      if (!anonymousRead(req) || !req.url) return false;
      const entry = entries.get(req.url);
      // A page carries fresh nonces, so it cannot be compressed once: a client asking for gzip
      // takes the full path (behind nginx, which compresses, the app is never asked).
      if (entry && !(entry.parts.length > 1 && acceptsGzip(req))) {
        replay(req, res, entry);
        return true;
      }
      arrivedIn.set(req, generation);
      return false;
    },

    /**
     * Called by a route with the body it is about to send (JSON, or a page split where its nonce
     * goes): kept once the response has gone out as a 200 to an anonymous GET, with the headers
     * the stack gave it.
     */
    keep(req: Request, res: Response, body: string | Buffer[]) {
      if (req.method !== 'GET' || !anonymousRead(req)) return;
      // A page's misses are counted by the rendered-page cache behind this one.
      if (typeof body === 'string') o.metrics.apiCache.inc({ result: 'miss' });
      const url = req.originalUrl;
      const route = `${req.baseUrl}${String(req.route?.path ?? '')}`;
      const built = arrivedIn.get(req) ?? generation;
      res.once('finish', () => {
        if (res.statusCode !== 200 || res.getHeader('set-cookie') !== undefined || built !== generation) return;
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
          parts: typeof body === 'string' ? [Buffer.from(body)] : body,
          gzip: null,
          route,
        });
      });
    },

    clear: () => {
      generation += 1;
      entries.clear();
    },
    size: () => entries.size,
  };
}
export type ResponseCache = ReturnType<typeof createResponseCache>;
