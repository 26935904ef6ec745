import path from 'node:path';
import type { Logger } from 'pino';
import { createTmdbCacheRepository } from './catalog/tmdb-cache.repository.ts';
import { createTmdbCache } from './catalog/tmdb-cache.ts';
import { createTmdbClient } from './catalog/tmdb-client.ts';
import { startOfflineTmdb, type OfflineTmdb } from './catalog/offline/offline-tmdb.ts';
import type { Config } from './config.ts';
import { openDatabase, runMigrations, type Database } from './db/database.ts';
import { sessionMiddleware } from './auth/session.ts';
import { createLocalEventBus, type EventBus } from './realtime/event-bus.ts';
import { createMetrics } from './http/metrics.ts';
import { createImagesRepository } from './images/images.repository.ts';
import { createImageService } from './images/images.service.ts';

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
  const cache = createTmdbCache({ repo: cacheRepo, metrics, log: log.child({ module: 'catalog' }) });
  const catalog = { tmdb, cache, cacheRepo, ttl: config.cacheTtl };

  const images = createImageService({
    repo: createImagesRepository(database.db),
    dir: config.images.dir,
    imageBaseUrl: tmdbTarget.imageBaseUrl,
    allowSvg: offlineTmdb !== null,
    timeoutMs: Math.max(config.tmdb.timeoutMs, 8000),
    metrics,
    log: log.child({ module: 'images' }),
  });

  // One instance per embedded database; with PostgreSQL the realtime feature swaps in LISTEN/NOTIFY.
  const events: EventBus = createLocalEventBus();

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
    images,
    sessions,
    events,
    root: path.resolve(import.meta.dirname, '..'),
    async close() {
      sessions.close();
      await events.close();
      if (!opts.offlineTmdb) await offlineTmdb?.close();
      if (!opts.database) await database.close();
    },
  };
}
export type Runtime = Awaited<ReturnType<typeof createRuntime>>;
