/**
 * Keeps an instance from hammering a service that is failing or has asked it to wait. Two rules:
 * a 429's Retry-After pauses every call (TMDB limits by IP, so the next call would get a 429
 * too), and after `threshold` failed calls in a row the breaker opens for `cooldownMs`, so
 * requests fail fast (stale or 503 at once) instead of each waiting out its timeouts. After the
 * cooldown calls go through again; one failure re-opens it, one success closes it.
 */
export function createUpstreamGuard(opts: { threshold: number; cooldownMs: number; now?: () => number }) {
  const now = opts.now ?? Date.now;
  let failures = 0;
  let openUntil = 0;
  let pausedUntil = 0;
  return {
    /** Milliseconds until calls may go out again; 0 when they may go now. */
    blockedFor(): number {
      return Math.max(0, openUntil - now(), pausedUntil - now());
    },
    pauseFor(ms: number) {
      pausedUntil = Math.max(pausedUntil, now() + ms);
    },
    success() {
      failures = 0;
      openUntil = 0;
    },
    failure() {
      failures += 1;
      if (failures >= opts.threshold) openUntil = now() + opts.cooldownMs;
    },
    state() {
      const t = now();
      return {
        open: openUntil > t,
        paused: pausedUntil > t,
        consecutiveFailures: failures,
      };
    },
  };
}
export type UpstreamGuard = ReturnType<typeof createUpstreamGuard>;
