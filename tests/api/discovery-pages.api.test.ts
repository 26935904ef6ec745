import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CatalogPage, MovieDetail, PersonDetail, TvDetail } from '#shared/contracts/catalog';
import { launchBrowser } from '../helpers/browser.ts';
import { startTestApp, type TestApp } from '../helpers/test-app.ts';

let app: TestApp;
let browser: Browser;
let origin: string;
beforeAll(async () => {
  [app, browser] = await Promise.all([startTestApp(), launchBrowser()]);
  origin = app.server.runtime.config.publicUrl.replace(/\/+$/, '');
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

const json = async <T>(path: string, schema: { parse: (v: unknown) => T }) => {
  const res = await app.get(path);
  expect(res.status, path).toBe(200);
  return schema.parse(await res.json());
};
const html = async (path: string, status = 200) => {
  const res = await app.get(path);
  expect(res.status, path).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/text\/html/);
  return res.text();
};
const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const jsonLdOf = (page: string) => {
  const m = /<script type="application\/ld\+json"[^>]*>([\s\S]*?)<\/script>/.exec(page);
  return m?.[1] ? (JSON.parse(m[1]) as Record<string, unknown>) : null;
};

/** Parses XML in Chromium: a document with a <parsererror> is not well-formed. */
async function parseXml(xml: string) {
  const page = await browser.newPage();
  try {
    return await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'application/xml');
      return {
        error: doc.getElementsByTagName('parsererror')[0]?.textContent ?? null,
        root: doc.documentElement.localName,
        ns: doc.documentElement.namespaceURI,
        locs: [...doc.getElementsByTagNameNS('http://www.sitemaps.org/schemas/sitemap/0.9', 'loc')].map(
          (l) => l.textContent ?? '',
        ),
      };
    }, xml);
  } finally {
    await page.close();
  }
}

// First in the file, while the popular TV list is not cached yet.
describe('sitemap while TMDB fails', () => {
  it('still answers with what it can list, asks to be fetched again soon, and is whole again after', async () => {
    const trending = await json('/api/movies/trending?window=week&limit=40', CatalogPage);
    app.offline.faults.set({ status: 500, pathPrefix: '/tv/popular' });
    let degraded: Response;
    try {
      degraded = await app.get('/sitemap.xml');
    } finally {
      app.offline.faults.clear();
    }
    expect(degraded.status).toBe(200);
    expect(degraded.headers.get('cache-control')).toBe('public, max-age=60');
    const partial = await parseXml(await degraded.text());
    expect(partial.error).toBeNull();
    // What the cache holds is still listed; the static pages always are.
    expect(partial.locs).toEqual(
      expect.arrayContaining([`${origin}/`, ...trending.items.map((i) => `${origin}/movie/${i.id}`)]),
    );

    // TMDB's breaker may hold calls back for a few seconds after the failures.
    await expect
      .poll(async () => (await app.get('/sitemap.xml')).headers.get('cache-control'), {
        timeout: 20_000,
        interval: 1_000,
      })
      .toBe('public, max-age=3600');
    const popularTv = await json('/api/tv/popular?limit=5', CatalogPage);
    const locs = (await parseXml(await (await app.get('/sitemap.xml')).text())).locs;
    for (const item of popularTv.items) expect(locs).toContain(`${origin}/tv/${item.id}`);
  });
});

describe('sitemap and robots', () => {
  it('lists the static pages and the trending and popular titles as a well-formed sitemap', async () => {
    const res = await app.get('/sitemap.xml');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/xml/);
    const xml = await parseXml(await res.text());
    expect(xml.error).toBeNull();
    expect([xml.root, xml.ns]).toEqual(['urlset', 'http://www.sitemaps.org/schemas/sitemap/0.9']);
    expect(xml.locs).toEqual(expect.arrayContaining([`${origin}/`, `${origin}/movies`, `${origin}/tv`]));
    expect(new Set(xml.locs).size).toBe(xml.locs.length);
    for (const loc of xml.locs) expect(loc).toMatch(new RegExp(`^${origin.replace(/[.:/]/g, '\\$&')}/`));

    const movies = await json('/api/movies/trending?window=week&limit=5', CatalogPage);
    const shows = await json('/api/tv/popular?limit=5', CatalogPage);
    for (const item of [...movies.items, ...shows.items])
      expect(xml.locs).toContain(`${origin}/${item.mediaType}/${item.id}`);
  });

  it('names the sitemap by absolute URL in robots.txt and keeps the API out', async () => {
    const res = await app.get('/robots.txt');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await res.text();
    expect(text).toContain(`Sitemap: ${origin}/sitemap.xml`);
    expect(text).toMatch(/^Disallow: \/api\/$/m);
  });
});

