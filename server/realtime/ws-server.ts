import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { RequestHandler } from 'express';
import type { Logger } from 'pino';
import { WebSocket, WebSocketServer } from 'ws';
import type { AuthStateRepository } from '../auth/auth-state.repository.ts';
import type { Metrics } from '../http/metrics.ts';
import type { EventBus } from './event-bus.ts';
import { authenticateUpgrade, originAllowed, type SocketViewer } from './ws-auth.ts';
import { createRateLimiter, parseClientMessage, serializeEvent, visibleTo } from './ws-messages.ts';

export const WS_PATH = '/ws';
export const WS_MAX_PAYLOAD = 64 * 1024;
// A client that reads slower than events arrive is dropped rather than buffered without bound.
const MAX_BUFFERED = 1024 * 1024;

export interface RealtimeDeps {
  server: Server;
  events: EventBus;
  sessions: RequestHandler;
  authState: AuthStateRepository;
  jwtSecret: string;
  publicUrl: string;
  metrics: Metrics;
  log: Logger;
  heartbeatMs?: number;
  rateLimit?: { burst: number; perSecond: number };
}

interface Client {
  ws: WebSocket;
  viewer: SocketViewer | null;
  alive: boolean;
}

const REASONS: Record<number, string> = {
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** Refuses a handshake with a plain HTTP answer in the API's error shape, before any upgrade. */
function refuse(socket: Duplex, status: number, code: string, message: string) {
  const body = JSON.stringify({ error: { code, message } });
  if (socket.writable) {
    socket.end(
      `HTTP/1.1 ${status} ${REASONS[status] ?? 'Error'}\r\nConnection: close\r\nContent-Type: application/json\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    );
  }
  socket.destroy();
}

/**
 * The /ws endpoint on the app's own HTTP server: same origin only, signed in by session cookie or
 * `?token=`, heartbeats, a size limit (1009), a per-socket rate limit, and malformed messages
 * closing only their own socket (1003). Events come from the bus, so they reach sockets on every
 * instance.
 */
export function attachRealtime(deps: RealtimeDeps) {
  const log = deps.log.child({ module: 'realtime' });
  const heartbeatMs = deps.heartbeatMs ?? 30_000;
  const rate = deps.rateLimit ?? { burst: 20, perSecond: 5 };
  const wss = new WebSocketServer({ noServer: true, maxPayload: WS_MAX_PAYLOAD, clientTracking: false });
  const clients = new Set<Client>();
  let closing = false;

  async function onUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer) {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (path !== WS_PATH) {
      // Vite's hot reload shares this server in development; anything nobody else claims is refused.
      if (deps.server.listenerCount('upgrade') <= 1) refuse(socket, 404, 'NOT_FOUND', 'No WebSocket endpoint here');
      return;
    }
    socket.on('error', () => socket.destroy());
    if (closing) return refuse(socket, 503, 'UPSTREAM_UNAVAILABLE', 'Server is shutting down');
    if (!originAllowed(req, deps.publicUrl)) return refuse(socket, 403, 'FORBIDDEN', 'Cross-origin WebSocket refused');
    const auth = await authenticateUpgrade(req, deps);
    if (!auth.ok) return refuse(socket, auth.status, 'UNAUTHORIZED', auth.message);
    if (closing || socket.destroyed) return socket.destroy();
    wss.handleUpgrade(req, socket, head, (ws) => onConnection(ws, auth.viewer));
  }

  function onConnection(ws: WebSocket, viewer: SocketViewer | null) {
    const client: Client = { ws, viewer, alive: true };
    const limiter = createRateLimiter(rate);
    clients.add(client);
    deps.metrics.wsConnections.inc();
    ws.on('pong', () => (client.alive = true));
    ws.on('message', (data, isBinary) => {
      if (!limiter.take()) return ws.close(1008, 'Rate limit exceeded');
      const msg = parseClientMessage(data, isBinary);
      if (!msg) return ws.close(1003, 'Malformed message');
      if (msg.type === 'PING') ws.send(JSON.stringify({ type: 'PONG', payload: {} }));
    });
    // Oversize frames (1009) and protocol errors surface here; ws closes the socket itself.
    ws.on('error', (err) => log.debug({ err: err.message }, 'websocket error'));
    ws.on('close', () => {
      clients.delete(client);
      deps.metrics.wsConnections.dec();
    });
  }

  const unsubscribe = deps.events.subscribe((event) => {
    if (event.type === 'SESSIONS_REVOKED') return revoke(event.userId);
    if (event.type === 'PUBLIC_CHANGED' || event.type === 'CACHE_PURGED') return;
    const wire = serializeEvent(event);
    for (const c of clients) {
      if (c.ws.readyState !== WebSocket.OPEN || !visibleTo(event, c.viewer?.userId ?? null)) continue;
      if (c.ws.bufferedAmount > MAX_BUFFERED) {
        c.ws.terminate();
        continue;
      }
      c.ws.send(wire);
    }
  });

  /** Closes the user's sockets whose credentials no longer hold (1008), without waiting for a heartbeat. */
  function revoke(userId: string) {
    for (const c of clients) {
      if (c.viewer?.userId !== userId) continue;
      c.viewer
        .stillValid()
        .then((ok) => ok || c.ws.close(1008, 'Authentication ended'))
        .catch(() => c.ws.close(1008, 'Authentication ended'));
    }
  }

  const heartbeat = setInterval(() => {
    for (const c of clients) {
      if (!c.alive) {
        c.ws.terminate();
        continue;
      }
      c.alive = false;
      c.ws.ping();
      // A ban, a sign-out or an expired token ends the socket's right to this user's events.
      c.viewer
        ?.stillValid()
        .then((ok) => {
          if (!ok) c.ws.close(1008, 'Authentication ended');
        })
        .catch((err: unknown) => log.debug({ err }, 'could not recheck a socket; kept until the next beat'));
    }
  }, heartbeatMs);
  heartbeat.unref();

  const listener = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    onUpgrade(req, socket, head).catch((err: unknown) => {
      log.error({ err }, 'websocket upgrade failed');
      refuse(socket, 500, 'INTERNAL_ERROR', 'Something went wrong on our side');
    });
  };
  deps.server.on('upgrade', listener);

  return {
    connections: () => clients.size,
    /** Closes every socket with 1001 (going away), waiting briefly for clients to answer. */
    async close(waitMs = 1000) {
      if (closing) return;
      closing = true;
      clearInterval(heartbeat);
      unsubscribe();
      deps.server.off('upgrade', listener);
      const open = [...clients];
      const done = Promise.all(
        open.map(
          (c) =>
            new Promise<void>((resolve) => {
              if (c.ws.readyState === WebSocket.CLOSED) return resolve();
              c.ws.once('close', () => resolve());
              c.ws.close(1001, 'Server shutting down');
            }),
        ),
      );
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([done, new Promise<void>((r) => (timer = setTimeout(r, waitMs)))]);
      clearTimeout(timer);
      for (const c of clients) c.ws.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
export type Realtime = ReturnType<typeof attachRealtime>;
