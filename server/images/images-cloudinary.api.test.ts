import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../tests/helpers/test-app.ts';
import { eventually, getPage } from '../catalog/catalog.test-helpers.ts';
import { formFields, listen, type Listening } from './images.test-helpers.ts';

// Cloudinary through the real SDK, aimed at a local fake of its upload API (upload_prefix in
// CLOUDINARY_URL, as DESIGN.md describes). The fake checks what Cloudinary would: the signature.
const SECRET = 'fake-api-secret-0123';
let fake: Listening;
let app: TestApp;
const uploads: Record<string, string>[] = [];
const badSignatures: string[] = [];

/** Cloudinary's request signature: sorted params (not file, api_key…) joined, plus the secret, SHA-1. */
function expectedSignature(fields: Record<string, string>) {
  const signed = Object.entries(fields)
    .filter(
      ([k, v]) =>
        !['file', 'api_key', 'signature', 'resource_type', 'cloud_name', 'signature_algorithm'].includes(k) && v !== '',
    )
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
  return createHash('sha1')
    .update(signed + SECRET)
    .digest('hex');
}

beforeAll(async () => {
  fake = await listen((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const fields = formFields(Buffer.concat(chunks), String(req.headers['content-type']));
      if (req.url !== '/v1_1/democloud/image/upload') {
        res.writeHead(404, { 'content-type': 'application/json' });
        res.end('{"error":{"message":"no such endpoint"}}');
        return;
      }
      if (fields.signature !== expectedSignature(fields)) badSignatures.push(fields.public_id ?? '?');
      uploads.push(fields);
      const publicId = fields.public_id ?? 'x';
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          public_id: publicId,
          version: 1700000000,
          format: 'png',
          resource_type: 'image',
          bytes: 1234,
          width: 342,
          height: 513,
          secure_url: `https://res.cloudinary.com/democloud/image/upload/v1700000000/${publicId}.png`,
        }),
      );
    });
  });
  app = await startTestApp({
    env: { CLOUDINARY_URL: `cloudinary://key123:${SECRET}@democloud?upload_prefix=${encodeURIComponent(fake.origin)}` },
  });
});
afterAll(async () => {
  await app?.close();
  await fake?.close();
});

const posterFiles = async (path: string) =>
  (await getPage(app, path)).items.flatMap((i) => (i.posterUrl ? [i.posterUrl.replace('/img/w342/', '')] : []));

describe('images with Cloudinary configured', () => {
  it('a list fetched from TMDB has its posters uploaded by a background job, each once, signed', async () => {
    const files = await posterFiles('/api/movies/top-rated');
    expect(files.length).toBeGreaterThan(5);
    await eventually(
      async () => {
        const ids = uploads.map((u) => u.public_id);
        for (const f of files) expect(ids).toContain(`cinehub/w342/${f}`);
      },
      30_000,
      250,
    );
    const ids = uploads.map((u) => u.public_id);
    expect(new Set(ids).size).toBe(ids.length);
    const first = uploads.find((u) => u.public_id === `cinehub/w342/${files[0]}`)!;
    expect(first).toMatchObject({ api_key: 'key123', transformation: 'c_limit,q_auto,w_342', overwrite: '1' });
    expect(first.file).toMatch(/^data:image\/png;base64,iVBOR/);
    expect(first.signature).toMatch(/^[0-9a-f]{40}$/);
    expect(badSignatures).toEqual([]);
    const { rows } = await app.server.runtime.database.pool.query(
      `SELECT storage, format, location FROM images_cache WHERE source_key = $1`,
      [`tmdb:/${files[0]}`],
    );
    expect(rows).toEqual([
      {
        storage: 'cloudinary',
        format: 'auto',
        location: expect.stringMatching(
          /^https:\/\/res\.cloudinary\.com\/democloud\/image\/upload\/f_auto\/v1700000000\/cinehub\/w342\//,
        ),
      },
    ]);
  });

  it('the image route redirects to the delivery URL; a new size is uploaded once, then redirected', async () => {
    const [file] = await posterFiles('/api/tv/popular');
    // The list's own pre-cache job uploads w342 copies meanwhile: count this size's uploads only.
    const w500 = () => uploads.filter((u) => u.public_id === `cinehub/w500/${file}`);
    const res = await app.get(`/img/w500/${file}`, { redirect: 'manual' });
    expect(res.status).toBe(302);
    const location = res.headers.get('location') ?? '';
    expect(location).toMatch(
      new RegExp(
        `^https://res\\.cloudinary\\.com/democloud/image/upload/f_auto/v1700000000/cinehub/w500/${file!.replace('.', '\\.')}`,
      ),
    );
    expect(res.headers.get('cache-control')).toBe('public, max-age=86400');
    expect(w500()).toHaveLength(1);
    expect(w500()[0]).toMatchObject({ transformation: 'c_limit,q_auto,w_500' });
    const again = await app.get(`/img/w500/${file}`, { redirect: 'manual' });
    expect([again.status, again.headers.get('location')]).toEqual([302, location]);
    expect(w500()).toHaveLength(1);
    // original keeps its size: no width limit in the upload.
    await app.get(`/img/original/${file}`, { redirect: 'manual' });
    expect(uploads.find((u) => u.public_id === `cinehub/original/${file}`)?.transformation).toBe('q_auto');
  });

  it("pages allow images from Cloudinary's CDN in their CSP", async () => {
    const csp = (await app.get('/')).headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/img-src 'self' data: https:\/\/res\.cloudinary\.com/);
  });
});
