import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../tests/helpers/test-app.ts';
import { UpstreamUnavailableError, ValidationError } from '../http/errors.ts';
import { expectError } from '../catalog/catalog.test-helpers.ts';
import { createCustomImages } from './custom-images.service.ts';
import { createImagesRepository } from './images.repository.ts';
import { listenHttps, makeJpeg, selfSignedCert, type Listening } from './images.test-helpers.ts';
import { fetchUserImage, UnsafeImageUrlError, type UserImageFetchOptions } from './safe-fetch.ts';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'cinehub-safe-fetch-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});
const target = () => path.join(dir, `img-${Math.random().toString(36).slice(2)}`);

async function refused(url: string, opts: Partial<UserImageFetchOptions> = {}) {
  const err = await fetchUserImage(url, { target: target(), ...opts }).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err, url).toBeInstanceOf(UnsafeImageUrlError);
  return err as UnsafeImageUrlError;
}
const refusal = async (url: string, opts: Partial<UserImageFetchOptions> = {}) => (await refused(url, opts)).message;

describe('fetchUserImage refuses URLs that could reach this machine or its network', () => {
  it.each([
    ['http://example.com/poster.jpg', /https/],
    ['ftp://example.com/poster.jpg', /https/],
    ['not a url', /valid URL/],
    ['https://user:pass@example.com/poster.jpg', /credentials/],
    ['https://example.com:8443/poster.jpg', /port/],
    ['https://127.0.0.1/poster.jpg', /public internet/],
    ['https://127.9.9.9/poster.jpg', /public internet/],
    ['https://0x7f000001/poster.jpg', /public internet/],
    ['https://2130706433/poster.jpg', /public internet/],
    ['https://10.0.0.5/poster.jpg', /public internet/],
    ['https://172.20.1.1/poster.jpg', /public internet/],
    ['https://192.168.1.10/poster.jpg', /public internet/],
    ['https://169.254.169.254/latest/meta-data/', /public internet/],
    ['https://100.100.100.200/latest/meta-data/', /public internet/],
    ['https://0.0.0.0/poster.jpg', /public internet/],
    ['https://[::1]/poster.jpg', /public internet/],
    ['https://[::ffff:127.0.0.1]/poster.jpg', /public internet/],
    ['https://[fd00:ec2::254]/latest/meta-data/', /public internet/],
    ['https://[fe80::1]/poster.jpg', /public internet/],
    ['https://localhost/poster.jpg', /public internet/],
  ])('%s', async (url, why) => {
    expect(await refusal(url)).toMatch(why);
  });

  it('a name with one private address among public ones is refused', async () => {
    const resolve = async () => [
      { address: '93.184.216.34', family: 4 as const },
      { address: '10.1.2.3', family: 4 as const },
    ];
    expect(await refusal('https://mixed.example/poster.jpg', { resolve })).toMatch(/public internet/);
  });

  it('a name that does not resolve is refused', async () => {
    const resolve = async () => {
      throw new Error('ENOTFOUND');
    };
    expect(await refusal('https://nowhere.invalid/poster.jpg', { resolve })).toMatch(/resolve/);
  });
});

