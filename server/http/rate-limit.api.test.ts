import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../tests/helpers/test-app.ts';
import { PostgresRateLimitStore } from './rate-limit.ts';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.close();
});

const store = (prefix: string, windowMs = 60_000) => {
  const s = new PostgresRateLimitStore(app.server.runtime.database.db, prefix);
  s.init({ windowMs } as Parameters<PostgresRateLimitStore['init']>[0]);
  return s;
};

describe('PostgresRateLimitStore', () => {
  it('counts exactly under 50 concurrent hits: every count from 1 to 50 handed out once', async () => {
    const s = store('exact:');
    const results = await Promise.all(Array.from({ length: 50 }, () => s.increment('k')));
    expect(results.map((r) => r.totalHits).sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(new Set(results.map((r) => r.resetTime?.getTime())).size).toBe(1);
    expect((await s.get('k'))?.totalHits).toBe(50);
  });

  it('starts a new window at 1 once the old one ended, and keys and prefixes are separate', async () => {
    const s = store('window:', 60_000);
    await s.increment('a');
    await s.increment('a');
    expect((await store('other:').increment('a')).totalHits).toBe(1);
    await app.server.runtime.database.pool.query(
      "UPDATE rate_limits SET reset_at = now() - interval '1 ms' WHERE key = 'window:a'",
    );
    const fresh = await s.increment('a');
    expect(fresh.totalHits).toBe(1);
    expect(fresh.resetTime!.getTime()).toBeGreaterThan(Date.now() + 50_000);
  });

  it('decrements (for limits that count only failures) and resets keys', async () => {
    const s = store('dec:');
    await s.increment('x');
    await s.increment('x');
    await s.decrement('x');
    expect((await s.get('x'))?.totalHits).toBe(1);
    await s.resetKey('x');
    expect(await s.get('x')).toBeUndefined();
  });
});
