/** The sizes our /img route serves (API.md). */
export type ImageSize = 'w92' | 'w185' | 'w342' | 'w500' | 'w780' | 'original';

/**
 * The same image at another size. The API hands out /img/<size>/<file> URLs; only the size
 * segment changes, so any size the route serves can be asked for without another API field.
 */
export function imageAt(url: string, size: ImageSize): string {
  // A custom title's image (/img/custom/<id>) comes in one size only.
  if (isCustomImage(url)) return url;
  return url.replace(/^\/img\/[^/]+\//, `/img/${size}/`);
}

const isCustomImage = (url: string) => url.startsWith('/img/custom/');

/** srcset for a poster card: the small file on ordinary screens, the larger one on dense ones. */
export const posterSrcSet = (url: string) =>
  isCustomImage(url) ? undefined : `${imageAt(url, 'w185')} 185w, ${imageAt(url, 'w342')} 342w`;
