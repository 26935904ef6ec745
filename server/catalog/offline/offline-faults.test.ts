import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startOfflineTmdb, type OfflineTmdb } from './offline-tmdb.ts';

let tmdb: OfflineTmdb;

function get(path: string, init?: RequestInit): Promise<Response> {
  return fetch(`${tmdb.baseUrl}${path}`, init);
}

beforeAll(async () => {
  tmdb = await startOfflineTmdb({ port: 0 });
});
afterEach(() => {
  tmdb.faults.clear();
  tmdb.stats.reset();
});
afterAll(async () => {
  await tmdb.close();
});

describe('fault injection', () => {
  it('delays answers by latencyMs', async () => {
    tmdb.faults.set({ latencyMs: 250 });
    const started = performance.now();
    const res = await get('/genre/movie/list');
    expect(res.status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(240);
  });

  it('fails with 500 and TMDB error body', async () => {
    tmdb.faults.set({ status: 500 });
    const res = await get('/movie/popular');
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({
      success: false,
      status_code: 11,
      status_message: 'Internal error: Something went wrong, contact TMDb.',
    });
  });

  it('rate-limits with 429 and Retry-After', async () => {
    tmdb.faults.set({ status: 429, retryAfterS: 7 });
    const res = await get('/movie/popular');
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('7');
    expect(await res.json()).toMatchObject({ success: false, status_code: 25 });
  });

  it('hangs until the client gives up, then serves normally once cleared', async () => {
    tmdb.faults.set({ hang: true });
    await expect(get('/movie/popular', { signal: AbortSignal.timeout(200) })).rejects.toThrow();
    tmdb.faults.clear();
    expect((await get('/movie/popular')).status).toBe(200);
  });

  it('sends 200s with bodies a client must reject', async () => {
    tmdb.faults.set({ garbage: true });
    const truncated = await get('/movie/popular');
    expect(truncated.status).toBe(200);
    expect(truncated.headers.get('content-type')).toMatch(/application\/json/);
    await expect(truncated.json()).rejects.toThrow(SyntaxError);

    tmdb.faults.set({ garbage: 'wrong-shape' });
    const wrong = await get('/movie/popular');
    expect(wrong.status).toBe(200);
    expect(await wrong.json()).not.toHaveProperty('page');

    tmdb.faults.set({ garbage: 'html' });
    const html = await get('/movie/popular');
    expect(html.headers.get('content-type')).toMatch(/text\/html/);
    expect(await html.text()).toMatch(/^<!DOCTYPE html>/);
  });

  it('applies to the next N requests only with times', async () => {
    tmdb.faults.set({ status: 503, times: 2 });
    const statuses = [];
    for (let i = 0; i < 3; i += 1) statuses.push((await get('/movie/popular')).status);
    expect(statuses).toEqual([503, 503, 200]);
    expect(tmdb.faults.current()).toBeUndefined();
  });

  it('limits faults to a path prefix, with or without the /3', async () => {
    tmdb.faults.set({ status: 500, pathPrefix: '/movie/' });
    expect((await get('/movie/550')).status).toBe(500);
    expect((await get('/tv/popular')).status).toBe(200);
    tmdb.faults.set({ status: 500, pathPrefix: '/3/tv' });
    expect((await get('/tv/popular')).status).toBe(500);
    expect((await get('/movie/popular')).status).toBe(200);
  });

  it('leaves images alone unless the prefix names them', async () => {
    tmdb.faults.set({ status: 500 });
    const poster = `${tmdb.imageBaseUrl}/w92/cinehub-m211672.svg`;
    expect((await fetch(poster)).status).toBe(200);
    tmdb.faults.set({ status: 500, pathPrefix: '/t/p/' });
    expect((await fetch(poster)).status).toBe(500);
  });

  it('rejects a fault that is not one', () => {
    expect(() => tmdb.faults.set({ status: 200 })).toThrow();
    expect(() => tmdb.faults.set({ times: 0, status: 500 })).toThrow();
  });
});

describe('stats', () => {
  it('counts API requests per path, faulted ones too, but not images', async () => {
    tmdb.faults.set({ status: 500, times: 1 });
    await get('/movie/popular');
    await get('/movie/popular?page=2');
    await get('/movie/157336');
    await fetch(`${tmdb.imageBaseUrl}/w92/cinehub-m211672.svg`);
    expect(tmdb.stats.calls).toBe(3);
    expect(tmdb.stats.byPath.get('/3/movie/popular')).toBe(2);
    expect(tmdb.stats.byPath.get('/3/movie/157336')).toBe(1);
    tmdb.stats.reset();
    expect(tmdb.stats.calls).toBe(0);
    expect(tmdb.stats.byPath.size).toBe(0);
  });
});

describe('control API', () => {
  it('is off unless asked for', async () => {
    const res = await fetch(`${tmdb.baseUrl.replace(/\/3$/, '')}/__control/stats`);
    expect(res.status).toBe(404);
  });

  it('lets another process set and clear faults and read stats', async () => {
    const remote = await startOfflineTmdb({ port: 0, controlApi: true });
    const control = remote.baseUrl.replace(/\/3$/, '/__control');
    try {
      const set = await fetch(`${control}/faults`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ status: 429, retryAfterS: 2, times: 1 }),
      });
      expect(set.status).toBe(200);
      const limited = await fetch(`${remote.baseUrl}/movie/popular`);
      expect([limited.status, limited.headers.get('retry-after')]).toEqual([429, '2']);
      expect((await fetch(`${remote.baseUrl}/movie/popular`)).status).toBe(200);

      await fetch(`${control}/faults`, { method: 'POST', body: JSON.stringify({ status: 500 }) });
      expect((await fetch(`${remote.baseUrl}/movie/popular`)).status).toBe(500);
      expect((await fetch(`${control}/faults`, { method: 'DELETE' })).status).toBe(204);
      expect((await fetch(`${remote.baseUrl}/movie/popular`)).status).toBe(200);

      const stats = await (await fetch(`${control}/stats`)).json();
      expect(stats).toEqual({ calls: 4, byPath: { '/3/movie/popular': 4 } });
      const bad = await fetch(`${control}/faults`, { method: 'POST', body: '{"status":"soon"}' });
      expect(bad.status).toBe(400);
    } finally {
      await remote.close();
    }
  });

  it('closes even while a request hangs', async () => {
    const remote = await startOfflineTmdb({ port: 0 });
    remote.faults.set({ hang: true });
    const pending = fetch(`${remote.baseUrl}/movie/popular`).catch((error: unknown) => error);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await remote.close();
    expect(await pending).toBeInstanceOf(Error);
  });
});
