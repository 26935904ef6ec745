import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CatalogItem } from '#shared/contracts/catalog';
import { ProfileView, ReviewPage, ReviewView, WatchlistDetail, WatchlistSummary } from '#shared/contracts/library';
import { launchBrowser, openPage } from '../helpers/browser.ts';
import { createUser, type TestUser } from '../helpers/factories.ts';
import { json, pickTitles } from '../helpers/library.ts';
import { startTestApp, type TestApp } from '../helpers/test-app.ts';

// Stored XSS (SECURITY.md, Jellyfin's lesson): whatever a user writes comes back as text — in
// JSON, in the server-rendered HTML (body, <head> tags, dehydrated state) and in the live page.

const SCRIPT = '<script>alert("xss-1")</script>';
const IMG = '<img src=x onerror="alert(\'xss-2\')">';
const CLOSE = '</script><script>alert(3)</script>';
const PAYLOAD = `${SCRIPT} ${IMG} ${CLOSE} \u2028 & done`;

let app: TestApp;
let browser: Browser;
let movie: CatalogItem;
let author: TestUser;
let list: WatchlistSummary;
let review: ReviewView;
beforeAll(async () => {
  [app, browser] = await Promise.all([startTestApp(), launchBrowser()]);
  [movie] = (await pickTitles(app, 'movie', 1)) as [CatalogItem];
  author = await createUser(app);
  list = WatchlistSummary.parse(
    await json(
      await author.send('POST', '/api/watchlists', { name: SCRIPT, description: PAYLOAD, isPublic: true }),
      201,
    ),
  );
  await json(
    await author.send('POST', `/api/watchlists/${list.id}/items`, {
      mediaType: 'movie',
      mediaId: movie.id,
      notes: IMG,
    }),
    201,
  );
  review = ReviewView.parse(
    await json(
      await author.send('POST', '/api/reviews', { mediaType: 'movie', mediaId: movie.id, rating: 1, content: PAYLOAD }),
      201,
    ),
  );
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

/** No markup from the payload survives as markup: only its escaped text may appear. */
function expectInert(html: string) {
  for (const live of [
    '<script>alert',
    '<img src=x',
    '<img src="x',
    'onerror="alert',
    "onerror='alert",
    '</script><script>alert(3)',
  ]) {
    expect(html).not.toContain(live);
  }
}

describe('stored XSS in reviews and watchlists', () => {
  it('comes back from the API as the exact text, in JSON', async () => {
    const res = await app.get(`/api/watchlists/${list.id}`);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const read = WatchlistDetail.parse(await json(res, 200));
    expect(read).toMatchObject({
      name: SCRIPT,
      description: PAYLOAD,
      items: [expect.objectContaining({ notes: IMG })],
    });
    const reviews = ReviewPage.parse(
      await json(await app.get(`/api/reviews?mediaType=movie&mediaId=${movie.id}`), 200),
    );
    expect(reviews.items[0]!.content).toBe(PAYLOAD);
  });

  it('is escaped in the server-rendered share page, its <head> and its state', async () => {
    const res = await app.get(`/watchlists/${list.id}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expectInert(html);
    const has = (s: string | RegExp) => (typeof s === 'string' ? html.includes(s) : s.test(html));
    expect(has('<title>&lt;script&gt;alert(&quot;xss-1&quot;)&lt;/script&gt;')).toBe(true);
    expect(has(/<h1[^>]*>&lt;script&gt;alert\(&quot;xss-1&quot;\)&lt;\/script&gt;<\/h1>/)).toBe(true);
    expect(has(/<meta property="og:title" content="&lt;script&gt;/)).toBe(true);
    expect(has('\\u003cscript\\u003ealert')).toBe(true); // the dehydrated state
  });

  it('is escaped in the title page reviews and the profile, rendered on the server', async () => {
    const page = await (await app.get(`/movie/${movie.id}`)).text();
    expectInert(page);
    // Shown as text in the reviews section (React escapes < > " and ').
    expect(page.includes('&lt;img src=x onerror=&quot;alert(&#x27;xss-2&#x27;)&quot;&gt;')).toBe(true);
    const profile = ProfileView.parse(await json(await app.get(`/api/users/${author.username}`), 200));
    expect(profile.reviews[0]!.id).toBe(review.id);
    expectInert(await (await app.get(`/u/${author.username}`)).text());
  });

  it('never runs in Chromium: the share page and the title page show the markup as text', async () => {
    const { page, problems } = await openPage(browser);
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(`${app.url}/watchlists/${list.id}`, { waitUntil: 'networkidle' });
    await page.getByRole('heading', { level: 1, name: SCRIPT }).waitFor();
    expect(await page.getByText(IMG, { exact: true }).count()).toBe(1);
    await page.goto(`${app.url}/movie/${movie.id}`, { waitUntil: 'networkidle' });
    await expect(page.getByTestId('review-content').first().textContent()).resolves.toBe(PAYLOAD);
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(dialogs).toEqual([]);
    expect(problems).toEqual([]);
  });
});
