import { UpstreamUnavailableError } from '../http/errors.ts';
import type { Metrics } from '../http/metrics.ts';

export const MAX_IMAGE_BYTES = 10 * 1024 * 1024;
const MAX_REDIRECTS = 3;

export type RasterKind = 'jpeg' | 'png' | 'webp' | 'gif' | 'avif';
export type SourceKind = RasterKind | 'svg';
export interface SourceImage {
  body: Buffer;
  kind: SourceKind;
}

/** Magic bytes of the raster formats we accept; SVG only from a host we trust to draw it. */
export function sniffImage(buf: Buffer): RasterKind | null {
  if (buf.length < 12) return null;
  if (buf[0] === 0xff && buf[1] === 0xd8 && buf[2] === 0xff) return 'jpeg';
  if (buf.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
  if (buf.toString('ascii', 0, 4) === 'RIFF' && buf.toString('ascii', 8, 12) === 'WEBP') return 'webp';
  if (buf.toString('ascii', 0, 6) === 'GIF87a' || buf.toString('ascii', 0, 6) === 'GIF89a') return 'gif';
  if (buf.toString('ascii', 4, 8) === 'ftyp' && /^avi[fs]$/.test(buf.toString('ascii', 8, 12))) return 'avif';
  return null;
}

export class ImageNotFound extends Error {}
/** The host answered with something we will not store: another host, not an image, too big. */
export class ImageRejected extends Error {}

/** Reads a body up to `maxBytes`; more is a rejection, whatever Content-Length claimed. */
export async function readCapped(body: ReadableStream<Uint8Array>, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw new ImageRejected('image is too large');
    }
    chunks.push(Buffer.from(value));
  }
  return Buffer.concat(chunks);
}

export interface HostFetchOptions {
  timeoutMs: number;
  /** Only the offline TMDB draws SVG; a real image host never gets to send SVG. */
  allowSvg: boolean;
  metrics: Metrics;
  service: string;
  maxBytes?: number;
}

/**
 * Fetches an image from the configured image host (TMDB's CDN, or the offline TMDB). URLs are
 * built from that host and a validated path, never taken from a request. A redirect is followed
 * only to the same origin (up to 3 hops), since one elsewhere could point anywhere, this machine
 * included; the body is capped and must be an image by its magic bytes.
 */
export async function fetchImageFromHost(url: string, opts: HostFetchOptions): Promise<SourceImage> {
  const maxBytes = opts.maxBytes ?? MAX_IMAGE_BYTES;
  const origin = new URL(url).origin;
  const count = (outcome: string) => opts.metrics.upstream.inc({ service: opts.service, outcome });
  const signal = AbortSignal.timeout(opts.timeoutMs);
  let target = url;
  for (let hop = 0; ; hop++) {
    const end = opts.metrics.upstreamDuration.startTimer({ service: opts.service });
    let res: Response;
    try {
      res = await fetch(target, { redirect: 'manual', signal });
    } catch (err) {
      count('network');
      throw new UpstreamUnavailableError('Image host', { cause: err });
    } finally {
      end();
    }
    if (res.status >= 300 && res.status < 400) {
      await res.body?.cancel();
      const location = res.headers.get('location');
      const next = location ? new URL(location, target) : null;
      if (!next || next.origin !== origin || hop >= MAX_REDIRECTS) {
        count('redirect_refused');
        throw new ImageRejected('redirect away from the image host');
      }
      target = next.toString();
      continue;
    }
    if (res.status === 404) {
      await res.body?.cancel();
      count('not_found');
      throw new ImageNotFound();
    }
    if (!res.ok || !res.body) {
      await res.body?.cancel();
      count(String(res.status));
      throw new UpstreamUnavailableError('Image host', { cause: { status: res.status } });
    }
    if (Number(res.headers.get('content-length') ?? 0) > maxBytes) {
      await res.body.cancel();
      count('too_large');
      throw new ImageRejected('image is too large');
    }
    let body: Buffer;
    try {
      body = await readCapped(res.body, maxBytes);
    } catch (err) {
      if (err instanceof ImageRejected) count('too_large');
      else count('network');
      throw err instanceof ImageRejected ? err : new UpstreamUnavailableError('Image host', { cause: err });
    }
    const kind = sniffImage(body);
    if (kind) {
      count('ok');
      return { body, kind };
    }
    const contentType = res.headers.get('content-type') ?? '';
    if (opts.allowSvg && contentType.startsWith('image/svg+xml') && body.toString('utf8', 0, 256).includes('<svg')) {
      count('ok');
      return { body, kind: 'svg' };
    }
    count('not_image');
    throw new ImageRejected('not an image');
  }
}
