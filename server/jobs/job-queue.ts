import PgBoss from 'pg-boss';
import type { Logger } from 'pino';
import { toPage, type Page, type PageQuery } from '#shared/contracts/common';
import type { Metrics } from '../http/metrics.ts';
import type { EventBus } from '../realtime/event-bus.ts';
import { JOB_SCHEMA, type JobsRepository, type JobState, type JobView } from './jobs.repository.ts';

export interface JobContext {
  jobId: string;
  kind: string;
  /** Reports progress to admins' sockets (JOB_PROGRESS); call it as work gets done. */
  progress(done: number, total: number): void;
}
export type JobHandler<T> = (data: T, ctx: JobContext) => Promise<void>;

export interface KindOptions {
  /** Tries after the first failure (pg-boss retries with backoff); default 2. */
  retryLimit?: number;
  /** The first retry comes 1–2 times this after the failure, each next one twice as late; default 5. */
  retryDelayS?: number;
  /** A job running longer is failed (and retried); default 10 minutes. */
  expireInSeconds?: number;
  /** 'short': a job with the same singletonKey already waiting absorbs a new one. */
  policy?: 'standard' | 'short';
}

export interface EnqueueOptions {
  singletonKey?: string;
  startAfterSeconds?: number;
}

export interface JobQueueDeps {
  /** The database URL (the app's loopback URL for the embedded database). */
  url: string;
  repo: JobsRepository;
  log: Logger;
  metrics: Metrics;
  events: EventBus;
  /** Jobs this process runs at once; 0: enqueue only. */
  concurrency: number;
  pollingIntervalSeconds?: number;
}

/**
 * Background jobs in PostgreSQL through pg-boss: they survive restarts and every instance shares
 * them. Kinds are registered with their handler before start(); enqueue() works on every
 * instance, workers run only where concurrency > 0. pg-boss gets its own pool of 2 (the embedded
 * database's connection slots cover it).
 */
