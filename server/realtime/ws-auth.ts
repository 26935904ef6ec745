import { ServerResponse, type IncomingMessage } from 'node:http';
import type { Request, RequestHandler, Response } from 'express';
import { verifyAccessToken } from '../auth/access-tokens.ts';
import type { AuthStateRepository } from '../auth/auth-state.repository.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface SocketViewer {
  userId: string;
  via: 'session' | 'token';
  /** Still entitled to this user's events? Checked at every heartbeat (ban, logout, expiry). */
  stillValid(): Promise<boolean>;
}

export type UpgradeAuth = { ok: true; viewer: SocketViewer | null } | { ok: false; status: 401; message: string };

/**
 * Same origin only: a browser always sends Origin on a WebSocket handshake, and a foreign page
 * must not ride the user's cookie (cross-site WebSocket hijacking). Same origin means the Origin's
 * host is the host the request was sent to, or the configured public URL's origin (behind nginx).
 * A handshake with no Origin comes from a non-browser client, which gains nothing by omitting it.
 */
export function originAllowed(req: IncomingMessage, publicUrl: string): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return false;
  if (parsed.origin === new URL(publicUrl).origin) return true;
  const host = req.headers.host;
  return host !== undefined && parsed.host.toLowerCase() === host.toLowerCase();
}

interface AuthDeps {
  sessions: RequestHandler;
  authState: AuthStateRepository;
  jwtSecret: string;
}

/**
 * Who opens the socket, exactly as the HTTP middleware would decide it (server/auth/authenticate.ts):
 * `?token=<access JWT>` (or a Bearer header) wins and a bad one is a 401, never anonymous; else the
 * session cookie, run through the same express-session middleware, with the ban and token version
 * checked. No credentials: an anonymous socket.
 */
export async function authenticateUpgrade(req: IncomingMessage, deps: AuthDeps): Promise<UpgradeAuth> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const header = req.headers.authorization;
  const token = url.searchParams.get('token') ?? (header ? (/^Bearer\s+(\S+)$/i.exec(header)?.[1] ?? '') : null);
  if (token !== null) {
    const claims = token ? verifyAccessToken(deps.jwtSecret, token) : null;
    if (!claims || !UUID.test(claims.sub))
      return { ok: false, status: 401, message: 'Invalid or expired access token' };
    const state = await deps.authState.find(claims.sub);
    if (!state || state.isBanned || state.tokenVersion !== claims.ver) {
      return { ok: false, status: 401, message: 'Invalid or expired access token' };
    }
    return {
      ok: true,
      viewer: {
        userId: claims.sub,
        via: 'token',
        async stillValid() {
          // The token expires (15 minutes) or its version is bumped (ban, password reset).
          const again = verifyAccessToken(deps.jwtSecret, token);
          if (!again) return false;
          const now = await deps.authState.find(claims.sub);
          return !!now && !now.isBanned && now.tokenVersion === claims.ver;
        },
      },
    };
  }

  // express-session reads the cookie and loads the row; the response is never written.
  const expressReq = req as unknown as Request;
  const res = new ServerResponse(req) as unknown as Response;
  await new Promise<void>((resolve, reject) => {
    deps.sessions(expressReq, res, (err?: unknown) =>
      err ? reject(err instanceof Error ? err : new Error(String(err))) : resolve(),
    );
  });
  const sess = expressReq.session;
  const userId = sess?.userId;
  if (!sess || !userId) return { ok: true, viewer: null };
  const state = await deps.authState.find(userId);
  if (!state || state.isBanned || state.tokenVersion !== sess.tokenVersion) return { ok: true, viewer: null };
  const tokenVersion = sess.tokenVersion;
  const sid = sess.id;
  const store = expressReq.sessionStore;
  return {
    ok: true,
    viewer: {
      userId,
      via: 'session',
      async stillValid() {
        const now = await deps.authState.find(userId);
        if (!now || now.isBanned || now.tokenVersion !== tokenVersion) return false;
        // Signed out (session destroyed) or expired: the socket is no longer this user's.
        const data = await new Promise<unknown>((resolve, reject) =>
          store.get(sid, (err: unknown, s) =>
            err ? reject(err instanceof Error ? err : new Error(String(err))) : resolve(s),
          ),
        );
        return !!data && (data as { userId?: string }).userId === userId;
      },
    },
  };
}
