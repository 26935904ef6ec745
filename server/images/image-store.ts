import { randomUUID } from 'node:crypto';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { CONTENT_TYPES, type ImageSize, type OutputFormat } from './image-encode.ts';
import type { ImagesRepository } from './images.repository.ts';

/** One image at one size, wherever it is stored. */
export interface ImageKey {
  /** `tmdb:/abc.jpg` or `custom:<sha256 of the URL>`. */
  sourceKey: string;
  size: ImageSize;
  /** Path under the disk cache without extension (`w342/abc`); also the Cloudinary public id's tail. */
  name: string;
  mediaType?: string;
  mediaId?: string;
}

/** What the image route answers with: a file from the disk cache, or a redirect to a CDN. */
export type Served =
  { kind: 'file'; file: string; contentType: string; format: OutputFormat } | { kind: 'redirect'; url: string };

/**
 * The disk cache under DATA_DIR/images: one file per image, size and format, written beside its
 * target and renamed (a reader never sees half a file), each recorded in images_cache.
 */
export function createDiskStore(deps: { dir: string; repo: ImagesRepository }) {
  const fileOf = (key: ImageKey, format: OutputFormat) => path.join(deps.dir, `${key.name}.${format}`);
  return {
    fileOf,
    async has(key: ImageKey, format: OutputFormat): Promise<boolean> {
      return stat(fileOf(key, format)).then(
        (s) => s.isFile(),
        () => false,
      );
    },
    served(key: ImageKey, format: OutputFormat): Served {
      return { kind: 'file', file: fileOf(key, format), contentType: CONTENT_TYPES[format], format };
    },
    async write(key: ImageKey, format: OutputFormat, bytes: Buffer): Promise<Served> {
      const target = fileOf(key, format);
      await mkdir(path.dirname(target), { recursive: true });
      const tmp = `${target}.${randomUUID()}.tmp`;
      await writeFile(tmp, bytes);
      await rename(tmp, target);
      await deps.repo.record({
        sourceKey: key.sourceKey,
        size: key.size,
        format,
        storage: 'disk',
        location: target,
        contentType: CONTENT_TYPES[format],
        bytes: bytes.length,
        mediaType: key.mediaType ?? null,
        mediaId: key.mediaId ?? null,
      });
      return this.served(key, format);
    },
    /** Deletes a file the cache recorded; only ever under the cache folder. */
    async remove(location: string) {
      const resolved = path.resolve(location);
      if (resolved.startsWith(path.resolve(deps.dir) + path.sep)) await rm(resolved, { force: true });
    },
  };
}
export type DiskStore = ReturnType<typeof createDiskStore>;
