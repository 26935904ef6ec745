// The bundled offline TMDB: an in-process HTTP service speaking TMDB v3 (same paths, parameters and
// shapes) over the catalog facts in ./data, with drawn images and fault injection. The app's TMDB
// client talks to it exactly as to api.themoviedb.org when no TMDB key is configured.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import { loadOfflineCatalog } from './offline-data.ts';
import {
  createFaultInjector,
  FaultSpec,
  garbageBody,
  type FaultController,
  type FaultInjector,
} from './offline-faults.ts';
import { movieList, popularPeople, trending, tvList } from './offline-lists.ts';
import { faultBody, notFound, QueryParams, TmdbHttpError } from './offline-params.ts';
import { drawImage, IMAGE_SIZES } from './offline-posters.ts';
import { routeApi } from './offline-routes.ts';
import { warmSearchIndex } from './offline-search.ts';

export type { FaultController, FaultSpec } from './offline-faults.ts';

export interface OfflineTmdbStats {
  /** API requests received (under /3), faulted ones included; not /__control, not images. */
  calls: number;
  /** API requests per path, e.g. "/3/movie/550" → 2. */
  byPath: Map<string, number>;
  reset(): void;
}

export interface OfflineTmdb {
  /** e.g. http://127.0.0.1:PORT/3 */
  baseUrl: string;
  /** e.g. http://127.0.0.1:PORT/t/p (configuration's images.base_url is this plus "/") */
  imageBaseUrl: string;
  faults: FaultController;
  stats: OfflineTmdbStats;
  close(): Promise<void>;
}

export interface StartOfflineTmdbOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Also serve /__control/faults (POST, DELETE) and /__control/stats (GET, DELETE) for other processes. */
  controlApi?: boolean;
  /** Told about unexpected failures (bugs, not TMDB errors), which are answered with TMDB's 500. */
  onError?: (error: unknown) => void;
}

/** Loads the data and builds the lists and the search index now instead of on the first request. */
export async function warmOfflineCatalog(): Promise<void> {
  const catalog = await loadOfflineCatalog();
  for (const name of ['popular', 'top_rated', 'upcoming', 'now_playing'] as const) movieList(catalog, name);
  for (const name of ['popular', 'top_rated', 'on_the_air', 'airing_today'] as const) tvList(catalog, name);
  for (const window of ['day', 'week'] as const) trending(catalog, 'all', window);
  popularPeople(catalog);
  warmSearchIndex(catalog);
}

const JSON_TYPE = 'application/json;charset=utf-8';
const CONTROL_BODY_LIMIT = 64 * 1024;

function send(
  res: ServerResponse,
  status: number,
  contentType: string,
  body: string,
  headers: Record<string, string> = {},
): void {
  if (res.destroyed || res.writableEnded) return;
  res.writeHead(status, { 'Content-Type': contentType, 'Access-Control-Allow-Origin': '*', ...headers });
  res.end(body);
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  send(res, status, JSON_TYPE, JSON.stringify(body), headers);
}

