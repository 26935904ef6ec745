import { Router } from 'express';
import type { Logger } from 'pino';
import type { CatalogItem } from '#shared/contracts/catalog';
import type { Page } from '#shared/contracts/common';
import * as catalog from '../catalog/catalog.service.ts';

/** Pages worth indexing that need no data; titles come from the catalog's front lists. */
const STATIC_PATHS = ['/', '/movies', '/tv'];
const TITLES_PER_LIST = 40;

const escapeXml = (s: string) =>
  s.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c] ?? c);

/** "https://example.com/" and "https://example.com" alike, so paths never get a double slash. */
const trimOrigin = (origin: string) => origin.replace(/\/+$/, '');

export function sitemapXml(origin: string, paths: Iterable<string>): string {
  const urls = [...paths].map((p) => `  <url><loc>${escapeXml(`${origin}${p}`)}</loc></url>`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`;
}

/**
 * GET /sitemap.xml (the static pages and the titles on the first pages of the trending and popular
 * lists, read through the catalog and its cache) and GET /robots.txt (which must name the sitemap
 * by absolute URL, so it is rendered here from the public origin rather than kept as a file).
 */
export function seoRoutes(deps: catalog.CatalogDeps, opts: { origin: string; log: Logger }): Router {
  const origin = trimOrigin(opts.origin);
  const router = Router();

  router.get('/sitemap.xml', async (_req, res) => {
    const q = { page: 1, limit: TITLES_PER_LIST };
    const lists: [string, () => Promise<Page<CatalogItem>>][] = [
      ['movie trending', () => catalog.trending(deps, 'movie', 'week', q)],
      ['movie popular', () => catalog.list(deps, 'movie', 'popular', q)],
      ['tv trending', () => catalog.trending(deps, 'tv', 'week', q)],
      ['tv popular', () => catalog.list(deps, 'tv', 'popular', q)],
    ];
    const results = await Promise.allSettled(lists.map(([, load]) => load()));
    const paths = new Set(STATIC_PATHS);
    let complete = true;
    results.forEach((r, i) => {
      if (r.status === 'rejected') {
        // A sitemap without some titles for a while beats no sitemap: crawlers come back.
        complete = false;
        opts.log.warn(
          { list: lists[i]?.[0], err: r.reason instanceof Error ? r.reason.message : r.reason },
          'sitemap list unavailable',
        );
        return;
      }
      for (const item of r.value.items) {
        if (item.mediaType === 'movie' || item.mediaType === 'tv') paths.add(`/${item.mediaType}/${item.id}`);
      }
    });
    res
      .status(200)
      .type('application/xml')
      .setHeader('Cache-Control', `public, max-age=${complete ? 3600 : 60}`)
      .send(sitemapXml(origin, paths));
  });

  router.get('/robots.txt', (_req, res) => {
    res
      .status(200)
      .type('text/plain')
      .setHeader('Cache-Control', 'public, max-age=3600')
      .send(
        [
          'User-agent: *',
          'Allow: /',
          'Disallow: /api/',
          'Disallow: /admin',
          '',
          `Sitemap: ${origin}/sitemap.xml`,
          '',
        ].join('\n'),
      );
  });

  return router;
}
