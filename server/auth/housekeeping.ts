import type { Logger } from 'pino';
import type { HousekeepingRepository } from './housekeeping.repository.ts';

/** An expired row (no longer usable) is kept this long, for whoever looks into a sign-in problem. */
export const KEEP_EXPIRED_MS = 24 * 3600_000;

export interface HousekeepingDeps {
  repo: HousekeepingRepository;
  log: Logger;
  /** Default: hourly, the first run a minute after start. */
  intervalMs?: number;
  now?: () => number;
}

/**
 * Expired refresh tokens, phone codes, email links and rate-limit counters are deleted on a timer
 * in every instance (the deletes are idempotent, so instances need not agree on who runs them;
 * sessions of the cookie store prune themselves through connect-pg-simple).
 */
export function createHousekeeping(deps: HousekeepingDeps) {
  const now = deps.now ?? Date.now;
  const every = deps.intervalMs ?? 3600_000;
  let first: NodeJS.Timeout | null = null;
  let timer: NodeJS.Timeout | null = null;

  async function runOnce() {
    try {
      const gone = await deps.repo.pruneExpired(new Date(now() - KEEP_EXPIRED_MS));
      deps.log.info({ pruned: gone }, 'expired auth rows pruned');
      return gone;
    } catch (err) {
      deps.log.warn({ err: err instanceof Error ? err.message : err }, 'could not prune expired auth rows');
      return null;
    }
  }

  return {
    runOnce,
    start() {
      if (first || timer) return;
      first = setTimeout(
        () => {
          first = null;
          void runOnce();
          timer = setInterval(() => void runOnce(), every);
          timer.unref();
        },
        Math.min(60_000, every),
      );
      first.unref();
    },
    stop() {
      if (first) clearTimeout(first);
      if (timer) clearInterval(timer);
      first = timer = null;
    },
  };
}
export type Housekeeping = ReturnType<typeof createHousekeeping>;
