import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CatalogPage, MovieDetail, PersonDetail, TvDetail } from '#shared/contracts/catalog';
import { JOURNEY, launchBrowser, openPage } from '../helpers/browser.ts';
import { startTestApp, type TestApp } from '../helpers/test-app.ts';

// page.addScriptTag would insert axe as an inline <script>, which the app's CSP rightly refuses;
// evaluating the same file through the DevTools protocol is not subject to the page's CSP.
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let app: TestApp;
let browser: Browser;
beforeAll(async () => {
  [app, browser] = await Promise.all([startTestApp(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

const api = async (path: string) => {
  const res = await app.get(path);
  expect(res.status, path).toBe(200);
  return res.json() as Promise<unknown>;
};
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Loads a page and waits until React has hydrated it: hydration is time-sliced, and a click that
 * lands before it reaches the link is an ordinary (full) page load. React tags each hydrated node;
 * the page's <main> is among the last, then one frame for the commit.
 */
async function visit(page: Page, path: string) {
  const res = await page.goto(`${app.url}${path}`, { waitUntil: 'networkidle' });
  expect(res?.status(), path).toBe(200);
  await hydrated(page);
}

async function hydrated(page: Page) {
  await page.waitForFunction(() => {
    const main = document.getElementById('main');
    return main !== null && Object.keys(main).some((k) => k.startsWith('__reactProps'));
  });
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

/** A marker that survives client-side navigation and vanishes on a full page load. */
const mark = (page: Page) => page.evaluate(() => ((window as unknown as { __spa: number }).__spa = 1));
const stillMarked = (page: Page) => page.evaluate(() => (window as unknown as { __spa?: number }).__spa === 1);

/** axe-core's serious and critical violations on the current page. */
async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            ctx: Document,
          ) => Promise<{ violations: { id: string; impact: string | null; nodes: { target: unknown }[] }[] }>;
        };
      }
    ).axe;
    const result = await axe.run(document);
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.impact} ${v.id}: ${JSON.stringify(v.nodes.slice(0, 3).map((n) => n.target))}`);
  });
  return violations;
}

describe('discovery in Chromium', JOURNEY, () => {
  it('goes home → a movie → a cast member → another title, all client-side', async () => {
    const trending = CatalogPage.parse(await api('/api/movies/trending?window=week'));
    // A trending movie with someone in its cast who has been in something else too.
    let movie: MovieDetail | undefined;
    let actor: { id: number; name: string } | undefined;
    let otherTitle: { href: string; title: string } | undefined;
    search: for (const item of trending.items.slice(0, 10)) {
      const detail = MovieDetail.parse(await api(`/api/movies/${item.id}`));
      for (const member of detail.credits.cast.slice(0, 6)) {
        const person = PersonDetail.parse(await api(`/api/people/${member.id}`));
        const credit = [...person.credits.cast, ...person.credits.crew].find(
          (c) => !(c.mediaType === 'movie' && c.id === item.id),
        );
        if (credit) {
          [movie, actor, otherTitle] = [
            detail,
            member,
            { href: `/${credit.mediaType}/${credit.id}`, title: credit.title },
          ];
          break search;
        }
      }
    }
    if (!movie || !actor || !otherTitle) throw new Error('no trending movie has a cast member with other credits');
    const { page, problems } = await openPage(browser);

    await visit(page, '/');
    expect(await axeViolations(page)).toEqual([]);
    for (const row of ['Trending movies', 'Popular movies', 'Top rated movies', 'Coming soon', 'Trending on TV']) {
      await expect(page.getByRole('list', { name: row }).getByRole('link').count(), row).resolves.toBeGreaterThan(0);
    }
    await mark(page);

    await page
      .getByRole('list', { name: 'Trending movies' })
      .getByRole('link', { name: new RegExp(`^${escapeRe(movie.title)},`) })
      .click();
    await page.waitForURL(`**/movie/${movie.id}`);
    await page.getByRole('heading', { level: 1, name: new RegExp(escapeRe(movie.title)) }).waitFor();
    // The title follows in an effect after the page renders.
    await expect.poll(() => page.title()).toContain(movie.title);
    // The offline catalog has no videos, and a movie without any shows no trailer button.
    await expect(page.getByRole('button', { name: 'Play trailer' }).count()).resolves.toBe(0);
    expect(await axeViolations(page)).toEqual([]);

    await page
      .getByRole('list', { name: 'Top cast' })
      .getByRole('link', { name: new RegExp(`^${escapeRe(actor.name)}\\b`) })
      .first()
      .click();
    await page.waitForURL(`**/person/${actor.id}`);
    await page.getByRole('heading', { level: 1, name: actor.name }).waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('main').locator(`a[href="${otherTitle.href}"]`).first().click();
    await page.waitForURL(`**${otherTitle.href}`);
    await page.getByRole('heading', { level: 1, name: new RegExp(escapeRe(otherTitle.title)) }).waitFor();
    expect(await stillMarked(page)).toBe(true);
    expect(problems).toEqual([]);
  });

  it('keeps browse filters in the URL: set by keyboard, reloaded, paged, undone with Back', async () => {
    const { page, problems } = await openPage(browser);
    await visit(page, '/movies');
    expect(await axeViolations(page)).toEqual([]);

    const action = page.getByRole('checkbox', { name: 'Action' });
    await action.focus();
    await page.keyboard.press('Space');
    await page.waitForURL(/\/movies\?genre=28$/);
    await page.getByLabel('Sort by').selectOption('rating.desc');
    await page.waitForURL(/sort=rating\.desc/);
    await page.getByLabel('From year').fill('1990');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/movies\?genre=28&yearFrom=1990&sort=rating\.desc$/);

    const expected = CatalogPage.parse(
      await api('/api/movies/discover?genre=28&yearFrom=1990&sort=rating.desc&limit=20'),
    );
    const results = page.getByRole('list', { name: 'Movies' }).getByRole('link');
    const firstResult = new RegExp(`^${escapeRe(expected.items[0]!.title)}`);
    await expect.poll(() => results.first().getAttribute('aria-label')).toMatch(firstResult);

    await page.reload({ waitUntil: 'networkidle' });
    await hydrated(page);
    await expect(page.getByRole('checkbox', { name: 'Action' }).isChecked()).resolves.toBe(true);
    await expect(page.getByLabel('Sort by').inputValue()).resolves.toBe('rating.desc');
    await expect(page.getByLabel('From year').inputValue()).resolves.toBe('1990');
    await expect(results.first().getAttribute('aria-label')).resolves.toMatch(firstResult);

    if (expected.meta.totalPages > 1) {
      const second = CatalogPage.parse(
        await api('/api/movies/discover?genre=28&yearFrom=1990&sort=rating.desc&limit=20&page=2'),
      );
      await page.getByRole('navigation', { name: 'Pagination' }).getByRole('link', { name: 'Page 2' }).click();
      await page.waitForURL(/page=2$/);
      await expect
        .poll(() => results.first().getAttribute('aria-label'))
        .toMatch(new RegExp(`^${escapeRe(second.items[0]!.title)}`));
      await page.goBack();
      await page.waitForURL(/sort=rating\.desc$/);
    }
    // Back undoes one filter at a time, and the form follows the URL.
    await page.goBack();
    await page.waitForURL(/\/movies\?genre=28&sort=rating\.desc$/);
    await expect.poll(() => page.getByLabel('From year').inputValue()).toBe('');

    // Nothing matches: an empty state with a way out.
    await page.getByLabel('From year').fill('2100');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'No movies match these filters' }).waitFor();
    await page.getByRole('link', { name: 'Clear filters' }).click();
    await page.waitForURL(/\/movies\?sort=rating\.desc$/);
    await expect.poll(() => page.getByRole('checkbox', { name: 'Action' }).isChecked()).toBe(false);
    expect(problems).toEqual([]);
  });

  it('searches from the header by keyboard: debounced, arrow keys, Escape, Enter opens the title', async () => {
    const query = 'Inception';
    const suggestions = CatalogPage.parse(await api(`/api/search?q=${query}&type=multi&limit=8`));
    const first = suggestions.items[0]!;
    const { page, problems } = await openPage(browser);
    // The page's clock is ours to move, so "typing fast" does not depend on how busy this
    // machine is: time stands still while keys are pressed and moves only when we say.
    await page.clock.install();
    await visit(page, '/');
    await mark(page);
    const searches: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/api/search')) searches.push(r.url());
    });

    const box = page.getByRole('combobox', { name: 'Search movies, TV shows and people' });
    await box.focus();
    // The page's clock runs on while we ask for its time: the pause is far enough ahead that a
    // slow round trip on a busy machine cannot overtake it (pausing in the past is an error).
    await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 60_000);
    // A pause of 200 ms between keys (under the 300 ms debounce) asks nothing…
    await page.keyboard.type(query.slice(0, 5));
    await page.clock.runFor(200);
    await page.keyboard.type(query.slice(5));
    await page.clock.runFor(200);
    expect(searches).toEqual([]);
    // …until the typing stops; then one search, for the whole word.
    await page.clock.runFor(150);
    await page.clock.resume();
    const listbox = page.getByRole('listbox', { name: 'Search suggestions' });
    const options = listbox.getByRole('option');
    await listbox
      .getByRole('option', { name: new RegExp(`^${escapeRe(first.title)}`) })
      .first()
      .waitFor();
    expect(searches.map((url) => new URL(url).searchParams.get('q'))).toEqual([query]);
    await expect(options.count()).resolves.toBe(Math.min(suggestions.items.length, 8) + 1);

    await page.keyboard.press('ArrowDown');
    const firstOption = options.first();
    await expect(firstOption.getAttribute('aria-selected')).resolves.toBe('true');
    await expect(box.getAttribute('aria-activedescendant')).resolves.toBe(await firstOption.getAttribute('id'));

    await page.keyboard.press('Escape');
    await expect(box.getAttribute('aria-expanded')).resolves.toBe('false');
    await expect(listbox.isHidden()).resolves.toBe(true);
    await expect(box.getAttribute('aria-activedescendant')).resolves.toBeNull();

    await page.keyboard.press('ArrowDown');
    await expect(box.getAttribute('aria-expanded')).resolves.toBe('true');
    await page.keyboard.press('Enter');
    await page.waitForURL(`**/${first.mediaType}/${first.id}`);
    await page.getByRole('heading', { level: 1, name: new RegExp(escapeRe(first.title)) }).waitFor();
    expect(await stillMarked(page)).toBe(true);

    // Enter with nothing highlighted opens the full results page; its tabs filter by type.
    await box.focus();
    await page.keyboard.type('star');
    await page.keyboard.press('Enter');
    await page.waitForURL('**/search?q=star');
    await page.getByRole('heading', { level: 1, name: 'Results for “star”' }).waitFor();
    await page.getByRole('list', { name: 'Search results' }).getByRole('link').first().waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('navigation', { name: 'Result types' }).getByRole('link', { name: 'People' }).click();
    await page.waitForURL('**/search?q=star&type=person');
    await expect(
      page
        .getByRole('navigation', { name: 'Result types' })
        .getByRole('link', { name: 'People' })
        .getAttribute('aria-current'),
    ).resolves.toBe('page');
    expect(problems).toEqual([]);
  });

  it('opens a trailer in a dialog that traps focus, closes on Escape and gives focus back', async () => {
    const id = CatalogPage.parse(await api('/api/movies/top-rated?limit=20')).items[7]!.id as number;
    await seedTrailer(id, { key: 'dQw4w9WgXcQ', name: 'Official Trailer' });
    const { page, problems } = await openPage(browser);
    // The real player is out of reach here; answer for it so the frame loads something.
    await page.route('https://www.youtube-nocookie.com/**', (route) =>
      route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>player</title><p>player</p>' }),
    );
    await visit(page, `/movie/${id}`);

    const button = page.getByRole('button', { name: 'Play trailer' });
    await button.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: /Official Trailer/ });
    await dialog.waitFor();
    await expect(dialog.locator('iframe').getAttribute('src')).resolves.toMatch(
      /^https:\/\/www\.youtube-nocookie\.com\/embed\/dQw4w9WgXcQ\?/,
    );
    const focusInDialog = () => page.evaluate(() => document.activeElement?.closest('[role="dialog"]') !== null);
    await expect.poll(focusInDialog).toBe(true);
    // Focus leaving the (out-of-process) player frame comes back to the page asynchronously, so
    // each step waits for focus to settle rather than sampling it at once.
    for (const key of ['Tab', 'Tab', 'Shift+Tab', 'Shift+Tab', 'Shift+Tab']) {
      await page.keyboard.press(key);
      await expect.poll(focusInDialog, { message: key }).toBe(true);
    }
    await page.getByRole('button', { name: 'Close trailer' }).focus();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Play trailer');

    // And once more with the mouse, through the close button.
    await button.click();
    await dialog.waitFor();
    await page.getByRole('button', { name: 'Close trailer' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(problems).toEqual([]);
  });

  it('walks a TV show to a season with its episodes', async () => {
    const showId = CatalogPage.parse(await api('/api/tv/popular')).items[0]!.id;
    const show = TvDetail.parse(await api(`/api/tv/${showId}`));
    const season = show.seasons.find((s) => s.seasonNumber === 1) ?? show.seasons[0]!;
    const { page, problems } = await openPage(browser);
    await visit(page, `/tv/${showId}`);
    expect(await axeViolations(page)).toEqual([]);
    await page
      .getByRole('link', { name: new RegExp(`^${escapeRe(season.name)}\\b`) })
      .first()
      .click();
    await page.waitForURL(`**/tv/${showId}/season/${season.seasonNumber}`);
    await page.getByRole('heading', { level: 1, name: `${show.title}: ${season.name}` }).waitFor();
    await expect(page.getByRole('list', { name: 'Episodes' }).getByRole('listitem').count()).resolves.toBeGreaterThan(
      0,
    );
    expect(problems).toEqual([]);
  });
});

/**
 * The offline catalog has no videos. This puts the offline TMDB's own answer for the movie, plus
 * one YouTube trailer, into the TMDB cache table with a far expiry, as a fetch from a TMDB that
 * knows a trailer would have; the app then serves it like any cached movie.
 */
async function seedTrailer(id: number, video: { key: string; name: string }) {
  const res = await fetch(
    `${app.offline.baseUrl}/movie/${id}?append_to_response=credits,videos,similar,recommendations`,
  );
  expect(res.status).toBe(200);
  const raw = (await res.json()) as Record<string, unknown>;
  raw.videos = {
    results: [{ id: 'trailer-1', key: video.key, name: video.name, site: 'YouTube', type: 'Trailer', official: true }],
  };
  await app.server.runtime.database.pool.query(
    `INSERT INTO tmdb_cache (cache_key, type, category, tmdb_id, data, expires_at)
     VALUES ($1, 'movie', 'detail', $2, $3, now() + interval '1 year')
     ON CONFLICT (cache_key) DO UPDATE SET data = excluded.data, expires_at = excluded.expires_at`,
    [`movie:${id}`, id, JSON.stringify(raw)],
  );
}
