import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../tests/helpers/factories.ts';
import { startTestApp, type TestApp } from '../tests/helpers/test-app.ts';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.close();
});

const HOUR = "interval '1 hour'";
const DAYS_AGO = "now() - interval '3 days'";

describe('housekeeping of expired rows', () => {
  it('deletes refresh tokens, phone codes, email links and rate-limit counters a day after they expire', async () => {
    const user = await createUser(app);
    // For each table: one row long expired, one that just expired, one still valid.
    for (const [when, tag] of [
      [DAYS_AGO, 'old'],
      [`now() - ${HOUR}`, 'recent'],
      [`now() + ${HOUR}`, 'live'],
    ] as const) {
      await app.rows(
        `INSERT INTO auth_sessions (user_id, family_id, token_hash, expires_at) VALUES ($1, gen_random_uuid(), $2, ${when})`,
        [user.id, `hk-${tag}`],
      );
      await app.rows(`INSERT INTO one_time_codes (phone_number, code_hash, expires_at) VALUES ($1, 'x', ${when})`, [
        `+1555000${tag.length}`,
      ]);
      await app.rows(
        `INSERT INTO email_tokens (user_id, purpose, token_hash, expires_at) VALUES ($1, 'verify', $2, ${when})`,
        [user.id, `hk-${tag}`],
      );
      await app.rows(`INSERT INTO rate_limits (key, hits, reset_at) VALUES ($1, 1, ${when})`, [`hk:${tag}`]);
    }

    const gone = await app.server.runtime.housekeeping.runOnce();
    expect(gone.auth).toMatchObject({ refreshTokens: 1, phoneCodes: 1, emailLinks: 1, rateLimits: 1 });

    const left = async (table: string, column: string) =>
      (await app.rows<{ v: string }>(`SELECT ${column} AS v FROM ${table} WHERE ${column} LIKE '%hk%' ORDER BY 1`)).map(
        (r) => r.v,
      );
    expect(await left('auth_sessions', 'token_hash')).toEqual(['hk-live', 'hk-recent']);
    expect(await left('email_tokens', 'token_hash')).toEqual(['hk-live', 'hk-recent']);
    expect(await left('rate_limits', 'key')).toEqual(['hk:live', 'hk:recent']);
    expect((await app.rows(`SELECT 1 FROM one_time_codes WHERE phone_number LIKE '+1555000%'`)).length).toBe(2);
    // Running again finds nothing more to do.
    expect((await app.server.runtime.housekeeping.runOnce()).auth).toMatchObject({ refreshTokens: 0, rateLimits: 0 });
  });

  it('deletes admin chart samples older than 48 hours', async () => {
    await app.rows(
      `INSERT INTO metric_samples (bucket, name, value) VALUES (now() - interval '49 hours', 'hk_old', 1), (now() - interval '47 hours', 'hk_recent', 1)`,
    );
    expect((await app.server.runtime.housekeeping.runOnce()).metrics).toEqual({ metricSamples: 1 });
    const names = await app.rows<{ n: string }>(`SELECT name AS n FROM metric_samples WHERE name LIKE 'hk_%'`);
    expect(names.map((r) => r.n)).toEqual(['hk_recent']);
  });

  it('deletes searches and discover queries a week after they expired, and keeps titles for stale serving', async () => {
    const row = (key: string, type: string, expires: string) =>
      app.rows(
        `INSERT INTO tmdb_cache (cache_key, type, category, data, expires_at) VALUES ($1, $2, 'movie', '{}', ${expires})`,
        [key, type],
      );
    await row('hk-search-old', 'search', "now() - interval '8 days'");
    await row('hk-discover-old', 'discover', "now() - interval '8 days'");
    await row('hk-search-recent', 'search', "now() - interval '1 day'");
    await row('hk-movie-old', 'movie', "now() - interval '30 days'");
    expect((await app.server.runtime.housekeeping.runOnce()).catalog).toEqual({ tmdbCache: 2 });
    const keys = await app.rows<{ k: string }>(
      `SELECT cache_key AS k FROM tmdb_cache WHERE cache_key LIKE 'hk-%' ORDER BY 1`,
    );
    expect(keys.map((r) => r.k)).toEqual(['hk-movie-old', 'hk-search-recent']);
  });
});
