import { createHash } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Metrics } from '../http/metrics.ts';
import { NotFoundError, UpstreamUnavailableError, ValidationError } from '../http/errors.ts';
import type { CloudinaryStore } from './cloudinary-store.ts';
import { acceptedFormats, encodeImage, IMAGE_SIZES } from './image-encode.ts';
import type { DiskStore, ImageKey, Served } from './image-store.ts';
import type { ImagesRepository } from './images.repository.ts';
import { fetchUserImage, UnsafeImageUrlError, type UserImageFetchOptions } from './safe-fetch.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// Custom posters are kept at one size, enough for a card and a details page at 1.5x.
const SIZE = 'w500' as const;

export interface CustomImagesDeps {
  repo: ImagesRepository;
  disk: DiskStore;
  dir: string;
  cloudinary?: CloudinaryStore;
  metrics: Metrics;
  /** Tests only: lets the guarded fetcher reach a local https server (see safe-fetch.ts). */
  fetchOverrides?: Omit<UserImageFetchOptions, 'target'>;
}

const keyOf = (customTitleId: string, sourceKey: string): ImageKey => ({
  sourceKey,
  size: SIZE,
  name: `custom/${SIZE}/${sourceKey.slice('custom:'.length)}`,
  mediaType: 'custom',
  mediaId: customTitleId,
});
// The title's id is part of the key: two titles with the same URL each have their own copy.
const keyFor = (customTitleId: string, url: string) =>
  keyOf(customTitleId, `custom:${customTitleId}-${createHash('sha256').update(url).digest('hex')}`);

/**
 * Images of custom titles (user-supplied URLs), for the library feature: cache() fetches through
 * the guarded fetcher and stores the image (disk: WebP and JPEG; or Cloudinary), keepOnly() and
 * discard() settle which of a title's images stays, serve() answers GET /img/custom/:id (its
 * newest), remove() forgets a title's images. The public URL of a custom title's
 * poster is customImagePath(id).
 */
export function createCustomImages(deps: CustomImagesDeps) {
  const sourceDir = path.join(deps.dir, 'custom', 'src');

  async function forget(customTitleId: string, which: { keep?: string; only?: string } = {}) {
    const rows = await deps.repo.removeFor('custom', customTitleId, which);
    for (const row of rows) {
      if (row.storage === 'disk') await deps.disk.remove(row.location);
      else await deps.cloudinary?.remove(keyOf(customTitleId, row.sourceKey));
    }
  }

  return {
    /**
     * Fetches and stores a custom title's image beside any earlier one (keepOnly() or discard()
     * settles which stays, once the caller knows the URL is still the title's). Throws
     * ValidationError (field imageUrl) when the URL is refused or does not give an image, and
     * UpstreamUnavailableError when the host failed for a passing reason (worth another try).
     */
    async cache(customTitleId: string, imageUrl: string): Promise<{ url: string }> {
      if (!UUID.test(customTitleId)) throw new NotFoundError('Custom title');
      const key = keyFor(customTitleId, imageUrl);
      const target = path.join(sourceDir, key.sourceKey.slice('custom:'.length));
      let fetched;
      try {
        fetched = await fetchUserImage(imageUrl, { ...deps.fetchOverrides, target });
      } catch (err) {
        if (!(err instanceof UnsafeImageUrlError)) throw err;
        // A host that is down or slow right now may answer later: the caller can try again.
        if (err.transient) throw new UpstreamUnavailableError('The image host', { cause: err });
        throw new ValidationError([{ field: 'imageUrl', message: err.message }]);
      }
      try {
        const src = { body: await readFile(fetched.file), kind: fetched.kind };
        if (deps.cloudinary) await deps.cloudinary.upload(key, src);
        else {
          for (const format of ['webp', 'jpeg'] as const) {
            await deps.disk.write(key, format, await encodeImage(src, IMAGE_SIZES[SIZE], format));
            deps.metrics.imageTransforms.inc({ store: 'disk', outcome: 'ok' });
          }
        }
      } catch (err) {
        // sharp could not decode it after all (a truncated or hostile file): not an image we keep.
        deps.metrics.imageTransforms.inc({ store: deps.cloudinary ? 'cloudinary' : 'disk', outcome: 'failed' });
        if (err instanceof Error && /Input|unsupported|corrupt|pixel limit/i.test(err.message)) {
          throw new ValidationError([{ field: 'imageUrl', message: 'did not answer with a usable image' }]);
        }
        throw err;
      } finally {
        // The original is not kept: only the re-encoded copies are ever served.
        await rm(fetched.file, { force: true });
      }
      return { url: customImagePath(customTitleId) };
    },

    /** Keeps the image of this URL and forgets the title's others. */
    async keepOnly(customTitleId: string, imageUrl: string): Promise<void> {
      if (UUID.test(customTitleId)) await forget(customTitleId, { keep: keyFor(customTitleId, imageUrl).sourceKey });
    },

    /** Forgets the image of this URL only (the title moved on to another while it was fetched). */
    async discard(customTitleId: string, imageUrl: string): Promise<void> {
      if (UUID.test(customTitleId)) await forget(customTitleId, { only: keyFor(customTitleId, imageUrl).sourceKey });
    },

    /** The stored image for GET /img/custom/:id; 404 when the title has none (yet). */
    async serve(customTitleId: string, accept: string | undefined): Promise<Served> {
      if (!UUID.test(customTitleId)) throw new NotFoundError('Image');
      const row = await deps.repo.latestFor('custom', customTitleId);
      if (!row) throw new NotFoundError('Image');
      const key = keyOf(customTitleId, row.sourceKey);
      if (deps.cloudinary) {
        const found = await deps.cloudinary.find(key);
        if (found) return found;
        throw new NotFoundError('Image');
      }
      const format = acceptedFormats(accept).includes('webp') ? 'webp' : 'jpeg';
      if (await deps.disk.has(key, format)) return deps.disk.served(key, format);
      throw new NotFoundError('Image');
    },

    /** Forgets every image of a custom title (deleted, or its imageUrl cleared). */
    async remove(customTitleId: string): Promise<void> {
      if (UUID.test(customTitleId)) await forget(customTitleId);
    },
  };
}
export type CustomImages = ReturnType<typeof createCustomImages>;

/**
 * The poster URL a custom title's catalog item carries. With the source URL, it carries a short
 * version so that a browser holding the old image (kept an hour) asks again once it is replaced.
 */
export const customImagePath = (customTitleId: string, imageUrl?: string) =>
  imageUrl
    ? `/img/custom/${customTitleId}?v=${createHash('sha256').update(imageUrl).digest('hex').slice(0, 10)}`
    : `/img/custom/${customTitleId}`;
