import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import path from 'node:path';
import express, { type Express, type Request, type Response } from 'express';
import { LRUCache } from 'lru-cache';
import type { Logger } from 'pino';
import type { Metrics } from '../http/metrics.ts';
import type { ResponseCache } from '../http/response-cache.ts';
import type { RenderContext, RenderFn } from '#shared/ssr-contract';

export const NONCE_PLACEHOLDER = '__CSP_NONCE__';

export interface SsrOptions {
  mode: 'production' | 'development';
  root: string;
  log: Logger;
  metrics: Metrics;
  httpServer?: Server;
  /** How long a rendered anonymous page may be reused; data changes clear it sooner. */
  htmlCacheTtlMs: number;
  /** Offered each anonymous page as sent, to replay ahead of Express (http/response-cache.ts). */
  responseCache?: Pick<ResponseCache, 'keep'>;
}

/** A fresh nonce per response; helmet's CSP reads it from res.locals. */
export function newNonce(): string {
  return randomBytes(16).toString('base64');
}

// Replacements are functions: a string replacement would read `$'`, `$&`… in the page's own text
// (a search for "$'", a review) as patterns and splice parts of the template into it.
function fillTemplate(template: string, r: { head: string; html: string; state: string }): string {
  return template
    .replace('<!--app-head-->', () => r.head)
    .replace('<!--app-html-->', () => r.html)
    .replace(
      '<!--app-state-->',
      () => `<script id="__STATE__" type="application/json" nonce="${NONCE_PLACEHOLDER}">${r.state}</script>`,
    )
    .replace(/<script(?![^>]*\bnonce=)/g, `<script nonce="${NONCE_PLACEHOLDER}"`)
    .replace(/<link rel="modulepreload"(?![^>]*\bnonce=)/g, `<link rel="modulepreload" nonce="${NONCE_PLACEHOLDER}"`);
}

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  css?: string[];
}

/**
 * `<link rel="modulepreload">` (and stylesheet) tags for a page module's chunk and the chunks it
 * imports that the entry does not already bring: the browser fetches them beside the entry
 * instead of after it, so hydration starts a round trip sooner. Computed once per module.
 */
function pagePreloads(manifest: Record<string, ManifestChunk>) {
  const closure = (key: string, seen: Set<string>) => {
    if (seen.has(key) || !manifest[key]) return seen;
    seen.add(key);
    for (const dep of manifest[key].imports ?? []) closure(dep, seen);
    return seen;
  };
  const entryKeys = Object.keys(manifest).filter((k) => manifest[k]!.isEntry);
  const fromEntry = entryKeys.reduce((seen, k) => closure(k, seen), new Set<string>());
  const memo = new Map<string, string>();
  return (pageModule: string | null): string => {
    if (!pageModule || !manifest[pageModule]) return '';
    let tags = memo.get(pageModule);
    if (tags === undefined) {
      const chunks = [...closure(pageModule, new Set())].filter((k) => !fromEntry.has(k)).map((k) => manifest[k]!);
      const entryCss = new Set(entryKeys.flatMap((k) => manifest[k]!.css ?? []));
      tags = [
        ...chunks.map((c) => `<link rel="modulepreload" crossorigin href="/${c.file}">`),
        ...[...new Set(chunks.flatMap((c) => c.css ?? []))]
          .filter((css) => !entryCss.has(css))
          .map((css) => `<link rel="stylesheet" crossorigin href="/${css}">`),
      ].join('');
      memo.set(pageModule, tags);
    }
    return tags;
  };
}

/**
 * Server rendering. Production: the Vite-built template and SSR bundle under dist/. Development:
 * Vite in middleware mode on the app's own HTTP server (hot reload, no second port).
 * Anonymous pages are kept rendered for a short while: rendering is the costliest thing a page
 * view does, and every anonymous visitor sees the same page.
 */