/** A malformed escape ("%zz") names no image rather than failing the request. */
function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > CONTROL_BODY_LIMIT) reject(new Error('body too large'));
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export async function startOfflineTmdb(opts: StartOfflineTmdbOptions = {}): Promise<OfflineTmdb> {
  const host = opts.host ?? '127.0.0.1';
  const faults: FaultInjector = createFaultInjector();
  const byPath = new Map<string, number>();
  const stats: OfflineTmdbStats = {
    calls: 0,
    byPath,
    reset() {
      stats.calls = 0;
      byPath.clear();
    },
  };
  // Aborted on close so delayed answers do not outlive the server.
  const closing = new AbortController();
  let imageBaseUrl = '';

  const sleep = (ms: number): Promise<void> =>
    delay(ms, undefined, { signal: closing.signal }).catch(() => {
      // Aborted by close(): the request is abandoned, which applyFault checks next.
    });

  /** Applies the active fault; true when the fault answered (or will never answer) the request. */
  async function applyFault(pathname: string, res: ServerResponse): Promise<boolean> {
    const fault = faults.take(pathname);
    if (fault === undefined) return false;
    if (fault.latencyMs !== undefined && fault.latencyMs > 0) await sleep(fault.latencyMs);
    if (closing.signal.aborted) return true;
    if (fault.hang === true) return true;
    if (fault.status !== undefined) {
      const headers: Record<string, string> =
        fault.retryAfterS !== undefined ? { 'Retry-After': String(fault.retryAfterS) } : {};
      sendJson(res, fault.status, faultBody(fault.status), headers);
      return true;
    }
    if (fault.garbage !== undefined && fault.garbage !== false) {
      const garbage = garbageBody(fault.garbage);
      send(res, 200, garbage.contentType, garbage.body);
      return true;
    }
    return false;
  }

  async function handleApi(pathname: string, url: URL, res: ServerResponse): Promise<void> {
    stats.calls += 1;
    byPath.set(pathname, (byPath.get(pathname) ?? 0) + 1);
    if (await applyFault(pathname, res)) return;
    // api_key and "Authorization: Bearer" are accepted like TMDB's and their values ignored.
    const catalog = await loadOfflineCatalog();
    const body = routeApi(pathname, { catalog, q: new QueryParams(url.searchParams), imageBaseUrl });
    sendJson(res, 200, body);
  }

  async function handleImage(pathname: string, res: ServerResponse): Promise<void> {
    if (await applyFault(pathname, res)) return;
    const match = /^\/t\/p\/([^/]+)(\/[^/]+)$/.exec(pathname);
    const size = match?.[1];
    const file = match?.[2];
    const catalog = await loadOfflineCatalog();
    const subject = file === undefined ? undefined : catalog.images.get(safeDecode(file));
    if (size === undefined || !IMAGE_SIZES.has(size) || subject === undefined) {
      send(res, 404, 'text/plain; charset=utf-8', 'Not Found');
      return;
    }
    send(res, 200, 'image/svg+xml; charset=utf-8', drawImage(subject, size, catalog), {
      // Paths never change what they draw, so clients may keep them for good.
      'Cache-Control': 'public, max-age=31536000, immutable',
    });
  }

  async function handleControl(pathname: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (pathname === '/__control/faults' && req.method === 'POST') {
      let spec: FaultSpec;
      try {
        spec = FaultSpec.parse(JSON.parse(await readBody(req)));
      } catch (error) {
        sendJson(res, 400, { error: error instanceof Error ? error.message : 'invalid fault' });
        return;
      }
      faults.set(spec);
      sendJson(res, 200, { fault: faults.current() ?? null });
    } else if (pathname === '/__control/faults' && req.method === 'DELETE') {
      faults.clear();
      send(res, 204, JSON_TYPE, '');
    } else if (pathname === '/__control/stats' && req.method === 'GET') {
      sendJson(res, 200, { calls: stats.calls, byPath: Object.fromEntries(byPath) });
    } else if (pathname === '/__control/stats' && req.method === 'DELETE') {
      stats.reset();
      send(res, 204, JSON_TYPE, '');
    } else {
      sendJson(res, 404, notFound().body);
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://offline-tmdb');
    const pathname = url.pathname.length > 1 ? url.pathname.replace(/\/+$/, '') : url.pathname;
    if (opts.controlApi === true && pathname.startsWith('/__control/')) return handleControl(pathname, req, res);
    if (req.method === 'OPTIONS') {
      send(res, 204, 'text/plain', '', {
        'Access-Control-Allow-Methods': 'GET, HEAD, OPTIONS',
        'Access-Control-Allow-Headers': 'Authorization, Content-Type',
      });
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendJson(res, 405, notFound().body, { Allow: 'GET, HEAD, OPTIONS' });
      return;
    }
    if (pathname === '/3' || pathname.startsWith('/3/')) return handleApi(pathname, url, res);
    if (pathname.startsWith('/t/p/')) return handleImage(pathname, res);
    sendJson(res, 404, notFound().body);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (error instanceof TmdbHttpError) {
        sendJson(res, error.status, error.body);
        return;
      }
      opts.onError?.(error);
      sendJson(res, 500, faultBody(500));
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const publicHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  const origin = `http://${publicHost}:${port}`;
  imageBaseUrl = `${origin}/t/p`;

  return {
    baseUrl: `${origin}/3`,
    imageBaseUrl,
    faults: { set: (spec) => faults.set(spec), clear: () => faults.clear(), current: () => faults.current() },
    stats,
    close: () =>
      new Promise<void>((resolve, reject) => {
        closing.abort();
        server.close((error) => (error ? reject(error) : resolve()));
        // Hung requests keep their sockets open by design; end them so close() can finish.
        server.closeAllConnections();
      }),
  };
}
