import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CatalogPage } from '#shared/contracts/catalog';
import { ErrorBody } from '#shared/contracts/errors';
import { startTestApp, type TestApp } from '../helpers/test-app.ts';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.close();
});

async function expectError(res: Response, status: number, code: string) {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/application\/json/);
  const body = ErrorBody.parse(await res.json());
  expect(body.error.code).toBe(code);
  return body;
}

describe('health', () => {
  it('answers /health and /ready', async () => {
    expect(await (await app.get('/health')).json()).toEqual({ status: 'ok' });
    expect((await app.get('/ready')).status).toBe(200);
  });

  it('exposes Prometheus metrics', async () => {
    await app.get('/api/movies/trending');
    const text = await (await app.get('/metrics')).text();
    expect(text).toContain('cinehub_http_request_duration_seconds_bucket');
    expect(text).toMatch(/cinehub_upstream_requests_total\{service="tmdb",outcome="ok"\} \d+/);
  });
});

describe('error model', () => {
  it('malformed JSON is a 400 VALIDATION_ERROR', async () => {
    await expectError(await app.send('POST', '/api/anything', '{"oops":'), 400, 'VALIDATION_ERROR');
  });

  it('a 2 MB body is a 413 PAYLOAD_TOO_LARGE', async () => {
    const big = JSON.stringify({ text: 'x'.repeat(2 * 1024 * 1024) });
    await expectError(await app.send('POST', '/api/anything', big), 413, 'PAYLOAD_TOO_LARGE');
  });

  it('a broken %-escape in the path, or a body that is not what its Content-Encoding says, is a 400', async () => {
    await expectError(await app.get('/api/movies/%E0'), 400, 'VALIDATION_ERROR');
    await expectError(
      await app.send('POST', '/api/auth/signin', '{"email":"a@b.c"}', { 'content-encoding': 'gzip' }),
      400,
      'VALIDATION_ERROR',
    );
    // Routes match case-insensitively; the session is there for them too.
    const signup = await app.send('POST', '/API/AUTH/signup', {
      email: 'upper-case-route@example.com',
      username: 'uppercaseroute',
      password: 'a long enough passphrase 42',
    });
    expect(signup.status).not.toBe(500);
  });

  it('an unknown /api route is a 404 NOT_FOUND in the error shape', async () => {
    await expectError(await app.get('/api/no-such-thing'), 404, 'NOT_FOUND');
  });

  it('a bad query is a 400 with field details', async () => {
    const body = await expectError(await app.get('/api/movies/trending?limit=101'), 400, 'VALIDATION_ERROR');
    expect(body.error.details?.[0]?.field).toBe('limit');
  });

  it('a crash inside a handler is a 500 without a stack or message', async () => {
    // A database failure mid-request is the realistic crash: a query against a dropped table.
    await app.server.runtime.database.pool.query('ALTER TABLE tmdb_cache RENAME TO tmdb_cache_gone');
    try {
      const res = await app.get('/api/movies/trending?window=day&page=3');
      const body = await expectError(res, 500, 'INTERNAL_ERROR');
      expect(JSON.stringify(body)).not.toMatch(/tmdb_cache|relation|at .*\.ts/);
      expect(app.errorLogs.length).toBeGreaterThan(0);
      app.errorLogs.length = 0;
    } finally {
      await app.server.runtime.database.pool.query('ALTER TABLE tmdb_cache_gone RENAME TO tmdb_cache');
    }
  });

  it('sets security headers on API, errors and pages', async () => {
    for (const path of ['/api/movies/trending', '/api/nope', '/']) {
      const res = await app.get(path);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/);
      expect(res.headers.get('x-powered-by')).toBeNull();
    }
  });
});

describe('GET /api/movies/trending', () => {
  it('returns a page of real movies in the catalog item shape', async () => {
    const res = await app.get('/api/movies/trending');
    expect(res.status).toBe(200);
    const page = CatalogPage.parse(await res.json());
    expect(page.meta).toMatchObject({ page: 1, limit: 20 });
    expect(page.items).toHaveLength(20);
    for (const item of page.items) {
      expect(item.mediaType).toBe('movie');
      expect(item.title.length).toBeGreaterThan(0);
      expect(item.posterUrl).toMatch(/^\/img\/w342\//);
    }
  });

  it('serves the second request from the cache without calling TMDB', async () => {
    await app.get('/api/movies/trending?window=day&limit=10');
    const before = app.offline.stats.calls;
    const res = await app.get('/api/movies/trending?window=day&limit=10');
    expect(res.status).toBe(200);
    expect(app.offline.stats.calls).toBe(before);
  });

  it('spans TMDB pages for a larger limit', async () => {
    const page = CatalogPage.parse(await (await app.get('/api/movies/trending?limit=50&page=2')).json());
    expect(page.items).toHaveLength(50);
    const first = CatalogPage.parse(await (await app.get('/api/movies/trending?limit=100')).json());
    expect(page.items.map((i) => i.id)).toEqual(first.items.slice(50, 100).map((i) => i.id));
  });
});

describe('GET /img', () => {
  it('serves a poster of a trending movie with long-lived cache headers', async () => {
    const page = CatalogPage.parse(await (await app.get('/api/movies/trending')).json());
    const res = await app.get(page.items[0]!.posterUrl!);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^image\//);
    expect(res.headers.get('cache-control')).toMatch(/max-age=31536000.*immutable/);
    expect((await res.arrayBuffer()).byteLength).toBeGreaterThan(100);
  });

  it('rejects unknown sizes and odd paths', async () => {
    await expectError(await app.get('/img/w9999/abc.jpg'), 400, 'VALIDATION_ERROR');
    await expectError(await app.get('/img/w342/..%2F..%2Fetc%2Fpasswd'), 400, 'VALIDATION_ERROR');
  });
});

describe('GET /api/docs', () => {
  it('is an OpenAPI 3.1 document describing the catalog routes with the error shape', async () => {
    const res = await app.get('/api/docs');
    expect(res.status).toBe(200);
    const doc = (await res.json()) as {
      openapi: string;
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
    };
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.paths['/api/movies/trending']?.get?.responses['200']).toBeDefined();
    expect(doc.paths['/api/movies/{id}']?.get?.responses['404']).toBeDefined();
  });
});
