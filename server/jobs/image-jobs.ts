import type { Logger } from 'pino';
import type { CatalogItem } from '#shared/contracts/catalog';
import { NotFoundError } from '../http/errors.ts';
import type { ImageService, ImageSize } from '../images/images.service.ts';
import type { JobQueue } from './job-queue.ts';

export const IMAGE_PRECACHE = 'image-precache';
export const IMAGE_AVIF = 'image-avif';
/** Posters on cards are w342: the size a list's visitors will ask for next. */
const POSTER_SIZE: ImageSize = 'w342';

interface PrecacheData {
  size: ImageSize;
  files: string[];
}
interface AvifData {
  size: ImageSize;
  file: string;
}

/** `/img/w342/abc.jpg` → `abc.jpg` (our own URLs, as the mappers build them). */
const fileOf = (url: string | null) => (url ? /^\/img\/[\w]+\/([\w.-]+)$/.exec(url)?.[1] : undefined);

/**
 * The image cache's background work: pre-caching a list's posters when the list comes from TMDB,
 * and AVIF encodes (too slow to do while a browser waits).
 */
export function registerImageJobs(queue: JobQueue, images: ImageService, log: Logger) {
  queue.register<PrecacheData>(
    IMAGE_PRECACHE,
    async (data, ctx) => {
      let done = 0;
      let failed = 0;
      for (const file of data.files) {
        try {
          await images.precache(data.size, file);
        } catch (err) {
          // A poster TMDB does not have stays missing; anything else is worth another try.
          if (!(err instanceof NotFoundError)) failed += 1;
        }
        ctx.progress(++done, data.files.length);
      }
      // Posters already cached are skipped on the retry, so it only redoes the failed ones.
      if (failed > 0) throw new Error(`${failed} of ${data.files.length} posters could not be cached`);
    },
    { retryLimit: 1, retryDelayS: 3 },
  );
  queue.register<AvifData>(
    IMAGE_AVIF,
    async (data) => {
      await images.encodeAvif(data.size, data.file);
    },
    { retryLimit: 1, retryDelayS: 30, policy: 'short' },
  );

  const warn = (err: unknown) =>
    log.warn({ err: err instanceof Error ? err.message : err }, 'could not queue an image job');
  return {
    /** One job per list page fetched from TMDB, caching its posters. */
    queuePosters(items: CatalogItem[]) {
      const files = [...new Set(items.map((i) => fileOf(i.posterUrl)).filter((f): f is string => f !== undefined))];
      if (files.length > 0) queue.enqueue(IMAGE_PRECACHE, { size: POSTER_SIZE, files }).catch(warn);
    },
    queueAvif(size: ImageSize, file: string) {
      queue.enqueue(IMAGE_AVIF, { size, file }, { singletonKey: `${size}/${file}` }).catch(warn);
    },
  };
}
