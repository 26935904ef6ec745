import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';

/** A real JPEG (a gradient-ish block of colour), `width` wide, 1.5 times as tall. */
export function makeJpeg(width = 600, seed = 40): Promise<Buffer> {
  return sharp({
    create: { width, height: Math.round(width * 1.5), channels: 3, background: { r: seed, g: 90, b: 160 } },
  })
    .jpeg({ quality: 90 })
    .toBuffer();
}

export interface Listening {
  server: Server;
  origin: string;
  /** Requests received, by path. */
  hits: Map<string, number>;
  close(): Promise<void>;
}

export async function listen(
  handler: (req: IncomingMessage, res: ServerResponse) => void,
  server: Server = createServer(),
  scheme: 'http' | 'https' = 'http',
): Promise<Listening> {
  const hits = new Map<string, number>();
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const p = (req.url ?? '/').split('?')[0] ?? '/';
    hits.set(p, (hits.get(p) ?? 0) + 1);
    handler(req, res);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    server,
    origin: `${scheme}://127.0.0.1:${port}`,
    hits,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

/**
 * Stands in for image.tmdb.org: `/t/p/<size>/<name>` answers a real JPEG for `photo-*` names,
 * and misbehaves on purpose for the others.
 */
export async function startFakeImageHost(opts: { elsewhere: string; hugeBytes: number }) {
  const jpeg = await makeJpeg();
  return listen((req, res) => {
    const m = /^\/t\/p\/(\w+)\/([\w.-]+)$/.exec(req.url ?? '');
    const name = m?.[2] ?? '';
    if (name.startsWith('photo-')) {
      res.writeHead(200, { 'content-type': 'image/jpeg', 'content-length': jpeg.length });
      res.end(jpeg);
    } else if (name === 'moved.jpg') {
      // Same origin: followed.
      res.writeHead(301, { location: '/t/p/w780/photo-moved.jpg' });
      res.end();
    } else if (name === 'away.jpg') {
      res.writeHead(302, { location: `${opts.elsewhere}/secret.jpg` });
      res.end();
    } else if (name === 'page.jpg') {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<!doctype html><title>not an image</title>'.padEnd(400, ' '));
    } else if (name === 'huge.jpg') {
      // No Content-Length: only counting the bytes can catch it.
      res.writeHead(200, { 'content-type': 'image/jpeg' });
      const chunk = Buffer.alloc(64 * 1024, 0xff);
      let sent = 0;
      const pump = () => {
        while (sent < opts.hugeBytes) {
          sent += chunk.length;
          if (!res.write(chunk)) return res.once('drain', pump);
        }
        res.end();
      };
      pump();
    } else if (name === 'drawing.svg') {
      res.writeHead(200, { 'content-type': 'image/svg+xml' });
      res.end('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>');
    } else {
      res.writeHead(404);
      res.end();
    }
  });
}

/** A self-signed certificate for `host`, made with the openssl CLI in a temp folder. */
export function selfSignedCert(host: string): { key: Buffer; cert: Buffer } {
  const dir = mkdtempSync(path.join(tmpdir(), 'cinehub-cert-'));
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-days',
        '1',
        '-keyout',
        path.join(dir, 'key.pem'),
        '-out',
        path.join(dir, 'cert.pem'),
        '-subj',
        `/CN=${host}`,
        '-addext',
        `subjectAltName=DNS:${host}`,
      ],
      { stdio: 'ignore' },
    );
    return { key: readFileSync(path.join(dir, 'key.pem')), cert: readFileSync(path.join(dir, 'cert.pem')) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function listenHttps(
  tls: { key: Buffer; cert: Buffer },
  handler: (req: IncomingMessage, res: ServerResponse) => void,
): Promise<Listening> {
  return listen(handler, createHttpsServer(tls) as unknown as Server, 'https');
}

/** Reads a multipart/form-data body's text fields (what the Cloudinary SDK posts). */
export function formFields(body: Buffer, contentType: string): Record<string, string> {
  const boundary = /boundary=(.+)$/.exec(contentType)?.[1];
  if (!boundary) return {};
  const out: Record<string, string> = {};
  for (const part of body.toString('latin1').split(`--${boundary}`)) {
    const m = /name="([^"]+)"\r\n\r\n([\s\S]*)\r\n$/.exec(part);
    if (m?.[1]) out[m[1]] = m[2] ?? '';
  }
  return out;
}
