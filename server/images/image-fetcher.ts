import { UpstreamUnavailableError } from '../http/errors.ts';
import type { Metrics } from '../http/metrics.ts';

export const MAX_IMAGE_BYTES = 10 * 1024 * 1024;

/** Magic bytes of the raster formats we accept; SVG only from a host we trust to draw it. */
export function sniffImage(buf: Buffer): 'jpeg' | 'png' | 'webp' | 'gif' | 'avif' | null {
  if (buf.length < 12) return null;
  if (buf[0] === 0xff && buf[1] === 0xd8 && buf[2] === 0xff) return 'jpeg';
  if (buf.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
  if (buf.toString('ascii', 0, 4) === 'RIFF' && buf.toString('ascii', 8, 12) === 'WEBP') return 'webp';
  if (buf.toString('ascii', 0, 6) === 'GIF87a' || buf.toString('ascii', 0, 6) === 'GIF89a') return 'gif';
  if (buf.toString('ascii', 4, 8) === 'ftyp' && /^avi[fs]$/.test(buf.toString('ascii', 8, 12))) return 'avif';
  return null;
}

/**
 * Fetches an image from one of the configured image hosts. Redirects are never followed (a
 * redirect could point anywhere, including this machine); the body is capped and must be an image.
 */
export async function fetchImageFromHost(
  url: string,
  opts: { timeoutMs: number; allowSvg: boolean; metrics: Metrics; service: string },
): Promise<{ body: Buffer; kind: NonNullable<ReturnType<typeof sniffImage>> | 'svg' }> {
  const end = opts.metrics.upstreamDuration.startTimer({ service: opts.service });
  let res: Response;
  try {
    res = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(opts.timeoutMs) });
  } catch (err) {
    opts.metrics.upstream.inc({ service: opts.service, outcome: 'network' });
    throw new UpstreamUnavailableError('Image host', { cause: err });
  } finally {
    end();
  }
  if (res.status === 404) {
    await res.body?.cancel();
    opts.metrics.upstream.inc({ service: opts.service, outcome: 'not_found' });
    return Promise.reject(new ImageNotFound());
  }
  if (!res.ok || !res.body) {
    await res.body?.cancel();
    opts.metrics.upstream.inc({ service: opts.service, outcome: String(res.status) });
    throw new UpstreamUnavailableError('Image host', { cause: { status: res.status } });
  }
  const declared = Number(res.headers.get('content-length') ?? 0);
  if (declared > MAX_IMAGE_BYTES) {
    await res.body.cancel();
    throw new ImageRejected('image is too large');
  }
  const chunks: Buffer[] = [];
  let size = 0;
  const reader = res.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_IMAGE_BYTES) {
      await reader.cancel();
      throw new ImageRejected('image is too large');
    }
    chunks.push(Buffer.from(value));
  }
  const body = Buffer.concat(chunks);
  opts.metrics.upstream.inc({ service: opts.service, outcome: 'ok' });
  const kind = sniffImage(body);
  if (kind) return { body, kind };
  const contentType = res.headers.get('content-type') ?? '';
  if (opts.allowSvg && contentType.startsWith('image/svg+xml') && body.toString('utf8', 0, 256).includes('<svg')) {
    return { body, kind: 'svg' };
  }
  throw new ImageRejected('not an image');
}

export class ImageNotFound extends Error {}
export class ImageRejected extends Error {}
