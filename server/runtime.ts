import path from 'node:path';
import type { Logger } from 'pino';
import { createTmdbCacheRepository } from './catalog/tmdb-cache.repository.ts';
import { createTmdbCache } from './catalog/tmdb-cache.ts';
import { createTmdbClient } from './catalog/tmdb-client.ts';
import { startOfflineTmdb, warmOfflineCatalog, type OfflineTmdb } from './catalog/offline/offline-tmdb.ts';
import type { Config } from './config.ts';
import { openDatabase, runMigrations, type Database } from './db/database.ts';
import { sessionMiddleware } from './auth/session.ts';
import { createLocalEventBus, type EventBus } from './realtime/event-bus.ts';
import { createPgEventBus } from './realtime/pg-event-bus.ts';
import { createMetricSampler, KEEP_SAMPLES_MS } from './admin/metric-sampler.ts';
import { createMetricSamplesRepository } from './admin/metric-samples.repository.ts';
import { createMetrics } from './http/metrics.ts';
import { createNotify } from './notify/notify.ts';
import { createImagesRepository } from './images/images.repository.ts';
import { createImageService } from './images/images.service.ts';
import { createCloudinaryStore } from './images/cloudinary-store.ts';
import { createCustomImages } from './images/custom-images.service.ts';
import type { UserImageFetchOptions } from './images/safe-fetch.ts';
import { createCatalogAdmin } from './catalog/catalog-admin.service.ts';
import type { CatalogDeps } from './catalog/catalog.service.ts';
import { createHousekeepingRepository, KEEP_EXPIRED_MS } from './auth/housekeeping.repository.ts';
import { createHousekeeping } from './housekeeping.ts';
import { createJobQueue } from './jobs/job-queue.ts';
import { createJobsRepository } from './jobs/jobs.repository.ts';
import { registerImageJobs } from './jobs/image-jobs.ts';

/**
 * Everything the app needs, built once from config in dependency order: database (migrated),
 * TMDB (real or the bundled offline one), caches, integrations. Nothing connects at import time;
 * tests build the same runtime with their own config.
 */
export interface RuntimeOptions {
  /** An already open database (tests share one per file). */
  database?: Database;
  /** An offline TMDB started by the caller (tests drive its fault injection); used when no key is set. */
  offlineTmdb?: OfflineTmdb;
  /** Tests only: lets the guarded fetcher of custom titles' images reach a local https server. */
  userImageFetch?: Omit<UserImageFetchOptions, 'target'>;
  /** Tests only: a shorter WebSocket heartbeat than the 30 s default. */
  wsHeartbeatMs?: number;
  /** Tests only: a sooner retry of a custom title's image than the 10 s default. */
  customImageRetryDelayS?: number;
}