export function createJobQueue(deps: JobQueueDeps) {
  const boss = new PgBoss({
    connectionString: deps.url,
    schema: JOB_SCHEMA,
    max: 2,
    application_name: 'cinehub-jobs',
    // Cron is unused; skipping the clock monitor saves a connection's worth of polling.
    schedule: false,
    archiveCompletedAfterSeconds: 24 * 3600,
    deleteAfterDays: 7,
  });
  boss.on('error', (err) => deps.log.error({ err: err.message }, 'job queue error'));
  const kinds = new Map<string, { handler: JobHandler<never>; options: KindOptions }>();
  const workerIds = new Map<string, string[]>();
  let started = false;
  let stopped = false;

  const publish = (jobId: string, kind: string, done: number, total: number, status: string) => {
    void deps.events.publish({ type: 'JOB_PROGRESS', payload: { jobId, kind, done, total, status } });
  };

  async function runOne(kind: string, handler: JobHandler<never>, job: PgBoss.Job<unknown>) {
    // Progress goes out at most every 500 ms (and at the end): every instance relays each event.
    let lastSent = 0;
    const ctx: JobContext = {
      jobId: job.id,
      kind,
      progress: (done, total) => {
        const now = Date.now();
        if (done < total && now - lastSent < 500) return;
        lastSent = now;
        publish(job.id, kind, done, total, 'active');
      },
    };
    try {
      await handler(job.data as never, ctx);
      deps.metrics.jobs.inc({ kind, state: 'completed' });
      publish(job.id, kind, 1, 1, 'completed');
    } catch (err) {
      deps.metrics.jobs.inc({ kind, state: 'failed' });
      publish(job.id, kind, 0, 1, 'failed');
      deps.log.warn({ jobId: job.id, kind, err: err instanceof Error ? err.message : err }, 'job failed');
      // pg-boss records the failure and retries within the kind's retry limit.
      throw err;
    }
  }

  async function setUp(kind: string, handler: JobHandler<never>, options: KindOptions) {
    await boss.createQueue(kind, {
      name: kind,
      policy: options.policy ?? 'standard',
      retryLimit: options.retryLimit ?? 2,
      retryBackoff: true,
      retryDelay: options.retryDelayS ?? 5,
      expireInSeconds: options.expireInSeconds ?? 600,
    });
    for (let i = 0; i < deps.concurrency; i++) {
      const workerId = await boss.work(
        kind,
        { batchSize: 1, pollingIntervalSeconds: deps.pollingIntervalSeconds ?? 1 },
        async ([job]) => {
          if (job) await runOne(kind, handler, job);
        },
      );
      workerIds.set(kind, [...(workerIds.get(kind) ?? []), workerId]);
    }
  }

  const queue = {
    /** Declares a kind and its handler; kinds registered before start() are set up by it. */
    register<T>(kind: string, handler: JobHandler<T>, options: KindOptions = {}) {
      if (started) throw new Error(`register job kind ${kind} before start(), or use work()`);
      kinds.set(kind, { handler: handler as JobHandler<never>, options });
    },

    /** Declares a kind at any time (after start() too): its queue exists and workers run on return. */
    async work<T>(kind: string, handler: JobHandler<T>, options: KindOptions = {}) {
      if (kinds.has(kind)) throw new Error(`job kind ${kind} is already registered`);
      kinds.set(kind, { handler: handler as JobHandler<never>, options });
      if (started) await setUp(kind, handler as JobHandler<never>, options);
    },

    async start() {
      await boss.start();
      for (const [kind, { handler, options }] of kinds) await setUp(kind, handler, options);
      started = true;
    },

    /** Queues a job; null when a waiting job with the same singletonKey absorbed it. */
    async enqueue(kind: string, data: object, opts: EnqueueOptions = {}): Promise<string | null> {
      if (!kinds.has(kind)) throw new Error(`unknown job kind ${kind}`);
      if (stopped) return null;
      const id = await boss.send(kind, data, {
        ...(opts.singletonKey ? { singletonKey: opts.singletonKey } : {}),
        ...(opts.startAfterSeconds ? { startAfter: opts.startAfterSeconds } : {}),
      });
      if (id) {
        deps.metrics.jobs.inc({ kind, state: 'queued' });
        publish(id, kind, 0, 1, 'queued');
        // Wake a local worker now rather than at its next poll (other instances poll as usual).
        if (!opts.startAfterSeconds) for (const w of workerIds.get(kind) ?? []) boss.notifyWorker(w);
      }
      return id;
    },

    /** Jobs newest first; state and kind filter. */
    list(q: { state?: JobState; kind?: string } & PageQuery): Promise<Page<JobView>> {
      return deps.repo
        .list(q, { offset: (q.page - 1) * q.limit, limit: q.limit })
        .then((r) => toPage(r.rows, q, r.total));
    },

    /** Puts a failed job back in the queue (one more try); false when it is not a failed job. */
    async retry(id: string): Promise<boolean> {
      const job = await deps.repo.find(id);
      if (!job || job.state !== 'failed') return false;
      await boss.retry(job.kind, id);
      deps.metrics.jobs.inc({ kind: job.kind, state: 'retried' });
      for (const w of workerIds.get(job.kind) ?? []) boss.notifyWorker(w);
      publish(id, job.kind, 0, 1, 'retry');
      return true;
    },

    /** Counts for /admin: queued (created or waiting to retry), active, completed, failed. */
    stats: () => deps.repo.stats(),

    /** Stops fetching, lets running jobs finish (up to timeoutMs), then closes the pool. */
    async stop(timeoutMs = 8_000) {
      if (stopped) return;
      stopped = true;
      if (!started) return;
      // pg-boss waits for its pool to drain; a connection stuck in a query would hold shutdown
      // forever, so the wait is bounded (the process is about to exit anyway).
      const done = boss.stop({ graceful: true, timeout: timeoutMs, wait: true }).then(() => true);
      const late = new Promise<false>((resolve) => setTimeout(() => resolve(false), timeoutMs + 3_000).unref());
      if (!(await Promise.race([done, late]))) deps.log.warn('job queue did not stop in time');
    },
  };
  return queue;
}
export type JobQueue = ReturnType<typeof createJobQueue>;
