import { authRepos } from '../auth/auth-deps.ts';
import type { Db, Executor } from '../db/database.ts';
import { createAdminContentRepository } from './admin-content.repository.ts';
import { createAdminOpsRepository } from './admin-ops.repository.ts';
import { createAdminUsersRepository } from './admin-users.repository.ts';
import { createAuditRepository } from './audit.repository.ts';
import { createMetricSamplesRepository } from './metric-samples.repository.ts';

function repositories(db: Executor) {
  return {
    users: createAdminUsersRepository(db),
    content: createAdminContentRepository(db),
    ops: createAdminOpsRepository(db),
    audit: createAuditRepository(db),
    samples: createMetricSamplesRepository(db),
    /** The auth feature's repositories on the same executor, for its revokeIn() inside an admin transaction. */
    auth: authRepos(db),
  };
}
export type AdminRepositories = ReturnType<typeof repositories>;

/**
 * The admin feature's repositories over the pool, plus `transaction(fn)` handing the same
 * repositories bound to one transaction: a change and its audit row commit together or not at all.
 */
export function createAdminStore(db: Db) {
  return {
    ...repositories(db),
    transaction<T>(fn: (repos: AdminRepositories) => Promise<T>): Promise<T> {
      return db.transaction((tx) => fn(repositories(tx)));
    },
  };
}
export type AdminStore = ReturnType<typeof createAdminStore>;
