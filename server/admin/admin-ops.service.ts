import type { Logger } from 'pino';
import type {
  Accepted,
  AdminJob,
  AdminJobQuery,
  AuditEntry,
  AuditQuery,
  CacheEntryQuery,
  CacheGroupList,
  OutboxQuery,
  PurgeCacheQuery,
} from '#shared/contracts/admin';
import { toPage, type Page } from '#shared/contracts/common';
import type { CatalogAdmin } from '../catalog/catalog-admin.service.ts';
import * as catalog from '../catalog/catalog.service.ts';
import { ConflictError, NotFoundError } from '../http/errors.ts';
import type { Viewer } from '../http/viewer.ts';
import type { JobQueue } from '../jobs/job-queue.ts';
import type { EventBus } from '../realtime/event-bus.ts';
import { assertAdmin, iso, isoOrNull } from './admin-guard.ts';
import type { AdminStore } from './admin.repository.ts';

export interface OpsDeps {
  store: AdminStore;
  catalog: catalog.CatalogDeps;
  catalogAdmin: CatalogAdmin;
  jobs: Pick<JobQueue, 'list' | 'stats'>;
  events: EventBus;
  log: Logger;
}

const FIRST_PAGE = { page: 1, limit: 20 };
/** What the home page and its rows read: warming these makes a cold start fast again. */
const HOME_ROWS: { label: string; load: (d: catalog.CatalogDeps) => Promise<unknown> }[] = [
  ...(['movie', 'tv'] as const).flatMap((kind) =>
    (['day', 'week'] as const).map((w) => ({
      label: `${kind}:trending-${w}`,
      load: (d: catalog.CatalogDeps) => catalog.trending(d, kind, w, FIRST_PAGE),
    })),
  ),
  ...(['popular', 'top_rated', 'upcoming', 'now_playing'] as const).map((c) => ({
    label: `movie:${c}`,
    load: (d: catalog.CatalogDeps) => catalog.list(d, 'movie', c, FIRST_PAGE),
  })),
  ...(['popular', 'top_rated', 'on_the_air'] as const).map((c) => ({
    label: `tv:${c}`,
    load: (d: catalog.CatalogDeps) => catalog.list(d, 'tv', c, FIRST_PAGE),
  })),
  { label: 'genres:movie', load: (d) => catalog.genres(d, 'movie') },
  { label: 'genres:tv', load: (d) => catalog.genres(d, 'tv') },
];

// One warm-up at a time per catalog (tests run several apps in one process).
const warming = new WeakMap<catalog.CatalogDeps, Promise<void>>();

export async function listCacheEntries(deps: OpsDeps, viewer: Viewer | null, q: CacheEntryQuery) {
  assertAdmin(viewer);
  return deps.catalogAdmin.listEntries(q);
}

export async function cacheGroups(deps: OpsDeps, viewer: Viewer | null): Promise<CacheGroupList> {
  assertAdmin(viewer);
  const rows = await deps.store.ops.cacheGroups();
  return { items: rows.map((g) => ({ ...g, nextExpiry: isoOrNull(g.nextExpiry) })) };
}

/**
 * Purges the table rows, this instance's memory copies at once and every other instance's by an
 * event; the audit row commits with the delete, so the purge runs here rather than in the catalog's.
 */
export async function purgeCache(deps: OpsDeps, viewer: Viewer | null, f: PurgeCacheQuery): Promise<void> {
  const actor = assertAdmin(viewer);
  await deps.store.transaction(async (r) => {
    const deleted = await r.ops.purgeCache(f);
    await r.audit.record({
      actorId: actor.userId,
      action: 'cache.purge',
      targetType: 'tmdb_cache',
      targetId: [f.type, f.category].filter(Boolean).join(':') || '*',
      details: { type: f.type ?? null, category: f.category ?? null, deleted },
    });
  });
  deps.catalog.cache.purgeMemory(f);
  void deps.events.publish({ type: 'CACHE_PURGED', payload: { type: f.type, category: f.category } });
}

/** Accepts at once (202) and fills the home rows behind the response; one warm-up at a time. */
export async function warmCache(deps: OpsDeps, viewer: Viewer | null): Promise<Accepted> {
  const actor = assertAdmin(viewer);
  await deps.store.transaction((r) =>
    r.audit.record({
      actorId: actor.userId,
      action: 'cache.warm',
      targetType: 'tmdb_cache',
      targetId: 'home',
      details: { rows: HOME_ROWS.map((h) => h.label) },
    }),
  );
  if (warming.has(deps.catalog)) return { status: 'accepted', message: 'A warm-up is already running' };
  const run = (async () => {
    for (const row of HOME_ROWS) {
      try {
        await row.load(deps.catalog);
      } catch (err) {
        deps.log.warn({ row: row.label, err: err instanceof Error ? err.message : err }, 'cache warm-up: row failed');
      }
    }
  })().finally(() => warming.delete(deps.catalog));
  warming.set(deps.catalog, run);
  return { status: 'accepted', message: `Warming ${HOME_ROWS.length} home rows` };
}

export async function listJobs(deps: OpsDeps, viewer: Viewer | null, q: AdminJobQuery): Promise<Page<AdminJob>> {
  assertAdmin(viewer);
  return deps.jobs.list(q);
}

/** A failed job goes back in the queue with one more try; anything else is a 409. */
export async function retryJob(deps: OpsDeps, viewer: Viewer | null, id: string): Promise<Accepted> {
  const actor = assertAdmin(viewer);
  const name = await deps.store.transaction(async (r) => {
    const result = await r.ops.retryJob(id);
    if (result === 'missing') throw new NotFoundError('Job');
    if (result === 'not-failed') throw new ConflictError('Only failed jobs can be retried');
    await r.audit.record({
      actorId: actor.userId,
      action: 'job.retry',
      targetType: 'job',
      targetId: id,
      details: { name: result.name },
    });
    return result.name;
  });
  void deps.events.publish({
    type: 'JOB_PROGRESS',
    payload: { jobId: id, kind: name, done: 0, total: 1, status: 'retry' },
  });
  return { status: 'accepted', message: `Job ${name} queued for another try` };
}

export async function listOutbox(deps: OpsDeps, viewer: Viewer | null, q: OutboxQuery) {
  assertAdmin(viewer);
  const { rows, total } = await deps.store.ops.listOutbox(q);
  return toPage(
    rows.map((r) => ({ ...r, createdAt: iso(r.createdAt) })),
    q,
    total,
  );
}

export async function listAudit(deps: OpsDeps, viewer: Viewer | null, q: AuditQuery) {
  assertAdmin(viewer);
  const { rows, total } = await deps.store.audit.list(q);
  const items: AuditEntry[] = rows.map((r) => ({
    ...r,
    details: (r.details ?? null) as AuditEntry['details'],
    createdAt: iso(r.createdAt),
  }));
  return toPage(items, q, total);
}
