import type { Logger } from 'pino';
import type { CustomImages } from '../images/custom-images.service.ts';
import { ValidationError } from '../http/errors.ts';
import type { JobQueue } from '../jobs/job-queue.ts';
import type { LibraryDeps } from './library.deps.ts';

export const CUSTOM_TITLE_IMAGE = 'custom-title-image';

interface SyncData {
  customTitleId: string;
}

/**
 * Keeps a custom title's stored image in step with its imageUrl, in a background job: the user's
 * URL is fetched only through the images feature's guarded fetcher, never while a request waits.
 * The job is idempotent and reads the title afresh: a URL to fetch is fetched, stored and the
 * title marked ready (its cards and page then show /img/custom/:id); a title deleted, or whose
 * URL was cleared, loses its stored image. A URL that is refused or gives no image is final; a
 * host that failed for a passing reason (timeout, dropped connection, 5xx, 429) is asked again
 * by pg-boss, twice, `retryDelayS` (10 s) and then about twice that later.
 */
export async function registerCustomTitleImages(
  jobs: Pick<JobQueue, 'work' | 'enqueue'>,
  images: Pick<CustomImages, 'cache' | 'keepOnly' | 'discard' | 'remove'>,
  library: Pick<LibraryDeps, 'repos' | 'publicChanged' | 'onCustomTitleChange'>,
  log: Logger,
  { retryDelayS = 10 }: { retryDelayS?: number } = {},
) {
  const titles = library.repos.customTitles;
  await jobs.work<SyncData>(
    CUSTOM_TITLE_IMAGE,
    async ({ customTitleId: id }) => {
      const row = await titles.findById(id);
      if (!row || !row.imageUrl) {
        await images.remove(id);
        return;
      }
      if (row.imageReady) return;
      try {
        await images.cache(id, row.imageUrl);
      } catch (err) {
        if (!(err instanceof ValidationError)) throw err;
        // The owner sees the URL they gave and no poster; the reason goes to the log.
        log.info({ customTitleId: id, reason: err.details?.[0]?.message }, 'custom title image refused');
        const now = await titles.findById(id);
        if (now?.imageUrl === row.imageUrl) await images.remove(id);
        else await images.discard(id, row.imageUrl);
        return;
      }
      if (await titles.markImageReady(id, row.imageUrl)) {
        await images.keepOnly(id, row.imageUrl);
        library.publicChanged();
        return;
      }
      // Deleted or given another URL while we fetched (another instance may be storing that one
      // now): only this URL's copy goes, and the job that change queued settles the rest.
      await images.discard(id, row.imageUrl);
      if (!(await titles.findById(id))) await images.remove(id);
    },
    { retryLimit: 2, retryDelayS, policy: 'short' },
  );
  library.onCustomTitleChange((id) => {
    jobs
      .enqueue(CUSTOM_TITLE_IMAGE, { customTitleId: id }, { singletonKey: id })
      .catch((err: unknown) =>
        log.warn({ customTitleId: id, err: err instanceof Error ? err.message : err }, 'could not queue an image job'),
      );
  });
}
