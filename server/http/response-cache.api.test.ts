import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, type TestUser } from '../../tests/helpers/factories.ts';
import { startTestApp, type TestApp } from '../../tests/helpers/test-app.ts';
import { expectError } from '../catalog/catalog.test-helpers.ts';

let app: TestApp;
let alice: TestUser;
beforeAll(async () => {
  app = await startTestApp();
  alice = await createUser(app);
});
afterAll(async () => {
  await app?.close();
});

async function hits(metric = 'cinehub_api_response_cache_total') {
  const text = await (await app.get('/metrics')).text();
  const line = text.split('\n').find((l) => l.startsWith(`${metric}{result="hit"}`));
  return line ? Number(line.split(' ')[1]) : 0;
}
const nonceOf = (csp: string | null) => /'nonce-([^']+)'/.exec(csp ?? '')?.[1];

describe('the response micro-cache: catalog answers', () => {
  it('replays an anonymous answer with the same body and headers, and a fresh request id and nonce', async () => {
    const first = await app.get('/api/tv/popular?limit=7');
    const body = await first.text();
    const before = await hits();
    app.offline.stats.reset();
    const again = await app.get('/api/tv/popular?limit=7');
    expect(await hits()).toBe(before + 1);
    expect(again.status).toBe(200);
    expect(await again.text()).toBe(body);
    expect(app.offline.stats.calls).toBe(0);
    for (const h of [
      'content-type',
      'cache-control',
      'x-content-type-options',
      'referrer-policy',
      'etag',
      'x-frame-options',
    ]) {
      expect(again.headers.get(h), h).toBe(first.headers.get(h));
    }
    expect(again.headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/);
    expect(nonceOf(again.headers.get('content-security-policy'))).not.toBe(
      nonceOf(first.headers.get('content-security-policy')),
    );
    expect(again.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(again.headers.get('x-request-id')).not.toBe(first.headers.get('x-request-id'));
    expect(again.headers.get('x-powered-by')).toBeNull();
  });

  it('answers a matching If-None-Match with 304, gzip to clients that take it, HEAD without a body', async () => {
    const first = await app.get('/api/movies/popular?limit=30');
    const etag = first.headers.get('etag')!;
    const text = await first.text();
    const notModified = await app.get('/api/movies/popular?limit=30', { headers: { 'if-none-match': etag } });
    expect(notModified.status).toBe(304);
    expect(await notModified.text()).toBe('');
    const gz = await app.get('/api/movies/popular?limit=30', { headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gz.headers.get('vary')).toMatch(/Accept-Encoding/);
    expect(await gz.text()).toBe(text);
    // fetch asks for gzip by default: HEAD announces the length of that same answer.
    const head = await app.get('/api/movies/popular?limit=30', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe(gz.headers.get('content-length'));
    expect(await head.text()).toBe('');
  });

  it('never answers a request carrying credentials: a bad token is still a 401', async () => {
    await app.get('/api/movies/top-rated');
    await app.get('/api/movies/top-rated');
    const before = await hits();
    await expectError(
      await app.get('/api/movies/top-rated', { headers: { authorization: 'Bearer not-a-token' } }),
      401,
      'UNAUTHORIZED',
    );
    expect((await alice.get('/api/movies/top-rated')).status).toBe(200);
    expect((await app.get('/api/movies/top-rated', { headers: { cookie: 'cinehub.sid=s%3Abogus.sig' } })).status).toBe(
      200,
    );
    expect(await hits()).toBe(before);
  });

  it('keeps only 200s', async () => {
    await expectError(await app.get('/api/movies/999999997'), 404, 'NOT_FOUND');
    await expectError(await app.get('/api/movies/trending?limit=500'), 400, 'VALIDATION_ERROR');
    const before = await hits();
    await expectError(await app.get('/api/movies/999999997'), 404, 'NOT_FOUND');
    await expectError(await app.get('/api/movies/trending?limit=500'), 400, 'VALIDATION_ERROR');
    expect(await hits()).toBe(before);
  });

  it('is cleared when catalog entries are purged', async () => {
    await app.get('/api/genres?type=tv');
    await app.get('/api/genres?type=tv');
    await app.server.runtime.catalogAdmin.purge({ type: 'genre' });
    app.offline.stats.reset();
    const before = await hits();
    expect((await app.get('/api/genres?type=tv')).status).toBe(200);
    expect(await hits()).toBe(before);
    expect(app.offline.stats.byPath.get('/3/genre/tv/list')).toBe(1);
  });
});

describe('the response micro-cache: pages', () => {
  const pageHits = () => hits('cinehub_html_cache_total');
  // Node's fetch asks for gzip by default; a browser behind nginx (which compresses) does not.
  const identity = { headers: { 'accept-encoding': 'identity' } };
  const noncesIn = (html: string) => new Set([...html.matchAll(/nonce="([^"]+)"/g)].map((m) => m[1]));

  it("replays an anonymous page with this response's nonce in its header and in every script", async () => {
    const first = await app.get('/', identity);
    const firstHtml = await first.text();
    const before = await pageHits();
    const again = await app.get('/', identity);
    const html = await again.text();
    expect(await pageHits()).toBe(before + 1);
    expect(again.status).toBe(200);
    expect(again.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(again.headers.get('cache-control')).toBe('no-cache');
    const nonce = nonceOf(again.headers.get('content-security-policy'));
    expect(nonce).toBeTruthy();
    expect(nonce).not.toBe(nonceOf(first.headers.get('content-security-policy')));
    expect(noncesIn(html)).toEqual(new Set([nonce]));
    expect(html.replaceAll(nonce!, 'N')).toBe(
      firstHtml.replaceAll(nonceOf(first.headers.get('content-security-policy'))!, 'N'),
    );
    expect(Number(again.headers.get('content-length'))).toBe(Buffer.byteLength(html));
  });

  it('serves signed-in visitors their own page and gzip clients a compressed one', async () => {
    await app.get('/', identity);
    const mine = await (
      await app.get('/', { headers: { ...identity.headers, authorization: `Bearer ${alice.token}` } })
    ).text();
    expect(mine).toContain(alice.username);
    const gz = await app.get('/', { headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    const html = await gz.text();
    expect(noncesIn(html)).toEqual(new Set([nonceOf(gz.headers.get('content-security-policy'))]));
  });

  it('is dropped when something anonymous visitors see changes', async () => {
    await app.get('/', identity);
    await app.get('/', identity);
    expect((await alice.send('POST', '/api/custom-titles', { title: 'A Change Of Page' })).status).toBe(201);
    const before = await pageHits();
    expect((await app.get('/', identity)).status).toBe(200);
    expect(await pageHits()).toBe(before);
  });
});
