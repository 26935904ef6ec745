import connectPgSimple from 'connect-pg-simple';
import session from 'express-session';
import type pg from 'pg';

export const IDLE_MS = 30 * 60 * 1000;
export const REMEMBER_MS = 30 * 24 * 3600 * 1000;

export const sessionCookieName = (production: boolean) => (production ? '__Host-cinehub.sid' : 'cinehub.sid');

/** express-session in PostgreSQL: httpOnly, SameSite=Lax, Secure and __Host- in production, idle 30 min. */
export function sessionMiddleware(opts: { pool: pg.Pool; secret: string; production: boolean }) {
  const PgStore = connectPgSimple(session);
  const store = new PgStore({
    pool: opts.pool,
    tableName: 'session',
    createTableIfMissing: false,
    pruneSessionInterval: 600,
  });
  const middleware = session({
    name: sessionCookieName(opts.production),
    secret: opts.secret,
    store,
    resave: false,
    saveUninitialized: false,
    rolling: true,
    proxy: opts.production,
    cookie: {
      httpOnly: true,
      sameSite: 'lax',
      secure: opts.production,
      path: '/',
      maxAge: IDLE_MS,
    },
  });
  // The store prunes expired sessions on a timer; close() stops it on shutdown.
  return { middleware, store, close: () => store.close() };
}
