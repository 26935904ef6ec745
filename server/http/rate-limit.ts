import { sql } from 'drizzle-orm';
import type { Request, RequestHandler } from 'express';
import { ipKeyGenerator, rateLimit, type IncrementResponse, type Options, type Store } from 'express-rate-limit';
import type { Logger } from 'pino';
import type { Executor } from '../db/database.ts';
import { RateLimitedError, UpstreamUnavailableError } from './errors.ts';

/**
 * express-rate-limit's store over the `rate_limits` table, shared by every instance of a cluster.
 * One upsert per hit: the row lock PostgreSQL takes on conflict makes the count exact under
 * concurrency (no read-then-write race), and a window that has ended starts again at 1.
 */
export class PostgresRateLimitStore implements Store {
  readonly localKeys = false;
  private windowMs = 60_000;

  constructor(
    private readonly db: Executor,
    /** Distinguishes limiters sharing the table (express-rate-limit also checks it). */
    readonly prefix: string,
  ) {}

  init(options: Options): void {
    this.windowMs = options.windowMs;
  }

  async get(key: string): Promise<IncrementResponse | undefined> {
    const { rows } = await this.db.execute<{ hits: number; reset_at: Date }>(
      sql`SELECT hits, reset_at FROM rate_limits WHERE key = ${this.prefix + key} AND reset_at > now()`,
    );
    const row = rows[0];
    return row ? { totalHits: row.hits, resetTime: new Date(row.reset_at) } : undefined;
  }

  async increment(key: string): Promise<IncrementResponse> {
    try {
      const { rows } = await this.db.execute<{ hits: number; reset_at: Date }>(sql`
        INSERT INTO rate_limits (key, hits, reset_at)
        VALUES (${this.prefix + key}, 1, now() + ${this.windowMs} * interval '1 millisecond')
        ON CONFLICT (key) DO UPDATE SET
          hits = CASE WHEN rate_limits.reset_at <= now() THEN 1 ELSE rate_limits.hits + 1 END,
          reset_at = CASE WHEN rate_limits.reset_at <= now() THEN excluded.reset_at ELSE rate_limits.reset_at END
        RETURNING hits, reset_at`);
      const row = rows[0];
      if (!row) throw new Error('rate_limits upsert returned no row');
      // Old windows would pile up one row per address; sweep them now and then, off the hot path's result.
      if (Math.random() < 0.002) void this.sweep().catch(() => {});
      return { totalHits: Number(row.hits), resetTime: new Date(row.reset_at) };
    } catch (err) {
      // Callers fail closed: an auth route that cannot count attempts does not run unthrottled.
      throw new UpstreamUnavailableError('Rate limiter', { cause: err });
    }
  }

  async decrement(key: string): Promise<void> {
    await this.db.execute(
      sql`UPDATE rate_limits SET hits = greatest(hits - 1, 0) WHERE key = ${this.prefix + key} AND reset_at > now()`,
    );
  }

  async resetKey(key: string): Promise<void> {
    await this.db.execute(sql`DELETE FROM rate_limits WHERE key = ${this.prefix + key}`);
  }

  private async sweep(): Promise<void> {
    await this.db.execute(sql`DELETE FROM rate_limits WHERE reset_at < now() - interval '1 hour'`);
  }
}

export interface LimitOptions {
  /** Unique per limiter: the key prefix in the table. */
  name: string;
  windowMs: number;
  limit: number;
  /** What is counted: by default the client address (IPv6 grouped by /56). */
  key?: (req: Request) => string | Promise<string>;
  /** Count only failed requests (status ≥ 400), e.g. wrong passwords; past the limit every request is refused. */
  failuresOnly?: boolean;
  /** Let requests through when the store is down (never for auth routes, which fail closed with a 503). */
  failOpen?: boolean;
  /** Where store errors go (express-rate-limit would otherwise write to the console). */
  log: Logger;
}

export const clientAddress = (req: Request) => ipKeyGenerator(req.ip ?? 'unknown');

/** Seconds until the window of the limiter that refused `req` ends (at least 1). */
function retryAfterS(req: Request, property: string): number {
  const info = (req as unknown as Record<string, { resetTime?: Date } | undefined>)[property];
  const ms = info?.resetTime ? info.resetTime.getTime() - Date.now() : 60_000;
  return Math.max(1, Math.ceil(ms / 1000));
}

/**
 * An express-rate-limit middleware over the shared PostgreSQL store. Past the limit it throws
 * RateLimitedError, so the 429 body and `Retry-After` come from the one error handler.
 */
export function createRateLimiter(db: Executor, o: LimitOptions): RequestHandler {
  const property = `rateLimit_${o.name.replace(/\W/g, '_')}`;
  return rateLimit({
    windowMs: o.windowMs,
    limit: o.limit,
    store: new PostgresRateLimitStore(db, `${o.name}:`),
    keyGenerator: o.key ?? ((req) => clientAddress(req)),
    requestPropertyName: property,
    skipSuccessfulRequests: o.failuresOnly ?? false,
    standardHeaders: false,
    legacyHeaders: false,
    passOnStoreError: o.failOpen ?? false,
    logger: o.log,
    handler: (req) => {
      throw new RateLimitedError(retryAfterS(req, property));
    },
  });
}
