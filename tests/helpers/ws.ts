import WebSocket from 'ws';

export interface TestSocket {
  ws: WebSocket;
  /** Every `{type, payload}` message received so far, parsed. */
  messages: { type: string; payload: Record<string, unknown> }[];
  /** Resolves with the first message matching, or rejects after `ms`. */
  next(
    match: (m: { type: string; payload: Record<string, unknown> }) => boolean,
    ms?: number,
  ): Promise<{ type: string; payload: Record<string, unknown> }>;
  /** Resolves with the close code and reason. */
  closed: Promise<{ code: number; reason: string }>;
}

/** Opens a socket to `${base}/ws` (http URL is turned into ws). Rejects with the HTTP status if refused. */
export function openSocket(
  base: string,
  opts: { query?: string; headers?: Record<string, string>; origin?: string | null } = {},
): Promise<TestSocket> {
  const url = `${base.replace(/^http/, 'ws')}/ws${opts.query ? `?${opts.query}` : ''}`;
  const origin = opts.origin === undefined ? base : opts.origin;
  const ws = new WebSocket(url, { headers: opts.headers, ...(origin === null ? {} : { origin }) });
  const messages: TestSocket['messages'] = [];
  const waiters: {
    match: (m: TestSocket['messages'][number]) => boolean;
    resolve: (m: TestSocket['messages'][number]) => void;
  }[] = [];
  ws.on('message', (data) => {
    const m = JSON.parse(String(data)) as TestSocket['messages'][number];
    messages.push(m);
    for (const w of [...waiters]) {
      if (w.match(m)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(m);
      }
    }
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  return new Promise((resolve, reject) => {
    ws.once('open', () =>
      resolve({
        ws,
        messages,
        closed,
        next(match, ms = 5000) {
          const seen = messages.find(match);
          if (seen) return Promise.resolve(seen);
          return new Promise((res, rej) => {
            const timer = setTimeout(() => rej(new Error('no matching WebSocket message in time')), ms);
            waiters.push({ match, resolve: (m) => (clearTimeout(timer), res(m)) });
          });
        },
      }),
    );
    ws.once('unexpected-response', (_req, res) => {
      reject(Object.assign(new Error(`refused with ${res.statusCode}`), { status: res.statusCode }));
      ws.terminate();
    });
    ws.once('error', (err) => reject(err));
  });
}

/** Waits for `ms` so that an event which should NOT arrive has had every chance to. */
export const settle = (ms = 300) => new Promise((r) => setTimeout(r, ms));
