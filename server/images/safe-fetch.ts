import { randomUUID } from 'node:crypto';
import { lookup as dnsLookup } from 'node:dns/promises';
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { isIP } from 'node:net';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import { isPublicAddress } from './address-policy.ts';
import { sniffImage, type RasterKind } from './image-fetcher.ts';

export const USER_IMAGE_MAX_BYTES = 5 * 1024 * 1024;
export const USER_IMAGE_TIMEOUT_MS = 8_000;

/** A user-supplied URL we will not fetch, or whose answer we will not keep; `message` says why. */
export class UnsafeImageUrlError extends Error {
  /** The host failed for a passing reason (no answer in time, a dropped connection, a 5xx or 429,
   * DNS not answering): the same URL may well work later. Anything else is final. */
  readonly transient: boolean;
  constructor(message: string, options: ErrorOptions & { transient?: boolean } = {}) {
    super(message, options);
    this.transient = options.transient ?? false;
  }
}

/** TLS refusing the host's certificate is final; other network failures may pass. */
const isCertificateError = (err: unknown) =>
  /CERT|SIGNATURE|ERR_TLS|ERR_SSL/.test(String((err as { code?: unknown } | null)?.code ?? ''));

export interface Resolved {
  address: string;
  family: 4 | 6;
}

export interface UserImageFetchOptions {
  /** Where the image lands; written to a temp file beside it first, renamed once verified. */
  target: string;
  maxBytes?: number;
  /** The whole fetch, connect to last byte. */
  timeoutMs?: number;
  /** Tests only: a resolver, an address rule, ports and a CA for a local https server. */
  resolve?: (host: string) => Promise<Resolved[]>;
  isAllowedAddress?: (address: string) => boolean;
  allowedPorts?: number[];
  ca?: string | Buffer;
  /** Tests only: the port actually connected to for an https URL on 443 (a local server's). */
  connectPort?: number;
}

const defaultResolve = async (host: string): Promise<Resolved[]> =>
  (await dnsLookup(host, { all: true, verbatim: true })).map((a) => ({
    address: a.address,
    family: a.family === 6 ? 6 : 4,
  }));

/**
 * Checks a user-supplied image URL without fetching it: https, no credentials in it, port 443,
 * and every address its host resolves to on the public internet (a name with one private
 * address among public ones is refused: which one a client picks is not ours to predict).
 * Returns the address to connect to. Custom titles call this at save time for a quick 400.
 */
export async function checkUserImageUrl(
  raw: string,
  opts: Pick<UserImageFetchOptions, 'resolve' | 'isAllowedAddress' | 'allowedPorts'> = {},
): Promise<{ url: URL; pinned: Resolved }> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UnsafeImageUrlError('is not a valid URL');
  }
  if (url.protocol !== 'https:') throw new UnsafeImageUrlError('must be an https URL');
  if (url.username || url.password) throw new UnsafeImageUrlError('must not carry credentials');
  const port = url.port ? Number(url.port) : 443;
  if (!(opts.allowedPorts ?? [443]).includes(port)) throw new UnsafeImageUrlError('must use the standard https port');
  const allowed = opts.isAllowedAddress ?? isPublicAddress;
  // WHATWG URL parsing already turned 0x7f.1, 2130706433 and friends into dotted quads.
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: Resolved[];
  if (isIP(host)) addresses = [{ address: host, family: isIP(host) === 6 ? 6 : 4 }];
  else {
    try {
      addresses = await (opts.resolve ?? defaultResolve)(host);
    } catch (err) {
      throw new UnsafeImageUrlError('names a host that does not resolve', {
        transient: (err as { code?: unknown }).code === 'EAI_AGAIN',
      });
    }
  }
  const first = addresses[0];
  if (!first || addresses.some((a) => !allowed(a.address))) {
    throw new UnsafeImageUrlError('points at an address that is not on the public internet');
  }
  return { url, pinned: first };
}

/** Counts bytes through the pipe and stops past the cap, keeping the head for the magic bytes. */
function capped(maxBytes: number) {
  let size = 0;
  const head: Buffer[] = [];
  let headSize = 0;
  const stream = new Transform({
    transform(chunk: Buffer, _enc, done) {
      size += chunk.length;
      if (size > maxBytes) return done(new UnsafeImageUrlError('answered with an image over the size limit'));
      if (headSize < 32) {
        head.push(chunk);
        headSize += chunk.length;
      }
      done(null, chunk);
    },
  });
  return { stream, head: () => Buffer.concat(head), size: () => size };
}

/**
 * Fetches an image from a URL a user gave (custom titles' imageUrl), the one way such URLs are
 * ever fetched. The checks of checkUserImageUrl, then the connection is pinned to the checked
 * address (no second DNS answer can swap in 127.0.0.1), no redirect is followed, the answer must
 * be 200 with an image content type, within the size cap and time limit, and a raster image by
 * its magic bytes (never SVG). Written to a temp file, renamed to `target` only when all held.
 */
export async function fetchUserImage(
  raw: string,
  opts: UserImageFetchOptions,
): Promise<{ file: string; kind: RasterKind; bytes: number }> {
  const { url, pinned } = await checkUserImageUrl(raw, opts);
  const maxBytes = opts.maxBytes ?? USER_IMAGE_MAX_BYTES;
  const lookup: LookupFunction = (_host, options, callback) => {
    if (options.all) callback(null, [{ address: pinned.address, family: pinned.family }]);
    else callback(null, pinned.address, pinned.family);
  };
  await mkdir(path.dirname(opts.target), { recursive: true });
  const tmp = `${opts.target}.${randomUUID()}.tmp`;
  const signal = AbortSignal.timeout(opts.timeoutMs ?? USER_IMAGE_TIMEOUT_MS);
  try {
    const res = await new Promise<IncomingMessage>((resolve, reject) => {
      const req = https.get(url, {
        lookup,
        ...(opts.connectPort ? { port: opts.connectPort } : {}),
        agent: false,
        signal,
        ca: opts.ca,
        headers: {
          accept: 'image/avif,image/webp,image/png,image/jpeg,image/*;q=0.8',
          'user-agent': 'CineHubPro-ImageFetcher/1',
        },
      });
      req.once('response', resolve);
      req.once('error', reject);
    });
    const status = res.statusCode ?? 0;
    const type = String(res.headers['content-type'] ?? '');
    const declared = Number(res.headers['content-length'] ?? 0);
    const refuse = (why: string, transient = false): never => {
      res.destroy();
      throw new UnsafeImageUrlError(why, { transient });
    };
    if (status >= 300 && status < 400) refuse('redirects elsewhere (redirects are not followed)');
    if (status !== 200) refuse(`answered ${status}`, status === 408 || status === 429 || status >= 500);
    if (!/^image\//i.test(type) || /svg/i.test(type)) refuse('did not answer with an image');
    if (declared > maxBytes) refuse('answered with an image over the size limit');
    const counter = capped(maxBytes);
    await pipeline(res, counter.stream, createWriteStream(tmp, { flags: 'wx' }), { signal });
    const kind = sniffImage(counter.head());
    if (!kind) throw new UnsafeImageUrlError('did not answer with an image');
    await rename(tmp, opts.target);
    return { file: opts.target, kind, bytes: counter.size() };
  } catch (err) {
    await rm(tmp, { force: true });
    if (err instanceof UnsafeImageUrlError) throw err;
    if (signal.aborted) throw new UnsafeImageUrlError('did not answer in time', { transient: true });
    throw new UnsafeImageUrlError('could not be fetched', { cause: err, transient: !isCertificateError(err) });
  }
}
