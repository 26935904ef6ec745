import { LRUCache } from 'lru-cache';
import type { Logger } from 'pino';
import { NotFoundError, UpstreamUnavailableError, ValidationError } from '../http/errors.ts';
import type { Metrics } from '../http/metrics.ts';
import type { CloudinaryStore } from './cloudinary-store.ts';
import { acceptedFormats, encodeImage, IMAGE_SIZES, type ImageSize, type OutputFormat } from './image-encode.ts';
import { fetchImageFromHost, ImageNotFound, ImageRejected, type SourceImage } from './image-fetcher.ts';
import { createDiskStore, type ImageKey, type Served } from './image-store.ts';
import type { ImagesRepository } from './images.repository.ts';

export { IMAGE_SIZES, type ImageSize } from './image-encode.ts';

export interface ImageServiceDeps {
  repo: ImagesRepository;
  dir: string;
  /** TMDB's image base (…/t/p), or the offline TMDB's. */
  imageBaseUrl: string;
  /** Only the offline TMDB draws SVG posters; a real image host never gets to send SVG. */
  allowSvg: boolean;
  timeoutMs: number;
  metrics: Metrics;
  log: Logger;
  /** Set when CLOUDINARY_URL is: images are uploaded there and the route redirects. */
  cloudinary?: CloudinaryStore;
  /** Keep AVIF copies on disk for browsers that take them (encoded by a background job). */
  avif: boolean;
  maxBytes?: number;
}

/** TMDB image file names: letters, digits, dash, underscore, one extension. */
export function parseImageRequest(size: string, file: string): { size: ImageSize; file: string } {
  if (!Object.hasOwn(IMAGE_SIZES, size)) {
    throw new ValidationError([{ field: 'size', message: `must be one of ${Object.keys(IMAGE_SIZES).join(', ')}` }]);
  }
  if (!/^[\w-]{1,100}\.(jpg|jpeg|png|webp|svg)$/i.test(file)) {
    throw new ValidationError([{ field: 'path', message: 'must be an image file name' }]);
  }
  return { size: size as ImageSize, file };
}

const tmdbKey = (size: ImageSize, file: string): ImageKey => ({
  sourceKey: `tmdb:/${file}`,
  size,
  name: `${size}/${file}`,
});

/**
 * The TMDB image cache behind /img/:size/:file. Disk (default): fetched once from the image
 * host, re-encoded once per format (WebP, or JPEG for browsers without WebP) and served from
 * disk; AVIF is served only once a background job has made it. Cloudinary: uploaded once per
 * size, then a redirect to its CDN.
 */
export function createImageService(deps: ImageServiceDeps) {
  const disk = createDiskStore({ dir: deps.dir, repo: deps.repo });
  const inflight = new Map<string, Promise<Served>>();
  // Images whose AVIF encode was queued by this process, so a page view queues each only once.
  const avifAsked = new LRUCache<string, true>({ max: 50_000 });
  let onAvifWanted: ((size: ImageSize, file: string) => void) | null = null;

  const once = (id: string, work: () => Promise<Served>): Promise<Served> => {
    let task = inflight.get(id);
    if (!task) {
      task = work().finally(() => inflight.delete(id));
      inflight.set(id, task);
    }
    return task;
  };

  /** The image at this size from the host: TMDB's own size when it has it, else its original. */
  async function fetchSource(size: ImageSize, file: string): Promise<SourceImage> {
    const get = (s: string) =>
      fetchImageFromHost(`${deps.imageBaseUrl}/${s}/${file}`, {
        timeoutMs: deps.timeoutMs,
        allowSvg: deps.allowSvg,
        metrics: deps.metrics,
        service: 'images',
        maxBytes: deps.maxBytes,
      });
    try {
      return await get(size).catch((err: unknown) => {
        if (err instanceof ImageNotFound && size !== 'original') return get('original');
        throw err;
      });
    } catch (err) {
      if (err instanceof ImageNotFound) throw new NotFoundError('Image');
      if (err instanceof ImageRejected) {
        deps.log.warn({ file, reason: err.message }, 'image host answer refused');
        throw new UpstreamUnavailableError('Image host', { cause: err.message });
      }
      throw err;
    }
  }

  async function produce(size: ImageSize, file: string, format: OutputFormat): Promise<Served> {
    const key = tmdbKey(size, file);
    const src = await fetchSource(size, file);
    const bytes = await encodeImage(src, IMAGE_SIZES[size], format);
    deps.metrics.imageTransforms.inc({ store: 'disk', outcome: 'ok' });
    return disk.write(key, format, bytes);
  }

  async function fromCloudinary(cloud: CloudinaryStore, size: ImageSize, file: string): Promise<Served> {
    const key = tmdbKey(size, file);
    const found = await cloud.find(key);
    if (found) return found;
    return once(`cloud:${size}/${file}`, async () => cloud.upload(key, await fetchSource(size, file)));
  }

  return {
    disk,

    /** Where the AVIF encodes go (the jobs feature plugs its queue in at start-up). */
    setAvifQueue(queue: (size: ImageSize, file: string) => void) {
      onAvifWanted = queue;
    },

    async get(sizeParam: string, fileParam: string, accept: string | undefined): Promise<Served> {
      const { size, file } = parseImageRequest(sizeParam, fileParam);
      if (deps.cloudinary) return fromCloudinary(deps.cloudinary, size, file);
      const key = tmdbKey(size, file);
      const formats = acceptedFormats(accept);
      if (formats[0] === 'avif' && deps.avif) {
        if (await disk.has(key, 'avif')) return disk.served(key, 'avif');
        const id = `${size}/${file}`;
        if (onAvifWanted && !avifAsked.has(id)) {
          avifAsked.set(id, true);
          onAvifWanted(size, file);
        }
      }
      const format: OutputFormat = formats.includes('webp') ? 'webp' : 'jpeg';
      if (await disk.has(key, format)) return disk.served(key, format);
      return once(`${size}/${file}/${format}`, () => produce(size, file, format));
    },

    /** Makes sure a poster is cached (WebP on disk, or uploaded); for the pre-cache job. */
    async precache(size: ImageSize, file: string): Promise<'cached' | 'present'> {
      parseImageRequest(size, file);
      if (deps.cloudinary) {
        if (await deps.cloudinary.find(tmdbKey(size, file))) return 'present';
        await fromCloudinary(deps.cloudinary, size, file);
        return 'cached';
      }
      if (await disk.has(tmdbKey(size, file), 'webp')) return 'present';
      await once(`${size}/${file}/webp`, () => produce(size, file, 'webp'));
      return 'cached';
    },

    /** Encodes the AVIF copy (slow: background jobs only). False when there was nothing to do. */
    async encodeAvif(size: ImageSize, file: string): Promise<boolean> {
      parseImageRequest(size, file);
      const key = tmdbKey(size, file);
      if (deps.cloudinary || (await disk.has(key, 'avif'))) return false;
      const src = await fetchSource(size, file);
      const bytes = await encodeImage(src, IMAGE_SIZES[size], 'avif');
      deps.metrics.imageTransforms.inc({ store: 'disk', outcome: 'ok' });
      await disk.write(key, 'avif', bytes);
      return true;
    },

    stats: () => deps.repo.countByStorage(),
  };
}
export type ImageService = ReturnType<typeof createImageService>;
