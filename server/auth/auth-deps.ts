import { createHash, createHmac } from 'node:crypto';
import type { Logger } from 'pino';
import type { Database, Executor } from '../db/database.ts';
import type { Metrics } from '../http/metrics.ts';
import type { Notify } from '../notify/notify.ts';
import { createEmailTokensRepository } from './email-tokens.repository.ts';
import { createIdentitiesRepository } from './identities.repository.ts';
import { createOneTimeCodesRepository } from './one-time-codes.repository.ts';
import { createPasswords, type Passwords } from './passwords.ts';
import { createRefreshTokensRepository } from './refresh-tokens.repository.ts';
import { createUsersRepository } from './users.repository.ts';

function repositories(db: Executor) {
  return {
    users: createUsersRepository(db),
    refreshTokens: createRefreshTokensRepository(db),
    identities: createIdentitiesRepository(db),
    codes: createOneTimeCodesRepository(db),
    emailTokens: createEmailTokensRepository(db),
  };
}
export type AuthRepos = ReturnType<typeof repositories> & {
  /** A transaction on the pool, a savepoint inside one: a failed step can be retried without aborting the rest. */
  atomic<T>(work: (r: AuthRepos) => Promise<T>): Promise<T>;
};

/** Every repository of the feature on one executor (the pool, or a transaction). */
export function authRepos(db: Executor): AuthRepos {
  return { ...repositories(db), atomic: (work) => db.transaction((tx) => work(authRepos(tx))) };
}

/** What the auth services need, built once per app. Services see repositories, never Drizzle. */
export interface AuthDeps {
  repos: AuthRepos;
  /** Runs `work` in one transaction with repositories bound to it. */
  tx<T>(work: (repos: AuthRepos) => Promise<T>): Promise<T>;
  passwords: Passwords;
  notify: Pick<Notify, 'mailer' | 'sms' | 'sendMailLater'>;
  adminEmails: readonly string[];
  publicUrl: string;
  jwtSecret: string;
  /** Keyed hash for 6-digit codes: a plain SHA-256 of one of a million codes would be reversed at once. */
  hashCode(phone: string, code: string): string;
  /** Called after a user's sessions and tokens were revoked: open WebSockets close on every instance. */
  onRevoked(userId: string): void;
  log: Logger;
}

export function createAuthDeps(o: {
  database: Database;
  notify: Notify;
  metrics: Metrics;
  log: Logger;
  config: { adminEmails: string[]; publicUrl: string; bcryptCost: number; secrets: { jwt: string; session: string } };
  onRevoked?: (userId: string) => void;
}): AuthDeps {
  const codeKey = createHash('sha256').update(`otp-codes:${o.config.secrets.session}`).digest();
  return {
    repos: authRepos(o.database.db),
    tx: (work) => authRepos(o.database.db).atomic(work),
    passwords: createPasswords({ cost: o.config.bcryptCost, metrics: o.metrics }),
    notify: o.notify,
    adminEmails: o.config.adminEmails,
    publicUrl: o.config.publicUrl.replace(/\/$/, ''),
    jwtSecret: o.config.secrets.jwt,
    hashCode: (phone, code) => createHmac('sha256', codeKey).update(`${phone}:${code}`).digest('hex'),
    onRevoked: o.onRevoked ?? (() => {}),
    log: o.log,
  };
}
