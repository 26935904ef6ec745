import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import pg from 'pg';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { EventBus, RealtimeEvent } from './event-bus.ts';

/** PostgreSQL refuses NOTIFY payloads of 8000 bytes or more. */
export const MAX_NOTIFY_BYTES = 7999;
export const DEFAULT_CHANNEL = 'cinehub_events';

// What travels through NOTIFY: the event plus the instance that raised it, so the raiser (which
// delivered locally at once) can skip its own echo.
const Envelope = z.object({
  origin: z.string(),
  event: z.object({
    type: z.enum([
      'CACHE_UPDATE',
      'JOB_PROGRESS',
      'NOTIFICATION',
      'SESSIONS_REVOKED',
      'PUBLIC_CHANGED',
      'CACHE_PURGED',
    ]),
    payload: z.record(z.string(), z.unknown()),
    userId: z.string().optional(),
  }),
});

export interface PgEventBusOptions {
  url: string;
  /** Runs the NOTIFY; the app's pool, so a publish never waits on the LISTEN connection. */
  query: (text: string, values: unknown[]) => Promise<unknown>;
  log: Logger;
  channel?: string;
  /** First reconnect delay; doubles up to maxBackoffMs. */
  minBackoffMs?: number;
  maxBackoffMs?: number;
}

/**
 * Fans events out across every instance on one PostgreSQL database: a dedicated connection
 * LISTENs on a channel, publishes are NOTIFYs through the pool. The raising instance delivers to
 * its own sockets at once, so a dropped LISTEN connection only costs cross-instance delivery
 * until the reconnect (with backoff) succeeds; events raised meanwhile elsewhere are lost — they
 * are hints to refresh, not records.
 */
export function createPgEventBus(opts: PgEventBusOptions): EventBus {
  const channel = opts.channel ?? DEFAULT_CHANNEL;
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(channel)) throw new Error(`Bad LISTEN channel name: ${channel}`);
  const minBackoff = opts.minBackoffMs ?? 250;
  const maxBackoff = opts.maxBackoffMs ?? 30_000;
  const instance = randomUUID();
  const local = new EventEmitter();
  local.setMaxListeners(0);
  let client: pg.Client | null = null;
  let closed = false;
  let attempt = 0;
  let retryTimer: NodeJS.Timeout | null = null;
  let readyResolve!: () => void;
  let readyPromise = new Promise<void>((r) => (readyResolve = r));
  let wasReady = false;

  function deliver(event: RealtimeEvent) {
    local.emit('event', event);
  }

  function onNotification(msg: pg.Notification) {
    if (msg.channel !== channel || !msg.payload) return;
    let parsed;
    try {
      parsed = Envelope.safeParse(JSON.parse(msg.payload));
    } catch {
      parsed = null;
    }
    if (!parsed?.success) {
      opts.log.warn({ channel }, 'ignored a malformed realtime notification');
      return;
    }
    if (parsed.data.origin === instance) return;
    deliver(parsed.data.event as RealtimeEvent);
  }

  function scheduleReconnect() {
    if (closed || retryTimer) return;
    const delay = Math.min(maxBackoff, minBackoff * 2 ** attempt) * (0.75 + Math.random() * 0.5);
    attempt++;
    retryTimer = setTimeout(() => {
      retryTimer = null;
      void connect();
    }, delay);
    retryTimer.unref();
  }

  async function connect() {
    if (closed) return;
    const c = new pg.Client({ connectionString: opts.url, keepAlive: true, connectionTimeoutMillis: 5_000 });
    let lost = false;
    const onLost = (err?: Error) => {
      if (lost) return;
      lost = true;
      if (client === c) client = null;
      c.removeAllListeners('notification');
      c.end().catch(() => {});
      if (closed) return;
      opts.log.warn({ err: err?.message }, 'realtime LISTEN connection lost; reconnecting');
      // Waiters on a ready() not yet resolved keep waiting on that one (the reconnect resolves it);
      // only a connection that had been ready starts a new wait.
      if (wasReady) {
        wasReady = false;
        readyPromise = new Promise<void>((r) => (readyResolve = r));
      }
      scheduleReconnect();
    };
    c.on('error', onLost);
    c.on('end', () => onLost());
    c.on('notification', onNotification);
    try {
      await c.connect();
      await c.query(`LISTEN ${channel}`);
    } catch (err) {
      onLost(err instanceof Error ? err : new Error(String(err)));
      return;
    }
    if (closed) {
      await c.end().catch(() => {});
      return;
    }
    if (attempt > 0) opts.log.info({ attempts: attempt }, 'realtime LISTEN connection restored');
    attempt = 0;
    client = c;
    wasReady = true;
    readyResolve();
  }

  void connect();

  return {
    async publish(event) {
      if (closed) return;
      deliver(event);
      const payload = JSON.stringify({ origin: instance, event });
      if (Buffer.byteLength(payload) > MAX_NOTIFY_BYTES) {
        // Events are small hints (ids and counters); one this large is a bug, not a reason to fail the caller.
        opts.log.warn(
          { type: event.type, bytes: Buffer.byteLength(payload) },
          'realtime event too large for NOTIFY; delivered locally only',
        );
        return;
      }
      try {
        await opts.query('select pg_notify($1, $2)', [channel, payload]);
      } catch (err) {
        opts.log.warn(
          { err: err instanceof Error ? err.message : err, type: event.type },
          'realtime NOTIFY failed; delivered locally only',
        );
      }
    },
    subscribe(listener) {
      local.on('event', listener);
      return () => local.off('event', listener);
    },
    ready: () => readyPromise,
    async close() {
      closed = true;
      if (retryTimer) clearTimeout(retryTimer);
      local.removeAllListeners();
      const c = client;
      client = null;
      if (c) {
        c.removeAllListeners();
        c.on('error', () => {});
        await c.end().catch(() => {});
      }
    },
  };
}
