import type * as CloudinarySdk from 'cloudinary';
import { createRequire } from 'node:module';
import { setTimeout as sleep } from 'node:timers/promises';
import { LRUCache } from 'lru-cache';
import { UpstreamUnavailableError } from '../http/errors.ts';
import type { Metrics } from '../http/metrics.ts';
import { IMAGE_SIZES, rasterize } from './image-encode.ts';
import type { SourceImage } from './image-fetcher.ts';
import type { ImageKey, Served } from './image-store.ts';
import type { ImagesRepository } from './images.repository.ts';

type CloudinaryV2 = typeof CloudinarySdk.v2;

interface Credentials {
  cloud_name: string;
  api_key: string;
  api_secret: string;
  upload_prefix?: string;
  secure_distribution?: string;
  private_cdn?: boolean;
}

/** cloudinary://key:secret@cloud[/cdn-host][?upload_prefix=…], as the SDK itself reads it. */
export function parseCloudinaryUrl(url: string): Credentials {
  const u = new URL(url);
  const cdn = u.pathname && u.pathname !== '/' ? u.pathname.slice(1) : undefined;
  const prefix = u.searchParams.get('upload_prefix') ?? undefined;
  return {
    cloud_name: u.hostname,
    api_key: decodeURIComponent(u.username),
    api_secret: decodeURIComponent(u.password),
    ...(prefix ? { upload_prefix: prefix } : {}),
    ...(cdn ? { secure_distribution: cdn, private_cdn: true } : {}),
  };
}

/** The origin images are delivered from, for the CSP's img-src (the image route redirects there). */
export function cloudinaryDeliveryOrigin(url: string): string {
  const c = parseCloudinaryUrl(url);
  return c.secure_distribution ? `https://${c.secure_distribution}` : 'https://res.cloudinary.com';
}

let sdk: CloudinaryV2 | null = null;
/**
 * The SDK chooses http or https for uploads when its uploader module first loads, from its config
 * (normally the CLOUDINARY_URL environment variable). We configure it from our validated config
 * before that first load, so a local fake upload endpoint (tests) and the real one both work, and
 * the app never writes the environment.
 */
function loadSdk(creds: Credentials): CloudinaryV2 {
  if (sdk) return sdk;
  const require = createRequire(import.meta.url);
  const configure = require('cloudinary/lib/config') as (c: object) => unknown;
  configure(creds);
  sdk = (require('cloudinary') as typeof CloudinarySdk).v2;
  return sdk;
}

/**
 * Images in Cloudinary: each image is uploaded once per size, already limited to that width at
 * quality auto (an incoming transformation), recorded in images_cache, and delivered from
 * Cloudinary's CDN with f_auto (the format each browser accepts best). The image route answers
 * with a redirect there, so image bytes never pass through this server again.
 */
export function createCloudinaryStore(deps: {
  url: string;
  repo: ImagesRepository;
  metrics: Metrics;
  timeoutMs: number;
}) {
  const creds = parseCloudinaryUrl(deps.url);
  const known = new LRUCache<string, string>({ max: 20_000 });
  const cacheKey = (key: ImageKey) => `${key.sourceKey}|${key.size}`;
  const publicId = (key: ImageKey) => `cinehub/${key.name}`;

  async function uploadOnce(cloud: CloudinaryV2, key: ImageKey, dataUri: string) {
    const width = IMAGE_SIZES[key.size];
    const end = deps.metrics.upstreamDuration.startTimer({ service: 'cloudinary' });
    try {
      return await cloud.uploader.upload(dataUri, {
        ...creds,
        public_id: publicId(key),
        resource_type: 'image',
        overwrite: true,
        timeout: deps.timeoutMs,
        transformation: [{ ...(width ? { width, crop: 'limit' } : {}), quality: 'auto' }],
      });
    } finally {
      end();
    }
  }

  return {
    kind: 'cloudinary' as const,
    origin: cloudinaryDeliveryOrigin(deps.url),

    async find(key: ImageKey): Promise<Served | null> {
      let url = known.get(cacheKey(key));
      if (!url) {
        url = (await deps.repo.find(key.sourceKey, key.size, 'auto'))?.location;
        if (url) known.set(cacheKey(key), url);
      }
      return url ? { kind: 'redirect', url } : null;
    },

    async upload(key: ImageKey, source: SourceImage): Promise<Served> {
      const cloud = loadSdk(creds);
      const src = await rasterize(source);
      const dataUri = `data:image/${src.kind};base64,${src.body.toString('base64')}`;
      let result;
      for (let attempt = 1; ; attempt++) {
        try {
          result = await uploadOnce(cloud, key, dataUri);
          deps.metrics.upstream.inc({ service: 'cloudinary', outcome: 'ok' });
          break;
        } catch (err) {
          const status = (err as { http_code?: number }).http_code;
          deps.metrics.upstream.inc({ service: 'cloudinary', outcome: status ? String(status) : 'network' });
          // A 4xx (bad credentials, refused file) will not change on a retry.
          if (attempt === 2 || (status !== undefined && status < 500 && status !== 429 && status !== 499)) {
            deps.metrics.imageTransforms.inc({ store: 'cloudinary', outcome: 'failed' });
            throw new UpstreamUnavailableError('Cloudinary', { cause: { status } });
          }
          await sleep(300);
        }
      }
      deps.metrics.imageTransforms.inc({ store: 'cloudinary', outcome: 'ok' });
      const url = cloud.url(result.public_id, {
        cloud_name: creds.cloud_name,
        ...(creds.secure_distribution ? { secure_distribution: creds.secure_distribution, private_cdn: true } : {}),
        secure: true,
        resource_type: 'image',
        type: 'upload',
        version: result.version,
        fetch_format: 'auto',
      });
      await deps.repo.record({
        sourceKey: key.sourceKey,
        size: key.size,
        format: 'auto',
        storage: 'cloudinary',
        location: url,
        contentType: `image/${result.format ?? 'jpeg'}`,
        bytes: result.bytes ?? 0,
        mediaType: key.mediaType ?? null,
        mediaId: key.mediaId ?? null,
      });
      known.set(cacheKey(key), url);
      return { kind: 'redirect', url };
    },

    /** Deletes an uploaded image (custom title image replaced or removed); best effort. */
    async remove(key: ImageKey) {
      known.delete(cacheKey(key));
      await loadSdk(creds)
        .uploader.destroy(publicId(key), { resource_type: 'image', invalidate: true })
        .catch(() => undefined);
    },
  };
}
export type CloudinaryStore = ReturnType<typeof createCloudinaryStore>;
