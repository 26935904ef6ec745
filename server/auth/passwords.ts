import bcrypt from 'bcrypt';
import type { Metrics } from '../http/metrics.ts';

const utf8Bytes = (s: string) => Buffer.byteLength(s, 'utf8');

/**
 * bcrypt with the configured cost, timed into `cinehub_bcrypt_duration_seconds`. Checking a
 * password for an account that does not exist (or has no password) still runs one bcrypt
 * comparison against a dummy hash of the same cost, so response time does not reveal accounts.
 */
export function createPasswords(o: { cost: number; metrics: Metrics }) {
  let dummy: Promise<string> | null = null;
  const dummyHash = () => (dummy ??= bcrypt.hash('not-a-real-password-for-timing', o.cost));
  // Made now, so the first unknown-account sign-in is not the slow one.
  void dummyHash();

  async function timed<T>(op: 'hash' | 'compare', work: () => Promise<T>): Promise<T> {
    const end = o.metrics.bcryptDuration.startTimer({ op });
    try {
      return await work();
    } finally {
      end();
    }
  }

  return {
    /** The shared Password schema has already refused anything over 72 bytes: nothing is truncated. */
    hash(password: string): Promise<string> {
      if (utf8Bytes(password) > 72) throw new RangeError('password over 72 bytes reached hash()');
      return timed('hash', () => bcrypt.hash(password, o.cost));
    },
    /** False for a null hash or a password bcrypt would silently truncate, after the same work. */
    async verify(password: string, hash: string | null): Promise<boolean> {
      const usable = hash !== null && utf8Bytes(password) <= 72;
      const target = usable ? hash : await dummyHash();
      const match = await timed('compare', () => bcrypt.compare(password.slice(0, 200), target));
      return usable && match;
    },
    /** Spends one comparison's worth of time (unknown account on a password path). */
    async burn(): Promise<void> {
      const target = await dummyHash();
      await timed('compare', () => bcrypt.compare('x', target));
    },
  };
}
export type Passwords = ReturnType<typeof createPasswords>;
