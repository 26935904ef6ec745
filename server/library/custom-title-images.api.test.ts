import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CatalogPage } from '#shared/contracts/catalog';
import { CustomTitleView, FavoritePage } from '#shared/contracts/library';
import { createUser, type TestUser } from '../../tests/helpers/factories.ts';
import { expectError, json } from '../../tests/helpers/library.ts';
import { startTestApp, type TestApp } from '../../tests/helpers/test-app.ts';
import { listenHttps, makeJpeg, selfSignedCert, type Listening } from '../images/images.test-helpers.ts';

// The image host can only be local here: the app's guarded fetcher is told (test-only options)
// to resolve this one name to 127.0.0.1 and treat it as public, to connect to the local server's
// port for https URLs on 443, and to trust its self-signed certificate. Everything
// else about the fetch (https only, images only, no redirects, size cap) is the production path.
const HOST = 'posters.example.test';
let host: Listening;
let port: number;
let app: TestApp;
let owner: TestUser;
const fetched: string[] = [];
/** Paths the host answers with a 503 this many times before the image. */
const failFirst = new Map<string, number>();

beforeAll(async () => {
  const tls = selfSignedCert(HOST);
  const jpeg = await makeJpeg(300, 90);
  host = await listenHttps(tls, (req, res) => {
    const p = (req.url ?? '').split('?')[0]!;
    fetched.push(p);
    const failures = failFirst.get(p) ?? 0;
    if (failures > 0) {
      // A host having a bad moment: a 503 now, the image on a later try.
      failFirst.set(p, failures - 1);
      res.writeHead(503, { 'content-type': 'text/plain' });
      res.end('busy');
    } else if (p.endsWith('.jpg')) {
      res.writeHead(200, { 'content-type': 'image/jpeg' });
      res.end(jpeg);
    } else if (p === '/to-loopback.jpg.html') {
      res.writeHead(302, { location: 'https://127.0.0.1/secret.jpg' });
      res.end();
    } else {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<html>not an image</html>');
    }
  });
  port = Number(new URL(host.origin).port);
  app = await startTestApp({
    runtime: {
      userImageFetch: {
        resolve: async (name) => (name === HOST ? [{ address: '127.0.0.1', family: 4 }] : []),
        isAllowedAddress: (a) => a === '127.0.0.1',
        connectPort: port,
        ca: tls.cert,
      },
      customImageRetryDelayS: 1,
    },
  });
  owner = await createUser(app);
});
afterAll(async () => {
  await app?.close();
  await host?.close();
});

const url = (p: string) => `https://${HOST}${p}`;
const read = async (id: string) => CustomTitleView.parse(await json(await app.get(`/api/custom-titles/${id}`), 200));
/** The title's posterUrl once its background job has run (the job queue polls every second). */
const settledPoster = async (id: string, want: 'set' | 'null') => {
  await expect
    .poll(async () => (await read(id)).posterUrl !== null, { timeout: 20_000, interval: 250 })
    .toBe(want === 'set');
  return (await read(id)).posterUrl;
};
const imageStatus = async (id: string) => (await app.get(`/img/custom/${id}`)).status;