export async function createSsr(app: Express, opts: SsrOptions) {
  let getTemplate: (url: string) => Promise<string>;
  let getRender: () => Promise<RenderFn>;
  // Vite's dev server loads modules as they are asked for: hints only for the built app.
  let preloads: (pageModule: string | null) => string = () => '';
  let close = async () => {};
  const distDir = path.join(opts.root, 'dist');

  if (opts.mode === 'development') {
    const { createServer } = await import('vite');
    const vite = await createServer({
      root: path.join(opts.root, 'client'),
      configFile: path.join(opts.root, 'vite.config.ts'),
      server: { middlewareMode: true, hmr: opts.httpServer ? { server: opts.httpServer } : false },
      appType: 'custom',
    });
    app.use(vite.middlewares);
    // Its file watcher and hot-reload sockets would keep a stopping server (and process) alive.
    close = () => vite.close();
    getTemplate = async (url) =>
      vite.transformIndexHtml(url, await readFile(path.join(opts.root, 'client', 'index.html'), 'utf8'));
    getRender = async () => ((await vite.ssrLoadModule('/src/entry-server.tsx')) as { render: RenderFn }).render;
  } else {
    const template = await readFile(path.join(distDir, 'client', 'index.html'), 'utf8');
    preloads = pagePreloads(
      JSON.parse(await readFile(path.join(distDir, 'client', '.vite', 'manifest.json'), 'utf8')) as Record<
        string,
        ManifestChunk
      >,
    );
    const entry = path.join(distDir, 'server', 'entry-server.js');
    const mod = (await import(entry)) as { render: RenderFn };
    getTemplate = async () => template;
    getRender = async () => mod.render;
    app.use(
      '/assets',
      express.static(path.join(distDir, 'client', 'assets'), { immutable: true, maxAge: '1y', index: false }),
    );
    // Files at the root (favicon.svg, robots.txt…) all have an extension; pages never do, so
    // they skip the file lookup (a stat and a 404 error object per page view otherwise).
    const rootFiles = express.static(path.join(distDir, 'client'), { index: false, maxAge: '1h' });
    app.use((req, res, next) => (/\.[\w]+$/.test(req.path) ? rootFiles(req, res, next) : next()));
  }

  // A page is kept as the byte runs between its nonce placeholders: sending it is a copy with
  // this response's nonce in the gaps, not a search-and-replace over a string and its re-encoding.
  const htmlCache = new LRUCache<string, { status: number; parts: Buffer[] }>({
    max: 500,
    ttl: opts.htmlCacheTtlMs,
  });

  // Bumped by each clear: a page rendered from data read before a clear is not kept after it.
  let generation = 0;

  async function renderPage(req: Request, res: Response, ctx: RenderContext, cacheable: boolean) {
    const url = req.originalUrl;
    const renderedIn = generation;
    let entry = cacheable ? htmlCache.get(url) : undefined;
    if (cacheable) opts.metrics.htmlCache.inc({ result: entry ? 'hit' : 'miss' });
    if (!entry) {
      const render = await getRender();
      const result = await render(url, ctx);
      const page = fillTemplate(await getTemplate(url), { ...result, head: result.head + preloads(result.pageModule) });
      entry = { status: result.status, parts: page.split(NONCE_PLACEHOLDER).map((p) => Buffer.from(p)) };
      // Error pages are not kept: the next visitor should get a fresh try.
      if (cacheable && (result.status === 200 || result.status === 404) && renderedIn === generation) {
        htmlCache.set(url, entry);
      }
    }
    const nonce = Buffer.from(String(res.locals.nonce));
    const chunks: Buffer[] = [];
    entry.parts.forEach((part, i) => (i === 0 ? chunks.push(part) : chunks.push(nonce, part)));
    const body = Buffer.concat(chunks);
    // res.end, not res.send: with a fresh nonce in every response an ETag could never match, so
    // hashing each page for one is wasted work.
    res.status(entry.status);
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    // A signed-in page shows its viewer: no shared cache (a CDN, a proxy) may keep it.
    res.setHeader('Cache-Control', cacheable ? 'no-cache' : 'private, no-store');
    res.setHeader('Content-Length', body.length);
    if (cacheable && entry.status === 200) opts.responseCache?.keep(req, res, entry.parts);
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  return {
    renderPage,
    close: () => close(),
    clearHtmlCache: () => {
      generation += 1;
      htmlCache.clear();
    },
  };
}
export type Ssr = Awaited<ReturnType<typeof createSsr>>;
