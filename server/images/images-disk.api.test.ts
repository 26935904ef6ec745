import { existsSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../tests/helpers/test-app.ts';
import { eventually, expectError, getPage } from '../catalog/catalog.test-helpers.ts';
import { startOfflineTmdb, type OfflineTmdb } from '../catalog/offline/offline-tmdb.ts';
import { listen, startFakeImageHost, type Listening } from './images.test-helpers.ts';

// The disk image cache against an image host shaped like image.tmdb.org (real JPEGs, plus
// answers that must be refused), with the API on an offline TMDB as if it were the real one.
const CHROMIUM_ACCEPT = 'image/avif,image/webp,image/apng,image/svg+xml,image/*,*/*;q=0.8';
let app: TestApp;
let host: Listening;
let elsewhere: Listening;
let offline: OfflineTmdb;

beforeAll(async () => {
  elsewhere = await listen((_req, res) => res.end('secret'));
  host = await startFakeImageHost({ elsewhere: elsewhere.origin, hugeBytes: 11 * 1024 * 1024 });
  offline = await startOfflineTmdb({ port: 0 });
  app = await startTestApp({
    env: { TMDB_API_KEY: 'test-v3-key', TMDB_BASE_URL: offline.baseUrl, TMDB_IMAGE_BASE_URL: `${host.origin}/t/p` },
  });
});
afterAll(async () => {
  await app?.close();
  await offline?.close();
  await host?.close();
  await elsewhere?.close();
});

const img = (p: string, accept?: string) => app.get(p, accept ? { headers: { accept } } : {});
const imagesDir = () => app.server.runtime.config.images.dir;
async function rows(sourceKey: string) {
  const { rows } = await app.server.runtime.database.pool.query<{
    size: string;
    format: string;
    storage: string;
    bytes: number;
  }>('SELECT size, format, storage, bytes FROM images_cache WHERE source_key = $1 ORDER BY format', [sourceKey]);
  return rows;
}

describe('GET /img/:size/:file from the disk cache', () => {
  it('serves WebP to browsers that accept it, resized, with long-lived cache headers', async () => {
    const res = await img('/img/w342/photo-a.jpg', 'image/webp,*/*');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/webp');
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(res.headers.get('vary')).toMatch(/Accept/);
    const meta = await sharp(Buffer.from(await res.arrayBuffer())).metadata();
    expect(meta).toMatchObject({ format: 'webp', width: 342 });
    expect(existsSync(path.join(imagesDir(), 'w342', 'photo-a.jpg.webp'))).toBe(true);
    expect(await rows('tmdb:/photo-a.jpg')).toEqual([
      expect.objectContaining({ size: 'w342', format: 'webp', storage: 'disk' }),
    ]);
  });

  it('serves JPEG to clients that do not say they take WebP', async () => {
    for (const accept of [undefined, 'image/jpeg', 'image/png,image/*']) {
      const res = await img('/img/w185/photo-b.jpg', accept);
      expect(res.headers.get('content-type')).toBe('image/jpeg');
      expect(await sharp(Buffer.from(await res.arrayBuffer())).metadata()).toMatchObject({
        format: 'jpeg',
        width: 185,
      });
    }
  });

  it('a second request comes from disk, with no call to the image host', async () => {
    await img('/img/w500/photo-c.jpg', 'image/webp');
    const before = host.hits.get('/t/p/w500/photo-c.jpg');
    expect(before).toBe(1);
    const again = await img('/img/w500/photo-c.jpg', 'image/webp');
    expect(again.status).toBe(200);
    expect((await again.arrayBuffer()).byteLength).toBeGreaterThan(100);
    expect(host.hits.get('/t/p/w500/photo-c.jpg')).toBe(1);
  });

  it('concurrent first requests fetch and encode once', async () => {
    const answers = await Promise.all(Array.from({ length: 20 }, () => img('/img/w780/photo-d.jpg', 'image/webp')));
    expect(answers.map((r) => r.status)).toEqual(Array(20).fill(200));
    expect(host.hits.get('/t/p/w780/photo-d.jpg')).toBe(1);
  });

  it('original keeps the source width; no size enlarges', async () => {
    const res = await img('/img/original/photo-e.jpg', 'image/webp');
    expect((await sharp(Buffer.from(await res.arrayBuffer())).metadata()).width).toBe(600);
  });

  it('AVIF is served only once a background job has encoded it', async () => {
    const first = await img('/img/w92/photo-f.jpg', CHROMIUM_ACCEPT);
    expect(first.headers.get('content-type')).toBe('image/webp');
    await eventually(
      async () => {
        const res = await img('/img/w92/photo-f.jpg', CHROMIUM_ACCEPT);
        expect(res.headers.get('content-type')).toBe('image/avif');
        expect(await sharp(Buffer.from(await res.arrayBuffer())).metadata()).toMatchObject({
          format: 'heif',
          width: 92,
        });
      },
      20_000,
      300,
    );
    expect(existsSync(path.join(imagesDir(), 'w92', 'photo-f.jpg.avif'))).toBe(true);
    expect((await rows('tmdb:/photo-f.jpg')).map((r) => r.format)).toEqual(['avif', 'webp']);
    const jobs = await app.server.runtime.jobs.list({ kind: 'image-avif', page: 1, limit: 10 });
    expect(jobs.items.map((j) => [j.state, j.data])).toEqual([['completed', { size: 'w92', file: 'photo-f.jpg' }]]);
    // Browsers without AVIF still get WebP.
    expect((await img('/img/w92/photo-f.jpg', 'image/webp')).headers.get('content-type')).toBe('image/webp');
  });

  it('follows a redirect within the image host', async () => {
    const res = await img('/img/w780/moved.jpg', 'image/webp');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/webp');
  });
});

describe('the image fetcher refuses what is not an image from the image host', () => {
  it('a redirect to another host (127.0.0.1 on another port) is not followed', async () => {
    await expectError(await img('/img/w342/away.jpg'), 503, 'UPSTREAM_UNAVAILABLE');
    expect(elsewhere.hits.size).toBe(0);
  });

  it.each([
    ['a non-image body', 'page.jpg'],
    ['a body over the size limit (no Content-Length)', 'huge.jpg'],
    ['SVG from a real image host', 'drawing.svg'],
  ])('%s is refused and nothing is stored', async (_what, file) => {
    await expectError(await img(`/img/w342/${file}`, 'image/webp'), 503, 'UPSTREAM_UNAVAILABLE');
    expect(await rows(`tmdb:/${file}`)).toEqual([]);
    expect(existsSync(path.join(imagesDir(), 'w342', `${file}.webp`))).toBe(false);
  });

  it('an image the host does not have is a 404', async () => {
    await expectError(await img('/img/w342/missing.jpg'), 404, 'NOT_FOUND');
  });

  it.each([
    ['/img/w999/photo-a.jpg', 'size'],
    ['/img/w300/photo-a.jpg', 'size'],
    ['/img/w342/photo-a.exe', 'path'],
    ['/img/w342/..%2F..%2Fetc%2Fpasswd', 'path'],
    ['/img/w342/.hidden.jpg', 'path'],
  ])('%s is a 400 naming %s', async (p, field) => {
    const body = await expectError(await img(p), 400, 'VALIDATION_ERROR');
    expect(body.error.details?.map((d) => d.field)).toContain(field);
  });
});

describe('with the offline TMDB', () => {
  let local: TestApp;
  beforeAll(async () => {
    local = await startTestApp();
  });
  afterAll(async () => {
    await local?.close();
  });

  it("its drawn posters are served as WebP like TMDB's photos", async () => {
    const list = await getPage(local, '/api/movies/popular');
    const poster = list.items.find((i) => i.posterUrl)?.posterUrl;
    expect(poster).toBeTruthy();
    const res = await local.get(poster!, { headers: { accept: 'image/webp' } });
    expect(res.status).toBe(200);
    expect(await sharp(Buffer.from(await res.arrayBuffer())).metadata()).toMatchObject({ format: 'webp', width: 342 });
  });
});