export async function createRuntime(config: Config, log: Logger, opts: RuntimeOptions = {}) {
  const metrics = createMetrics();
  const database =
    opts.database ??
    (await openDatabase(config.db.kind === 'embedded' ? { kind: 'embedded', dir: config.db.dir } : config.db));
  await runMigrations(database);

  let offlineTmdb: OfflineTmdb | null = null;
  let tmdbTarget: { baseUrl: string; imageBaseUrl: string; apiKey?: string };
  if (config.tmdb.kind === 'remote') {
    tmdbTarget = { baseUrl: config.tmdb.baseUrl, imageBaseUrl: config.tmdb.imageBaseUrl, apiKey: config.tmdb.key };
  } else {
    offlineTmdb = opts.offlineTmdb ?? (await startOfflineTmdb({ port: 0 }));
    // Building its lists and search index takes a couple of seconds of CPU in this process: do it
    // before serving, so the first visitors' TMDB calls do not time out behind it.
    await warmOfflineCatalog();
    tmdbTarget = { baseUrl: offlineTmdb.baseUrl, imageBaseUrl: offlineTmdb.imageBaseUrl };
    log.info('no TMDB_API_KEY: serving the bundled offline catalog');
  }

  const tmdb = createTmdbClient({
    baseUrl: tmdbTarget.baseUrl,
    apiKey: tmdbTarget.apiKey,
    timeoutMs: config.tmdb.timeoutMs,
    ratePerSecond: config.tmdb.ratePerSecond,
    metrics,
  });
  const cacheRepo = createTmdbCacheRepository(database.db);
  const cache = createTmdbCache({
    repo: cacheRepo,
    metrics,
    log: log.child({ module: 'catalog' }),
    notFoundTtlS: config.cacheTtl.notFoundS,
  });
  const catalogLog = log.child({ module: 'catalog' });
  const catalog: CatalogDeps = {
    tmdb,
    cache,
    cacheRepo,
    ttl: config.cacheTtl,
    onLearnError: (err) =>
      catalogLog.warn({ err: err instanceof Error ? err.message : err }, 'could not remember titles'),
  };
  const catalogAdmin = createCatalogAdmin({ cacheRepo, cache, tmdb, metrics });

  const imagesRepo = createImagesRepository(database.db);
  const cloudinary =
    config.images.kind === 'cloudinary'
      ? createCloudinaryStore({ url: config.images.url, repo: imagesRepo, metrics, timeoutMs: 20_000 })
      : undefined;
  const images = createImageService({
    repo: imagesRepo,
    dir: config.images.dir,
    imageBaseUrl: tmdbTarget.imageBaseUrl,
    allowSvg: offlineTmdb !== null,
    timeoutMs: Math.max(config.tmdb.timeoutMs, 8000),
    metrics,
    log: log.child({ module: 'images' }),
    cloudinary,
    avif: config.imageAvif,
  });
  const customImages = createCustomImages({
    repo: imagesRepo,
    disk: images.disk,
    dir: config.images.dir,
    cloudinary,
    metrics,
    fetchOverrides: opts.userImageFetch,
  });

  // PGlite's LISTEN does not cross connections and the embedded database serves one instance, so
  // it gets the in-process bus; real PostgreSQL fans events out to every instance by LISTEN/NOTIFY.
  const events: EventBus =
    database.kind === 'postgres'
      ? createPgEventBus({
          url: database.url,
          query: (text, values) => database.pool.query(text, values),
          log: log.child({ module: 'realtime' }),
        })
      : createLocalEventBus();
  // Signal ready only once other instances' events can arrive; a slow LISTEN keeps retrying behind.
  await Promise.race([events.ready(), new Promise((r) => setTimeout(r, 5_000).unref())]);
  // A title's details entered the cache ('cached') or were refreshed ('refreshed'): open pages of it
  // refetch, on every instance (API.md's CACHE_UPDATE).
  cache.onUpdate((u) => {
    if ((u.type === 'movie' || u.type === 'tv') && u.tmdbId !== null) {
      const status = u.reason === 'refreshed' ? 'refreshed' : 'cached';
      void events.publish({ type: 'CACHE_UPDATE', payload: { mediaType: u.type, mediaId: u.tmdbId, status } });
    }
  });

  // Background jobs (pg-boss in the same database; they survive restarts and instances share them).
  const jobs = createJobQueue({
    url: database.url,
    repo: createJobsRepository(database.db),
    log: log.child({ module: 'jobs' }),
    metrics,
    events,
    concurrency: config.jobs.concurrency,
  });
  const imageJobs = registerImageJobs(jobs, images, log.child({ module: 'jobs' }));
  // A list page fetched from TMDB (never a cache hit) queues its posters; AVIF encodes go to jobs.
  catalog.onUpstreamList = (items) => imageJobs.queuePosters(items);
  images.setAvifQueue((size, file) => imageJobs.queueAvif(size, file));
  await jobs.start();

  // Admin charts: each minute, this process's counters go into metric_samples (summed across instances).
  const samples = createMetricSamplesRepository(database.db);
  const sampler = createMetricSampler({
    metrics,
    repo: samples,
    log: log.child({ module: 'metrics' }),
  });
  sampler.start();

  // Hourly: expired refresh tokens, phone codes, email links and rate-limit counters go a day
  // after expiry, admin chart samples after 48 hours, searches and discover queries a week after
  // expiry (stale copies are worth that long).
  const authRows = createHousekeepingRepository(database.db);
  const housekeeping = createHousekeeping({
    tasks: {
      auth: () => authRows.pruneExpired(new Date(Date.now() - KEEP_EXPIRED_MS)),
      metrics: async () => ({ metricSamples: await samples.prune(new Date(Date.now() - KEEP_SAMPLES_MS)) }),
      catalog: async () => ({
        tmdbCache: await cacheRepo.pruneExpired(['search', 'discover'], new Date(Date.now() - 7 * 24 * 3600_000)),
      }),
    },
    log: log.child({ module: 'housekeeping' }),
  });
  housekeeping.start();

  // Email and SMS: SendGrid/Twilio when configured, else the PostgreSQL outbox; chosen once, here.
  const notify = await createNotify(config, {
    db: database.db,
    metrics,
    log: log.child({ module: 'notify' }),
    revealInLog: !config.production,
  });

  const sessions = sessionMiddleware({
    pool: database.pool,
    secret: config.secrets.session,
    production: config.production,
  });

  return {
    config,
    log,
    metrics,
    database,
    offlineTmdb,
    catalog,
    catalogAdmin,
    images,
    customImages,
    jobs,
    sessions,
    notify,
    events,
    sampler,
    housekeeping,
    customImageRetryDelayS: opts.customImageRetryDelayS,
    root: path.resolve(import.meta.dirname, '..'),
    async close() {
      // Running jobs finish (or are failed, to be retried) before the database goes.
      housekeeping.stop();
      await jobs.stop(5_000);
      sessions.close();
      await notify.drain();
      await sampler.stop().catch(() => {});
      await events.close();
      if (!opts.offlineTmdb) await offlineTmdb?.close();
      if (!opts.database) await database.close();
    },
  };
}
export type Runtime = Awaited<ReturnType<typeof createRuntime>>;
