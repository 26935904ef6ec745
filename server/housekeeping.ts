import type { Logger } from 'pino';

/** One kind of clean-up: deletes what it owns that is over, returns how many rows went (by table). */
export type HousekeepingTask = () => Promise<Record<string, number>>;

export interface HousekeepingDeps {
  tasks: Record<string, HousekeepingTask>;
  log: Logger;
  /** Default: hourly, the first run a minute after start. */
  intervalMs?: number;
}

/**
 * Rows whose time is over are deleted on a timer in every instance: the deletes are idempotent,
 * so instances need not agree on who runs them. Each feature brings its own task (see runtime.ts).
 */
export function createHousekeeping(deps: HousekeepingDeps) {
  const every = deps.intervalMs ?? 3600_000;
  let first: NodeJS.Timeout | null = null;
  let timer: NodeJS.Timeout | null = null;

  /** Runs every task; a task that fails is logged and reported as null, the others still run. */
  async function runOnce(): Promise<Record<string, Record<string, number> | null>> {
    const out: Record<string, Record<string, number> | null> = {};
    for (const [name, task] of Object.entries(deps.tasks)) {
      try {
        out[name] = await task();
      } catch (err) {
        deps.log.warn({ task: name, err: err instanceof Error ? err.message : err }, 'housekeeping task failed');
        out[name] = null;
      }
    }
    deps.log.info({ pruned: out }, 'housekeeping done');
    return out;
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
