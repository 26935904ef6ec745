import sharp from 'sharp';
import type { SourceImage } from './image-fetcher.ts';

export const IMAGE_SIZES = { w92: 92, w185: 185, w342: 342, w500: 500, w780: 780, original: null } as const;
export type ImageSize = keyof typeof IMAGE_SIZES;
export type OutputFormat = 'webp' | 'jpeg' | 'avif';

export const CONTENT_TYPES: Record<OutputFormat, string> = {
  webp: 'image/webp',
  jpeg: 'image/jpeg',
  avif: 'image/avif',
};

/** The formats a request's Accept allows, best first; JPEG is always there as the fallback. */
export function acceptedFormats(accept: string | undefined): OutputFormat[] {
  const a = accept ?? '';
  const out: OutputFormat[] = [];
  if (/image\/avif/.test(a)) out.push('avif');
  if (/image\/webp/.test(a)) out.push('webp');
  out.push('jpeg');
  return out;
}

/**
 * Re-encodes a source image at a width (never enlarging) into one format. Decoding is capped at
 * 40 megapixels so a small file cannot unpack into gigabytes. AVIF is slow (about 0.6 s at 500 px
 * at the default effort), so it runs at a low effort and only in background jobs.
 */
export async function encodeImage(src: SourceImage, width: number | null, format: OutputFormat): Promise<Buffer> {
  let img = sharp(src.body, { limitInputPixels: 40_000_000 }).rotate();
  if (width) img = img.resize({ width, withoutEnlargement: true });
  switch (format) {
    case 'webp':
      return img.webp({ quality: 78 }).toBuffer();
    case 'jpeg':
      return img.flatten({ background: '#000000' }).jpeg({ quality: 82, mozjpeg: true }).toBuffer();
    case 'avif':
      return img.avif({ quality: 50, effort: 2 }).toBuffer();
  }
}

/** PNG for uploads elsewhere when the source is a drawing (SVG) that other services may refuse. */
export async function rasterize(src: SourceImage): Promise<SourceImage> {
  if (src.kind !== 'svg') return src;
  return { body: await sharp(src.body, { limitInputPixels: 40_000_000 }).png().toBuffer(), kind: 'png' };
}
