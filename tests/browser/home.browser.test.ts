import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CatalogPage } from '#shared/contracts/catalog';
import { JOURNEY, launchBrowser, openPage, waitForHydration } from '../helpers/browser.ts';
import { startTestApp, type TestApp } from '../helpers/test-app.ts';

let app: TestApp;
let browser: Browser;
beforeAll(async () => {
  [app, browser] = await Promise.all([startTestApp(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('home page in Chromium', JOURNEY, () => {
  it('renders trending movies on the server, hydrates cleanly and navigates client-side', async () => {
    const trending = CatalogPage.parse(await (await app.get('/api/movies/trending')).json());
    const first = trending.items[0]!;
    const { page, problems } = await openPage(browser);

    // The server's HTML already has the titles (before any JavaScript runs).
    const res = await page.goto(app.url, { waitUntil: 'networkidle' });
    expect(res?.status()).toBe(200);
    const serverHtml = await res!.text();
    expect(serverHtml).toContain(first.title.replace(/&/g, '&amp;'));

    await waitForHydration(page);
    await expect(page.title()).resolves.toBe('CineHub Pro');
    // The home page's own chunk was asked for once, from the server's preload hint: before the
    // entry script had even arrived (the entry alone would ask for it only once it ran).
    const timing = await page.evaluate(() => {
      const all = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
      const entry = all.find((e) => e.initiatorType === 'script' && /\/assets\/index-[\w-]+\.js$/.test(e.name));
      const home = all.filter((e) => /\/assets\/home-[\w-]+\.js$/.test(e.name)).map((e) => e.startTime);
      return { entryArrived: entry?.responseEnd ?? 0, home };
    });
    expect(timing.home).toHaveLength(1);
    expect(timing.home[0]).toBeLessThan(timing.entryArrived);
    const card = page.getByRole('link', { name: new RegExp(`^${escapeRe(first.title)}`) }).first();
    await expect(card.isVisible()).resolves.toBe(true);
    // Posters load from our image route.
    const poster = page.getByRole('img', { name: first.title }).first();
    await expect(poster.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).resolves.toBe(true);

    // A client-side navigation: no full page load, the detail page renders with its title.
    await page.evaluate(() => ((window as unknown as { __marker: number }).__marker = 1));
    await card.click();
    await page.waitForURL(`**/movie/${first.id}`);
    await page.getByRole('heading', { level: 1, name: new RegExp(escapeRe(first.title)) }).waitFor();
    expect(await page.evaluate(() => (window as unknown as { __marker?: number }).__marker)).toBe(1);
    await expect.poll(() => page.title()).toContain(first.title);

    expect(problems).toEqual([]);
  });

  it('answers an unknown page with a real 404', async () => {
    const { page, problems } = await openPage(browser);
    const res = await page.goto(`${app.url}/movie/999999999`, { waitUntil: 'networkidle' });
    expect(res?.status()).toBe(404);
    await page.getByRole('heading', { name: /could not find/i }).waitFor();
    expect(problems.filter((p) => !p.includes('404'))).toEqual([]);
  });
});

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
