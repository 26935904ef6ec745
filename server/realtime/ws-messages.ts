import { z } from 'zod';
import type { RealtimeEvent } from './event-bus.ts';

/**
 * What a client may send. Browsers cannot send WebSocket pings, so an application-level PING
 * (answered with PONG) lets a page check its connection; nothing else is expected. Anything that
 * is not one of these closes the socket with 1003.
 */
export const ClientMessage = z.discriminatedUnion('type', [z.object({ type: z.literal('PING') }).strict()]);
export type ClientMessage = z.infer<typeof ClientMessage>;

export function parseClientMessage(data: Buffer | ArrayBuffer | Buffer[], isBinary: boolean): ClientMessage | null {
  if (isBinary) return null;
  const text = Array.isArray(data)
    ? Buffer.concat(data).toString('utf8')
    : Buffer.from(data as ArrayBuffer).toString('utf8');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  const parsed = ClientMessage.safeParse(json);
  return parsed.success ? parsed.data : null;
}

/** The wire form of an event: `{type, payload}` — who it was addressed to stays on the server. */
export function serializeEvent(event: RealtimeEvent): string {
  return JSON.stringify({ type: event.type, payload: event.payload });
}

/** A socket sees public events, and its own user's; never another user's. */
export function visibleTo(event: RealtimeEvent, userId: string | null): boolean {
  return event.userId === undefined || (userId !== null && event.userId === userId);
}

/** Token bucket per socket: `burst` messages at once, refilled at `perSecond`. */
export function createRateLimiter(opts: { burst: number; perSecond: number; now?: () => number }) {
  const now = opts.now ?? Date.now;
  let tokens = opts.burst;
  let last = now();
  return {
    take(): boolean {
      const t = now();
      tokens = Math.min(opts.burst, tokens + ((t - last) / 1000) * opts.perSecond);
      last = t;
      if (tokens < 1) return false;
      tokens -= 1;
      return true;
    },
  };
}
