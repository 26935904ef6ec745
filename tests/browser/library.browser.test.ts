import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CatalogPage, type CatalogItem } from '#shared/contracts/catalog';
import { CustomTitlePage, FavoritePage, ReviewPage, WatchlistDetail, WatchlistPage } from '#shared/contracts/library';
import { JOURNEY, launchBrowser, openPage, type WatchedPage } from '../helpers/browser.ts';
import { signUpWithCookie, type CookieUser } from '../helpers/factories.ts';
import { json, pickTitles } from '../helpers/library.ts';
import { startTestApp, type TestApp } from '../helpers/test-app.ts';

let app: TestApp;
let browser: Browser;
let movies: CatalogItem[];
beforeAll(async () => {
  [app, browser] = await Promise.all([startTestApp(), launchBrowser()]);
  movies = await pickTitles(app, 'movie', 6);
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// Evaluated through DevTools, so the page's CSP (rightly) does not block it.
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
/** axe-core's serious and critical violations on the current page. */
async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    type Result = { violations: { id: string; impact: string | null; nodes: { target: unknown }[] }[] };
    const axe = (window as unknown as { axe: { run: (ctx: Document) => Promise<Result> } }).axe;
    const result = await axe.run(document);
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.impact} ${v.id}: ${JSON.stringify(v.nodes.slice(0, 3).map((n) => n.target))}`);
  });
}

/** A user signed up through the API, and a Chromium page carrying that session cookie. */
async function signedIn(): Promise<WatchedPage & { user: CookieUser }> {
  const user = await signUpWithCookie(app);
  const watched = await openPage(browser);
  const value = user.jar.get('cinehub.sid');
  if (!value) throw new Error('sign-up gave no session cookie');
  await watched.context.addCookies([{ name: 'cinehub.sid', value, url: app.url }]);
  return { ...watched, user };
}

const visit = async (page: Page, path: string) => {
  const res = await page.goto(`${app.url}${path}`, { waitUntil: 'networkidle' });
  expect(res?.status(), path).toBe(200);
  return res!;
};

describe('the library in Chromium', JOURNEY, () => {
  it('favorites a movie from its poster at once, and puts the heart back when the server refuses', async () => {
    const { page, problems, user } = await signedIn();
    const trending = CatalogPage.parse(await json(await app.get('/api/movies/trending?window=week'), 200)).items;
    const [first, second] = trending as [CatalogItem, CatalogItem];
    await visit(page, '/');
    const row = page.getByRole('list', { name: 'Trending movies' });
    const added = page.waitForResponse((r) => r.url().endsWith('/api/favorites') && r.request().method() === 'POST');
    await row.getByRole('button', { name: `Add ${first.title} to favorites` }).click();
    // The heart fills at once (optimistic); the server's answer comes after.
    await row.getByRole('button', { name: `Remove ${first.title} from favorites` }).waitFor();
    expect((await added).status()).toBe(201);
    const saved = FavoritePage.parse(await json(await user.get('/api/favorites'), 200));
    expect(saved.items.map((f) => f.mediaId)).toEqual([first.id]);

    // Still a favorite after a reload (the hearts read the server's state).
    await visit(page, '/');
    await row.getByRole('button', { name: `Remove ${first.title} from favorites` }).waitFor();

    // The server fails: the heart fills at once, then goes back, and says so.
    let release: () => void = () => {};
    const held = new Promise<void>((r) => (release = r));
    await page.route('**/api/favorites', async (route) => {
      await held;
      await route.fulfill({
        status: 503,
        contentType: 'application/json',
        body: JSON.stringify({ error: { code: 'UPSTREAM_UNAVAILABLE', message: 'Database is unavailable' } }),
      });
    });
    await row.getByRole('button', { name: `Add ${second.title} to favorites` }).click();
    // The heart fills at once (optimistic), while the server has not answered yet.
    await row.locator(`button[aria-label="Remove ${second.title} from favorites"]`).waitFor();
    release();
    await row.getByRole('button', { name: `Add ${second.title} to favorites` }).waitFor();
    await page
      .getByRole('alert')
      .filter({ hasText: 'Could not update your favorites' })
      .first()
      .waitFor({ state: 'attached' });
    await page.unroute('**/api/favorites');
    expect(FavoritePage.parse(await json(await user.get('/api/favorites'), 200)).meta.total).toBe(1);
    expect(problems.filter((p) => !p.includes('status of 503'))).toEqual([]);
  });

  it('builds a watchlist, reorders it by keyboard, shares it and opens the share page signed out', async () => {
    const { page, problems, user } = await signedIn();
    const picks = movies.slice(0, 3);
    await visit(page, '/watchlists');
    await page.getByLabel('Name').fill('Weekend picks');
    await page.getByRole('button', { name: 'Create watchlist' }).click();
    await page.getByRole('link', { name: 'Weekend picks' }).waitFor();

    for (const m of picks) {
      await visit(page, `/movie/${m.id}`);
      await page.getByRole('button', { name: 'Add to watchlist' }).click();
      const dialog = page.getByRole('dialog', { name: `Add ${m.title} to a watchlist` });
      await dialog.getByRole('button', { name: /^Add to Weekend picks/ }).click();
      await dialog.getByRole('status').filter({ hasText: 'Added to Weekend picks.' }).waitFor();
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden' });
    }

    const [list] = WatchlistPage.parse(await json(await user.get('/api/watchlists'), 200)).items;
    await visit(page, '/watchlists');
    await page.getByRole('link', { name: 'Weekend picks' }).click();
    await page.waitForURL(`**/watchlists/${list!.id}`);
    const titles = page.getByRole('list', { name: 'Titles on Weekend picks' }).getByRole('listitem');
    const order = async () => (await titles.getByRole('link').allTextContents()).map((t) => t.trim());
    await expect.poll(order).toEqual(picks.map((m) => m.title));

    // Keyboard: focus the first title's "move down" and press Enter twice; focus stays on it.
    const down = page.getByRole('button', { name: `Move ${picks[0]!.title} down` });
    await down.focus();
    await page.keyboard.press('Enter');
    await expect.poll(order).toEqual([picks[1]!.title, picks[0]!.title, picks[2]!.title]);
    await expect.poll(() => down.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(order).toEqual([picks[1]!.title, picks[2]!.title, picks[0]!.title]);
    await page
      .getByRole('status')
      .filter({ hasText: `${picks[0]!.title} moved to position 3.` })
      .waitFor({ state: 'attached' });
    const saved = WatchlistDetail.parse(await json(await user.get(`/api/watchlists/${list!.id}`), 200));
    expect(saved.items.map((i) => i.mediaId)).toEqual([picks[1]!.id, picks[2]!.id, picks[0]!.id]);

    // The mouse: drag the last title onto the first.
    await titles.last().dragTo(titles.first());
    await expect.poll(order).toEqual([picks[0]!.title, picks[1]!.title, picks[2]!.title]);
    await expect
      .poll(async () =>
        WatchlistDetail.parse(await json(await user.get(`/api/watchlists/${list!.id}`), 200)).items.map(
          (i) => i.mediaId,
        ),
      )
      .toEqual(picks.map((m) => m.id));
    expect(await axeViolations(page)).toEqual([]);

    // Share: make it public, take the link.
    await page.getByRole('button', { name: 'Edit list' }).click();
    await page.getByLabel('Public: anyone with the link can see it').check();
    await page.getByRole('button', { name: 'Save changes' }).click();
    const link = page.getByLabel('Share link');
    await link.waitFor();
    const url = await link.inputValue();
    expect(url).toBe(`${app.url}/watchlists/${list!.id}`);
    expect(problems, problems.join('\n')).toEqual([]);

    const stranger = await openPage(browser);
    const res = await stranger.page.goto(url, { waitUntil: 'networkidle' });
    expect(res?.status()).toBe(200);
    const html = await res!.text();
    expect(html).toContain('<meta property="og:title" content="Weekend picks · a watchlist by');
    expect(html).toContain(`<meta property="og:url" content="`);
    await stranger.page.getByRole('heading', { level: 1, name: 'Weekend picks' }).waitFor();
    const shared = stranger.page.getByRole('list', { name: 'Titles on Weekend picks' }).getByRole('link');
    expect((await shared.allTextContents()).map((t) => t.trim())).toEqual(picks.map((m) => m.title));
    expect(await stranger.page.getByRole('button', { name: /Edit list|Move .* down|Delete list/ }).count()).toBe(0);
    expect(await axeViolations(stranger.page)).toEqual([]);
    expect(stranger.problems).toEqual([]);
  });

  it('writes and edits a review on a title page', async () => {
    const { page, problems, user } = await signedIn();
    const movie = movies[3]!;
    await visit(page, `/movie/${movie.id}`);
    const section = page.getByRole('region', { name: 'Reviews' });
    await section.getByLabel('Rating (out of 10)').selectOption('8.5');
    await section.getByLabel('Your review').fill('Sharp, funny and too short.');
    await section.getByRole('button', { name: 'Post review' }).click();
    const mine = section.getByRole('article', { name: `Review by ${user.user.displayName ?? user.username}` });
    await mine.getByText('Sharp, funny and too short.').waitFor();
    await section.getByTestId('our-average').filter({ hasText: '8.5' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await expect(section.getByRole('button', { name: 'Post review' }).count()).resolves.toBe(0);

    await mine.getByRole('button', { name: 'Edit' }).click();
    await mine.getByLabel('Rating (out of 10)').selectOption('9');
    await mine.getByLabel('Your review').fill('Sharp, funny, and just long enough.');
    await mine.getByRole('button', { name: 'Save review' }).click();
    await mine.getByText('Sharp, funny, and just long enough.').waitFor();
    await section.getByTestId('our-average').filter({ hasText: '9.0' }).waitFor();
    const reviews = ReviewPage.parse(
      await json(await app.get(`/api/reviews?mediaType=movie&mediaId=${movie.id}`), 200),
    );
    expect(reviews.items.map((r) => [r.rating, r.content])).toEqual([[9, 'Sharp, funny, and just long enough.']]);
    expect(problems).toEqual([]);
  });

  it('adds a custom title through the form and finds it by search', async () => {
    const { page, problems, user } = await signedIn();
    await visit(page, '/custom/new');
    await page.getByLabel('Title').fill('Backyard Odyssey Zeta');
    await page.getByLabel('Year (optional)').fill('abcd');
    await page.getByLabel('Poster image URL (optional)').fill('javascript:alert(1)');
    await page.getByRole('button', { name: 'Add title' }).click();
    await page.getByText('must be a four-digit year (YYYY)').waitFor();
    await expect(page.getByLabel('Year (optional)').getAttribute('aria-invalid')).resolves.toBe('true');
    expect(await axeViolations(page)).toEqual([]);
    await expect(page.getByLabel('Poster image URL (optional)').getAttribute('aria-invalid')).resolves.toBe('true');
    expect(CustomTitlePage.parse(await json(await user.get('/api/custom-titles?owner=me'), 200)).meta.total).toBe(0);

    await page.getByLabel('Year (optional)').fill('2021');
    await page.getByLabel('Poster image URL (optional)').fill('');
    await page.getByRole('button', { name: 'Add title' }).click();
    await page.waitForURL(/\/custom\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { level: 1, name: /Backyard Odyssey Zeta/ }).waitFor();
    const customUrl = page.url();

    const search = page.getByRole('combobox', { name: 'Search movies, TV shows and people' });
    await search.fill('backyard odyssey');
    await search.press('Enter');
    await page.waitForURL(/\/search\?/);
    const result = page.getByRole('link', { name: new RegExp(`^${escapeRe('Backyard Odyssey Zeta')}`) }).first();
    await result.waitFor();
    await result.click();
    await page.waitForURL(customUrl);
    await page.getByRole('heading', { level: 1, name: /Backyard Odyssey Zeta/ }).waitFor();
    expect(problems).toEqual([]);
  });

  it('shows the dashboard with the library, imports a CSV from it and links the exports', async () => {
    const { page, problems, user } = await signedIn();
    const movie = movies[4]!;
    await json(await user.send('POST', '/api/watchlists', { name: 'From Letterboxd' }), 201);
    await json(await user.send('POST', '/api/favorites', { mediaType: 'movie', mediaId: movies[5]!.id }), 201);
    await visit(page, '/me');
    await page
      .getByRole('list', { name: 'Your favorites' })
      .getByRole('link', { name: new RegExp(`^${escapeRe(movies[5]!.title)}`) })
      .waitFor();
    await expect(page.getByRole('link', { name: 'Export (CSV)' }).getAttribute('href')).resolves.toBe(
      '/api/library/export?format=csv',
    );
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Import CSV' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import from Letterboxd or IMDb' });
    await dialog
      .getByLabel('…or paste it')
      .fill(
        `Date,Name,Year,Letterboxd URI\n2024-01-01,"${movie.title.replace(/"/g, '""')}",${movie.year},\n2024-01-02,Qwzx Flurbendorf,1999,\n`,
      );
    await dialog.getByRole('button', { name: 'Import' }).click();
    await dialog.getByRole('status').filter({ hasText: '1 matched, 1 not found.' }).waitFor();
    await dialog.getByRole('list', { name: 'Not found' }).getByText('Row 3: Qwzx Flurbendorf (1999)').waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('link', { name: 'From Letterboxd' }).click();
    await page
      .getByRole('list', { name: 'Titles on From Letterboxd' })
      .getByRole('link', { name: movie.title })
      .waitFor();
    expect(problems).toEqual([]);
  });
});
