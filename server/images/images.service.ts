import { randomUUID } from 'node:crypto';
import { mkdir, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import type { Logger } from 'pino';
import { NotFoundError, ValidationError } from '../http/errors.ts';
import type { Metrics } from '../http/metrics.ts';
import { fetchImageFromHost, ImageNotFound, ImageRejected } from './image-fetcher.ts';
import type { ImagesRepository } from './images.repository.ts';

export const IMAGE_SIZES = { w92: 92, w185: 185, w342: 342, w500: 500, w780: 780, original: null } as const;
export type ImageSize = keyof typeof IMAGE_SIZES;
export type OutputFormat = 'webp' | 'jpeg' | 'svg';

const CONTENT_TYPES: Record<OutputFormat, string> = {
  webp: 'image/webp',
  jpeg: 'image/jpeg',
  svg: 'image/svg+xml',
};

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
}

export interface StoredImage {
  file: string;
  contentType: string;
}

/** TMDB image file names: letters, digits, dash, underscore, one extension. */
export function parseImageRequest(size: string, file: string): { size: ImageSize; file: string } {
  if (!(size in IMAGE_SIZES)) {
    throw new ValidationError([{ field: 'size', message: `must be one of ${Object.keys(IMAGE_SIZES).join(', ')}` }]);
  }
  if (!/^[\w-]{1,100}\.(jpg|jpeg|png|webp|svg)$/i.test(file)) {
    throw new ValidationError([{ field: 'path', message: 'must be an image file name' }]);
  }
  return { size: size as ImageSize, file };
}

/** Disk image cache: fetched once from the image host, resized once, then served from disk. */
export function createImageService(deps: ImageServiceDeps) {
  const inflight = new Map<string, Promise<StoredImage>>();

  async function produce(size: ImageSize, file: string, wantWebp: boolean): Promise<StoredImage> {
    const sourceSize = size === 'original' ? 'original' : 'w780';
    let fetched;
    try {
      fetched = await fetchImageFromHost(`${deps.imageBaseUrl}/${sourceSize}/${file}`, {
        timeoutMs: deps.timeoutMs,
        allowSvg: deps.allowSvg,
        metrics: deps.metrics,
        service: 'images',
      });
    } catch (err) {
      if (err instanceof ImageNotFound) throw new NotFoundError('Image');
      if (err instanceof ImageRejected) throw new NotFoundError('Image');
      throw err;
    }
    let format: OutputFormat;
    let out: Buffer;
    if (fetched.kind === 'svg') {
      format = 'svg';
      out = fetched.body;
    } else {
      format = wantWebp ? 'webp' : 'jpeg';
      const width = IMAGE_SIZES[size];
      let img = sharp(fetched.body, { limitInputPixels: 40_000_000 }).rotate();
      if (width) img = img.resize({ width, withoutEnlargement: true });
      out = await (format === 'webp' ? img.webp({ quality: 78 }) : img.jpeg({ quality: 82, mozjpeg: true })).toBuffer();
      deps.metrics.imageTransforms.inc({ store: 'disk', outcome: 'ok' });
    }
    const target = path.join(deps.dir, size, `${path.parse(file).name}.${format}`);
    await mkdir(path.dirname(target), { recursive: true });
    // Written beside the target then renamed: a reader never sees half a file.
    const tmp = `${target}.${randomUUID()}.tmp`;
    await writeFile(tmp, out);
    await rename(tmp, target);
    await deps.repo.record({
      sourceKey: `tmdb:/${file}`,
      size,
      format,
      storage: 'disk',
      location: target,
      contentType: CONTENT_TYPES[format],
      bytes: out.length,
    });
    return { file: target, contentType: CONTENT_TYPES[format] };
  }

  return {
    async get(sizeParam: string, fileParam: string, accept: string | undefined): Promise<StoredImage> {
      const { size, file } = parseImageRequest(sizeParam, fileParam);
      const wantWebp = /image\/webp|\*\/\*/.test(accept ?? '');
      const base = path.join(deps.dir, size, path.parse(file).name);
      for (const format of ['svg', wantWebp ? 'webp' : 'jpeg'] as const) {
        const candidate = `${base}.${format}`;
        if (await stat(candidate).then(() => true, () => false)) {
          return { file: candidate, contentType: CONTENT_TYPES[format] };
        }
      }
      const key = `${size}/${file}/${wantWebp}`;
      let task = inflight.get(key);
      if (!task) {
        task = produce(size, file, wantWebp).finally(() => inflight.delete(key));
        inflight.set(key, task);
      }
      return task;
    },
  };
}
export type ImageService = ReturnType<typeof createImageService>;