describe('pages that do not exist', () => {
  it.each([
    '/movie/999999999',
    '/tv/999999999',
    '/person/999999999',
    '/tv/1399/season/999',
    '/movie/abc',
    '/movie/0',
    '/person/12x',
    '/no-such-page',
  ])('%s answers 404 with the not-found page', async (path) => {
    const page = await html(path, 404);
    expect(page).toContain('<title>Page not found · CineHub Pro</title>');
    expect(page).toContain('We could not find that page');
  });
});

describe('server-rendered discovery pages', () => {
  it('renders every home row into the first HTML', async () => {
    const page = await html('/');
    for (const path of [
      '/api/movies/trending?window=week',
      '/api/movies/popular',
      '/api/movies/top-rated',
      '/api/movies/upcoming',
      '/api/tv/trending?window=week',
    ]) {
      const first = (await json(path, CatalogPage)).items[0];
      expect(first, path).toBeDefined();
      expect(page, path).toContain(`href="/${first!.mediaType}/${first!.id}"`);
    }
    expect(page).toContain(`<link rel="canonical" href="${origin}/" />`);
  });

  it('renders a filtered browse page from its URL, with the filters shown as set', async () => {
    const query = 'genre=28&yearFrom=2000&yearTo=2010&sort=rating.desc';
    const expected = await json(`/api/movies/discover?${query}&limit=20`, CatalogPage);
    expect(expected.items.length).toBeGreaterThan(0);
    const page = await html(`/movies?${query}`);
    for (const item of expected.items.slice(0, 5)) expect(page).toContain(`href="/movie/${item.id}"`);
    expect(page).toMatch(/<input id="genre-28" [^>]*\bchecked=""/);
    expect(page).not.toMatch(/<input id="genre-12" [^>]*\bchecked=""/);
    expect(page).toMatch(/<option value="rating.desc" selected="">/);
    expect(page).toContain(
      `<link rel="canonical" href="${origin}/movies?genre=28&amp;yearFrom=2000&amp;yearTo=2010&amp;sort=rating.desc" />`,
    );
    // Page links for the next pages are in the HTML too.
    if (expected.meta.totalPages > 1)
      expect(page).toContain(`href="/movies?${query.replace(/&/g, '&amp;')}&amp;page=2"`);
  });

  it('shows an empty state, not an error, when nothing matches', async () => {
    const page = await html('/movies?yearFrom=2099&yearTo=2100');
    expect(page).toContain('No movies match these filters');
  });

  it('gives a movie page its title, description, Open Graph tags and Movie JSON-LD', async () => {
    const id = (await json('/api/movies/top-rated', CatalogPage)).items[0]!.id;
    const movie = await json(`/api/movies/${id}`, MovieDetail);
    const page = await html(`/movie/${id}`);
    expect(page).toContain(`<title>${escapeHtml(`${movie.title} (${movie.year})`)} · CineHub Pro</title>`);
    expect(page).toMatch(/<meta name="description" content="[^"]{40,}" \/>/);
    expect(page).toContain(`<meta property="og:type" content="video.movie" />`);
    expect(page).toContain(`<meta property="og:url" content="${origin}/movie/${id}" />`);
    expect(page).toMatch(new RegExp(`<meta property="og:image" content="${origin.replace(/[.:/]/g, '\\$&')}/img/`));
    expect(page).toContain('<meta name="twitter:card" content="summary_large_image" />');
    const ld = jsonLdOf(page);
    expect(ld).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'Movie',
      name: movie.title,
      url: `${origin}/movie/${id}`,
    });
    const castMember = movie.credits.cast[0];
    if (castMember) expect(page).toContain(`href="/person/${castMember.id}"`);
  });

  it('gives a TV page its seasons and TVSeries JSON-LD, and a season page its episodes', async () => {
    const id = (await json('/api/tv/popular', CatalogPage)).items[0]!.id;
    const show = await json(`/api/tv/${id}`, TvDetail);
    const page = await html(`/tv/${id}`);
    expect(jsonLdOf(page)).toMatchObject({ '@type': 'TVSeries', name: show.title });
    const season = show.seasons.find((s) => s.seasonNumber > 0)!;
    expect(page).toContain(`href="/tv/${id}/season/${season.seasonNumber}"`);
    const seasonPage = await html(`/tv/${id}/season/${season.seasonNumber}`);
    expect(seasonPage).toContain(`<title>${escapeHtml(`${show.title}: ${season.name}`)} · CineHub Pro</title>`);
    expect(seasonPage).toContain('aria-label="Episodes"');
  });

  it('gives a person page their credits, linking back to the titles, and Person JSON-LD', async () => {
    const movie = await json(
      `/api/movies/${(await json('/api/movies/popular', CatalogPage)).items[0]!.id}`,
      MovieDetail,
    );
    const personId = movie.credits.cast[0]!.id;
    const person = await json(`/api/people/${personId}`, PersonDetail);
    const page = await html(`/person/${personId}`);
    expect(jsonLdOf(page)).toMatchObject({ '@type': 'Person', name: person.name, url: `${origin}/person/${personId}` });
    expect(page).toContain(`href="/movie/${movie.id}"`);
  });

  it('renders search results for the URL, with the type tabs', async () => {
    const results = await json('/api/search?q=star&type=movie&limit=20', CatalogPage);
    const page = await html('/search?q=star&type=movie');
    expect(page).toContain(`href="/movie/${results.items[0]!.id}"`);
    expect(page).toMatch(
      /<a[^>]*href="\/search\?q=star&amp;type=movie"[^>]*aria-current="page"|<a[^>]*aria-current="page"[^>]*href="\/search\?q=star&amp;type=movie"/,
    );
    expect(page).toContain('<title>Results for “star” · CineHub Pro</title>');
  });

  it("keeps a page whole when its text holds replacement patterns ($' $` $& $$)", async () => {
    const q = "it's $' $` $& $$ end";
    const page = await html(`/search?q=${encodeURIComponent(q)}`);
    const state = /<script id="__STATE__"[^>]*>([\s\S]*?)<\/script>/.exec(page)?.[1];
    expect(state).toBeDefined();
    expect(() => JSON.parse(state!) as unknown).not.toThrow();
    expect(JSON.stringify(JSON.parse(state!))).toContain(JSON.stringify(q).slice(1, -1));
    expect(page.match(/<\/html>/g)).toHaveLength(1);
    expect(page.match(/<!doctype html>/gi)).toHaveLength(1);
  });

  it("hints each page's own chunk to the browser, with the response's nonce", async () => {
    const hinted = async (path: string, status = 200) => {
      const res = await app.get(path);
      expect(res.status, path).toBe(status);
      const nonce = /'nonce-([^']+)'/.exec(res.headers.get('content-security-policy') ?? '')?.[1];
      const links = [...(await res.text()).matchAll(/<link rel="modulepreload"([^>]*)>/g)].map((m) => m[1]!);
      for (const attrs of links) expect(attrs).toContain(`nonce="${nonce}"`);
      return links.map((attrs) => /href="([^"]+)"/.exec(attrs)![1]!);
    };
    const home = await hinted('/');
    const movie = await hinted('/movie/27205');
    const missing = await hinted('/no-such-page', 404);
    const pageChunk = (hrefs: string[], name: string) =>
      hrefs.filter((h) => new RegExp(`^/assets/${name}-[\\w-]+\\.js$`).test(h));
    expect(pageChunk(home, 'home')).toHaveLength(1);
    expect(pageChunk(movie, 'movie-detail')).toHaveLength(1);
    expect(pageChunk(movie, 'home')).toEqual([]);
    // Only the entry's own hints where no page module is loaded; each file hinted once.
    expect(missing.every((h) => home.includes(h))).toBe(true);
    expect(home.length).toBeGreaterThan(missing.length);
    for (const hrefs of [home, movie]) expect(new Set(hrefs).size).toBe(hrefs.length);
    for (const href of new Set([...home, ...movie])) {
      const res = await app.get(href);
      expect(res.status, href).toBe(200);
      expect(res.headers.get('content-type'), href).toMatch(/javascript/);
    }
  });

  it('sends no style attributes in any page (the CSP would block them)', async () => {
    const id = (await json('/api/movies/popular', CatalogPage)).items[0]!.id;
    for (const path of ['/', '/movies', '/tv', `/movie/${id}`, '/search?q=star', '/search']) {
      expect(await html(path), path).not.toMatch(/<[^>]+\sstyle=/);
    }
  });
});
