import type { MediaType } from '#shared/contracts/common';

/** A title reference as the tables store it: media_id is text (TMDB ids and our UUIDs alike). */
export interface StoredRef {
  mediaType: MediaType;
  mediaId: string;
}

export const toStoredRef = (ref: { mediaType: MediaType; mediaId: number | string }): StoredRef => ({
  mediaType: ref.mediaType,
  mediaId: String(ref.mediaId),
});

/** The API's form of a stored id: an integer for TMDB titles, the UUID string for custom ones. */
export const apiMediaId = (ref: { mediaType: string; mediaId: string }): number | string =>
  ref.mediaType === 'custom' ? ref.mediaId : Number(ref.mediaId);

export const refKey = (ref: { mediaType: string; mediaId: string | number }) =>
  `${ref.mediaType}:${String(ref.mediaId)}`;

export const iso = (d: Date) => d.toISOString();

/** Runs `work` over `items` with at most `limit` in flight, keeping order. */
export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const runners = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await work(items[i] as T, i);
    }
  });
  await Promise.all(runners);
  return out;
}