describe('custom title images', () => {
  it('fetches the image in the background and shows our copy on the title, in search and in favorites', async () => {
    const made = CustomTitleView.parse(
      await json(
        await owner.send('POST', '/api/custom-titles', { title: 'Harbour Lights Reel', imageUrl: url('/a.jpg') }),
        201,
      ),
    );
    // The request did not wait for the image host.
    expect(made.posterUrl).toBeNull();
    const poster = await settledPoster(made.id, 'set');
    expect(poster).toMatch(new RegExp(`^/img/custom/${made.id}\\?v=[0-9a-f]+$`));
    expect(fetched).toContain('/a.jpg');

    const img = await app.get(poster!, { headers: { accept: 'image/webp,*/*' } });
    expect(img.status).toBe(200);
    expect(img.headers.get('content-type')).toBe('image/webp');
    expect((await sharp(Buffer.from(await img.arrayBuffer())).metadata()).format).toBe('webp');

    const found = CatalogPage.parse(await json(await app.get('/api/search?q=harbour%20lights&type=custom'), 200));
    expect(found.items.find((i) => i.id === made.id)?.posterUrl).toBe(poster);
    await json(await owner.send('POST', '/api/favorites', { mediaType: 'custom', mediaId: made.id }), 201);
    const favs = FavoritePage.parse(await json(await owner.get('/api/favorites?mediaType=custom'), 200));
    expect(favs.items.find((f) => f.mediaId === made.id)?.media?.posterUrl).toBe(poster);
  });

  it('a new URL replaces the poster; one that gives no image leaves none; clearing or deleting removes it', async () => {
    const made = CustomTitleView.parse(
      await json(
        await owner.send('POST', '/api/custom-titles', { title: 'Second Reel', imageUrl: url('/b.jpg') }),
        201,
      ),
    );
    const first = await settledPoster(made.id, 'set');

    const put = (imageUrl?: string) =>
      owner.send('PUT', `/api/custom-titles/${made.id}`, { title: 'Second Reel', ...(imageUrl ? { imageUrl } : {}) });
    // Saving the same URL again keeps the poster without fetching again.
    const before = fetched.length;
    expect(CustomTitleView.parse(await json(await put(url('/b.jpg')), 200)).posterUrl).toBe(first);
    const second = CustomTitleView.parse(await json(await put(url('/c.jpg')), 200));
    expect(second.posterUrl).toBeNull();
    const replaced = await settledPoster(made.id, 'set');
    expect(replaced).not.toBe(first);
    expect(fetched.slice(before)).toEqual(['/c.jpg']);

    // A page instead of an image, and a redirect towards loopback: refused, and the old image goes.
    for (const p of ['/page.html', '/to-loopback.jpg.html']) {
      await json(await put(url(p)), 200);
      await expect.poll(() => imageStatus(made.id), { timeout: 20_000, interval: 250 }).toBe(404);
      expect((await read(made.id)).posterUrl).toBeNull();
      await json(await put(url('/d.jpg')), 200);
      await settledPoster(made.id, 'set');
    }
    expect(fetched).not.toContain('/secret.jpg');

    await json(await put(), 200);
    expect((await read(made.id)).posterUrl).toBeNull();
    await expect.poll(() => imageStatus(made.id), { timeout: 20_000, interval: 250 }).toBe(404);

    await json(await put(url('/e.jpg')), 200);
    await settledPoster(made.id, 'set');
    expect((await owner.send('DELETE', `/api/custom-titles/${made.id}`)).status).toBe(204);
    await expect.poll(() => imageStatus(made.id), { timeout: 20_000, interval: 250 }).toBe(404);
    await expectError(await app.get(`/api/custom-titles/${made.id}`), 404, 'NOT_FOUND');
  });

  it('a host that fails for a passing reason is asked again until the poster comes, three times at most', async () => {
    const create = async (title: string, p: string) =>
      CustomTitleView.parse(
        await json(await owner.send('POST', '/api/custom-titles', { title, imageUrl: url(p) }), 201),
      );
    const tries = (p: string) => fetched.filter((f) => f === p).length;
    failFirst.set('/busy.jpg', 1);
    const busy = await create('Busy Host Reel', '/busy.jpg');
    await settledPoster(busy.id, 'set');
    expect(tries('/busy.jpg')).toBe(2);

    failFirst.set('/down.jpg', 99);
    const down = await create('Down Host Reel', '/down.jpg');
    const refused = await create('Refused Host Reel', '/refused.html');
    // The job of a host that stays down ends failed after its two retries; a refusal is not retried.
    const failedJob = async (id: string) =>
      (
        await app.server.runtime.jobs.list({ kind: 'custom-title-image', state: 'failed', page: 1, limit: 50 })
      ).items.find((j) => (j.data as { customTitleId?: string }).customTitleId === id);
    await expect.poll(() => failedJob(down.id), { timeout: 25_000, interval: 500 }).toBeDefined();
    expect(tries('/down.jpg')).toBe(3);
    expect((await read(down.id)).posterUrl).toBeNull();
    expect(tries('/refused.html')).toBe(1);
    expect(await failedJob(refused.id)).toBeUndefined();
    expect((await read(refused.id)).posterUrl).toBeNull();
  }, 45_000);
});