// The happy path needs an https server, which can only be local: these tests let the fetcher
// treat 127.0.0.1 as public and trust a self-signed certificate (test-only options).
describe('fetchUserImage against a local https server', () => {
  const HOST = 'images.example.test';
  let server: Listening;
  let jpeg: Buffer;
  let port: number;
  let resolved = 0;
  const opts = (): Omit<UserImageFetchOptions, 'target'> => ({
    resolve: async (host) => {
      resolved += 1;
      expect(host).toBe(HOST);
      return [{ address: '127.0.0.1', family: 4 }];
    },
    isAllowedAddress: (a) => a === '127.0.0.1',
    allowedPorts: [port],
    ca: tls.cert,
  });
  let tls: { key: Buffer; cert: Buffer };
  beforeAll(async () => {
    tls = selfSignedCert(HOST);
    jpeg = await makeJpeg(400, 200);
    server = await listenHttps(tls, (req, res) => {
      const send = (status: number, type: string, body: Buffer | string, headers: Record<string, string> = {}) => {
        res.writeHead(status, { 'content-type': type, ...headers });
        res.end(body);
      };
      switch ((req.url ?? '').split('?')[0]) {
        case '/poster.jpg':
          return send(200, 'image/jpeg', jpeg);
        case '/redirect.jpg':
          return send(302, 'text/plain', '', { location: `https://${HOST}:${port}/poster.jpg` });
        case '/page.jpg':
          return send(200, 'text/html', '<html>hello</html>');
        case '/drawing.svg':
          return send(200, 'image/svg+xml', '<svg xmlns="http://www.w3.org/2000/svg"/>');
        case '/lies.jpg':
          return send(200, 'image/jpeg', '<?php echo "not an image"; ?>'.padEnd(200, ' '));
        case '/slow.jpg':
          return undefined; // never answers
        case '/busy.jpg':
          return send(503, 'text/plain', 'busy');
        case '/throttled.jpg':
          return send(429, 'text/plain', 'slow down', { 'retry-after': '5' });
        case '/dropped.jpg':
          return req.socket.destroy();
        default:
          return send(404, 'text/plain', 'no');
      }
    });
    port = Number(new URL(server.origin).port);
  });
  afterAll(async () => {
    await server?.close();
  });

  it('fetches the image over a connection pinned to the checked address', async () => {
    const file = target();
    resolved = 0;
    const got = await fetchUserImage(`https://${HOST}:${port}/poster.jpg`, { ...opts(), target: file });
    expect(got).toEqual({ file, kind: 'jpeg', bytes: jpeg.length });
    // images.example.test resolves nowhere but through the checked answer: the pin was used.
    expect(resolved).toBe(1);
    expect((await sharp(file).metadata()).width).toBe(400);
  });

  it.each([
    ['/redirect.jpg', /redirect/],
    ['/page.jpg', /not answer with an image|did not answer with an image/],
    ['/drawing.svg', /image/],
    ['/lies.jpg', /image/],
    ['/missing.jpg', /404/],
  ])('%s is refused, leaving no file behind', async (p, why) => {
    const file = target();
    const message = await refusal(`https://${HOST}:${port}${p}`, { ...opts(), target: file });
    expect(message).toMatch(why);
    expect(existsSync(file)).toBe(false);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('a body over the size cap is refused', async () => {
    expect(await refusal(`https://${HOST}:${port}/poster.jpg`, { ...opts(), maxBytes: 1000 })).toMatch(/size limit/);
  });

  it('a server that does not answer in time is refused', async () => {
    const started = Date.now();
    expect(await refusal(`https://${HOST}:${port}/slow.jpg`, { ...opts(), timeoutMs: 400 })).toMatch(/in time/);
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it("a certificate that is not the host's is refused", async () => {
    expect(await refusal(`https://${HOST}:${port}/poster.jpg`, { ...opts(), ca: undefined })).toMatch(
      /could not be fetched/,
    );
  });

  it('tells a passing failure (5xx, 429, no answer in time, a dropped connection) from a final one', async () => {
    const at = (p: string) => `https://${HOST}:${port}${p}`;
    const passing = async (p: string, o: Partial<UserImageFetchOptions> = {}) =>
      (await refused(at(p), { ...opts(), ...o })).transient;
    await expect(passing('/busy.jpg')).resolves.toBe(true);
    await expect(passing('/throttled.jpg')).resolves.toBe(true);
    await expect(passing('/slow.jpg', { timeoutMs: 300 })).resolves.toBe(true);
    await expect(passing('/dropped.jpg')).resolves.toBe(true);
    await expect(passing('/missing.jpg')).resolves.toBe(false);
    await expect(passing('/page.jpg')).resolves.toBe(false);
    await expect(passing('/redirect.jpg')).resolves.toBe(false);
    await expect(passing('/poster.jpg', { ca: undefined })).resolves.toBe(false);
    await expect(passing('/poster.jpg', { maxBytes: 1000 })).resolves.toBe(false);
  });

  describe('custom title images: cached through the guard, served at /img/custom/:id', () => {
    let app: TestApp;
    beforeAll(async () => {
      app = await startTestApp();
    });
    afterAll(async () => {
      await app?.close();
    });
    const custom = () =>
      createCustomImages({
        repo: createImagesRepository(app.server.runtime.database.db),
        disk: app.server.runtime.images.disk,
        dir: app.server.runtime.config.images.dir,
        metrics: app.server.runtime.metrics,
        fetchOverrides: opts(),
      });
    const id = '6f1d2c3b-4a59-4e6f-8a7b-9c0d1e2f3a4b';

    it("serves WebP or JPEG by Accept, keeps only the current URL's image when told, forgets it on remove", async () => {
      await expectError(await app.get(`/img/custom/${id}`), 404, 'NOT_FOUND');
      expect(await custom().cache(id, `https://${HOST}:${port}/poster.jpg`)).toEqual({ url: `/img/custom/${id}` });
      const webp = await app.get(`/img/custom/${id}`, { headers: { accept: 'image/webp' } });
      expect(webp.status).toBe(200);
      expect(webp.headers.get('cache-control')).toBe('public, max-age=3600');
      expect(await sharp(Buffer.from(await webp.arrayBuffer())).metadata()).toMatchObject({
        format: 'webp',
        width: 400,
      });
      const jpg = await app.get(`/img/custom/${id}`);
      expect(jpg.headers.get('content-type')).toBe('image/jpeg');
      const { rows: first } = await app.server.runtime.database.pool.query<{ location: string }>(
        `SELECT location FROM images_cache WHERE media_type = 'custom' AND media_id = $1`,
        [id],
      );
      expect(first).toHaveLength(2);

      await custom().cache(id, `https://${HOST}:${port}/poster.jpg?v=2`);
      await custom().keepOnly(id, `https://${HOST}:${port}/poster.jpg?v=2`);
      const { rows: second } = await app.server.runtime.database.pool.query<{ location: string }>(
        `SELECT location FROM images_cache WHERE media_type = 'custom' AND media_id = $1`,
        [id],
      );
      expect(second).toHaveLength(2);
      for (const r of first) expect(existsSync(r.location)).toBe(false);
      expect((await app.get(`/img/custom/${id}`)).status).toBe(200);

      await custom().remove(id);
      await expectError(await app.get(`/img/custom/${id}`), 404, 'NOT_FOUND');
      for (const r of second) expect(existsSync(r.location)).toBe(false);
    });

    it('a host failing for a passing reason is an upstream error, worth another try; nothing is stored', async () => {
      const err = await custom()
        .cache(id, `https://${HOST}:${port}/busy.jpg`)
        .catch((e: unknown) => e);
      expect(err).toBeInstanceOf(UpstreamUnavailableError);
      await expectError(await app.get(`/img/custom/${id}`), 404, 'NOT_FOUND');
    });

    it('a refused URL is a validation error on imageUrl, and nothing is stored', async () => {
      const err = await custom()
        .cache(id, 'https://169.254.169.254/latest/meta-data/iam')
        .catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ValidationError);
      expect((err as ValidationError).details?.[0]?.field).toBe('imageUrl');
      // The app's own instance has no test overrides: a local server is refused outright.
      const local = await app.server.runtime.customImages
        .cache(id, `https://${HOST}:${port}/poster.jpg`)
        .catch((e: unknown) => e);
      expect(local).toBeInstanceOf(ValidationError);
      await expectError(await app.get(`/img/custom/${id}`), 404, 'NOT_FOUND');
    });

    it('an id that is not a UUID is a 404', async () => {
      await expectError(await app.get('/img/custom/not-a-uuid'), 404, 'NOT_FOUND');
    });
  });
});
