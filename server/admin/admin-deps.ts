import type { Logger } from 'pino';
import type { CatalogAdmin } from '../catalog/catalog-admin.service.ts';
import type { CatalogDeps } from '../catalog/catalog.service.ts';
import type { JobQueue } from '../jobs/job-queue.ts';
import type { EventBus } from '../realtime/event-bus.ts';
import type { AdminStore } from './admin.repository.ts';
import type { MetricSampler } from './metric-sampler.ts';

/** What the admin feature is built from (server/app.ts wires it); each service picks what it needs. */
export interface AdminDeps {
  store: AdminStore;
  catalog: CatalogDeps;
  /** The catalog feature's admin view of its cache (entries, memory purge). */
  catalogAdmin: CatalogAdmin;
  /** The jobs feature's queue: listing and counts (retry runs in the admin transaction). */
  jobs: Pick<JobQueue, 'list' | 'stats'>;
  events: EventBus;
  sampler: MetricSampler;
  log: Logger;
  /** The library's hook for a custom title an admin changed or deleted (its stored image). */
  customTitleChanged(id: string): void;
}
