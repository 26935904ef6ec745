import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CatalogPage } from '#shared/contracts/catalog';
import { JOURNEY, launchBrowser, openPage, waitForHydration } from '../helpers/browser.ts';
import { startTestApp, type TestApp } from '../helpers/test-app.ts';

// `npm run dev`: the same server with Vite in middleware mode (sources compiled as they are asked
// for, hot reload over the app's own HTTP server), under the same strict CSP as production.
let app: TestApp;
let browser: Browser;
beforeAll(async () => {
  [app, browser] = await Promise.all([startTestApp({ env: { CINEHUB_DEV_SERVER: '1' } }), launchBrowser()]);
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('the development server in Chromium', JOURNEY, () => {
  it('renders from the sources, hydrates without a console problem, navigates and keeps a hot-reload socket', async () => {
    const trending = CatalogPage.parse(await (await app.get('/api/movies/trending')).json());
    const first = trending.items[0]!;
    const { page, problems } = await openPage(browser);
    const sockets: string[] = [];
    page.on('websocket', (ws) => sockets.push(new URL(ws.url()).pathname + new URL(ws.url()).search));

    // The first visit may find dependencies Vite has not pre-bundled yet and reload once.
    await page.goto(app.url, { waitUntil: 'networkidle' });
    const res = await page.goto(app.url, { waitUntil: 'networkidle' });
    expect(res?.status()).toBe(200);
    const html = await res!.text();
    expect(html).toContain('/@vite/client');
    expect(html).toContain(first.title.replace(/&/g, '&amp;'));
    await waitForHydration(page);

    const card = page.getByRole('link', { name: new RegExp(`^${escapeRe(first.title)}`) }).first();
    await card.click();
    await page.waitForURL(`**/movie/${first.id}`);
    await page.getByRole('heading', { level: 1, name: new RegExp(escapeRe(first.title)) }).waitFor();

    // Vite's client holds its hot-reload socket on the app's own port, beside the app's /ws.
    await expect.poll(() => sockets.some((s) => s.includes('token='))).toBe(true);
    expect(problems).toEqual([]);
  });
});

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
