import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, signUpWithCookie, type CookieUser, type TestUser } from '../helpers/factories.ts';
import { JOURNEY, launchBrowser, openPage } from '../helpers/browser.ts';
import { startTestApp, type TestApp } from '../helpers/test-app.ts';

let app: TestApp;
let browser: Browser;
let chief: TestUser;
let admin: CookieUser;
let member: CookieUser;
beforeAll(async () => {
  [app, browser] = await Promise.all([startTestApp(), launchBrowser()]);
  chief = await createUser(app, { isAdmin: true });
  // Real sign-ups through the auth API, so the browser carries a real session cookie.
  [admin, member] = await Promise.all([signUpWithCookie(app), signUpWithCookie(app)]);
  expect((await chief.send('PATCH', `/api/admin/users/${admin.user.id}`, { isAdmin: true })).status).toBe(200);
  // A promotion ends the user's browser sessions: the new admin signs in again.
  const again = await admin.send('POST', '/api/auth/signin', { email: admin.email, password: admin.password });
  expect(again.status).toBe(200);
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

async function signedIn(context: BrowserContext, who: CookieUser) {
  const sid = who.jar.get('cinehub.sid');
  expect(sid).toBeTruthy();
  await context.addCookies([{ name: 'cinehub.sid', value: sid!, url: app.url }]);
}

describe('/admin gate', JOURNEY, () => {
  it('answers anonymous visitors 401 with a sign-in prompt, and non-admins 403', async () => {
    const anon = await openPage(browser);
    const res = await anon.page.goto(`${app.url}/admin/users`, { waitUntil: 'networkidle' });
    expect(res?.status()).toBe(401);
    await anon.page.getByRole('heading', { name: 'Sign in to continue' }).waitFor();
    expect(await anon.page.getByRole('link', { name: 'Sign in' }).last().getAttribute('href')).toBe(
      '/sign-in?returnTo=%2Fadmin%2Fusers',
    );
    expect(await anon.page.content()).not.toContain('Audit log');

    const user = await openPage(browser);
    await signedIn(user.context, member);
    const res2 = await user.page.goto(`${app.url}/admin`, { waitUntil: 'networkidle' });
    expect(res2?.status()).toBe(403);
    await user.page.getByRole('heading', { name: 'Admins only' }).waitFor();
    expect([...anon.problems, ...user.problems].filter((p) => !/40[13]/.test(p))).toEqual([]);
    await Promise.all([anon.context.close(), user.context.close()]);
  });
});

describe('admin pages in Chromium', JOURNEY, () => {
  it('every section renders on the server and hydrates cleanly; navigation stays client-side', async () => {
    const { page, context, problems } = await openPage(browser);
    await signedIn(context, admin);
    const res = await page.goto(`${app.url}/admin`, { waitUntil: 'networkidle' });
    expect(res?.status()).toBe(200);
    await expect(page.title()).resolves.toContain('Overview · Admin');
    await page.getByRole('img', { name: /^Requests: \d+ in the last 24 hours/ }).waitFor();
    await page.evaluate(() => ((window as unknown as { __marker: number }).__marker = 1));
    const nav = page.getByRole('navigation', { name: 'Admin sections' });
    for (const [link, heading] of [
      ['Users', 'Users'],
      ['Moderation', 'Moderation'],
      ['Cache', 'Cache'],
      ['Jobs', 'Jobs'],
      ['Outbox', 'Outbox'],
      ['Audit log', 'Audit log'],
    ] as const) {
      await nav.getByRole('link', { name: link, exact: true }).click();
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      expect(await nav.getByRole('link', { name: link, exact: true }).getAttribute('aria-current')).toBe('page');
    }
    expect(await page.evaluate(() => (window as unknown as { __marker?: number }).__marker)).toBe(1);
    expect(problems).toEqual([]);
    await context.close();

    // Each section's server render has its data already (no loading state in the HTML).
    for (const [path, text] of [
      ['/admin/users?q=' + admin.username, admin.email],
      ['/admin/moderation?status=hidden', 'No hidden reviews'],
      ['/admin/moderation/titles', 'custom titles'],
      ['/admin/cache', 'By type and category'],
      ['/admin/jobs?state=failed', 'Live job progress'],
      ['/admin/outbox', 'Outbox'],
      ['/admin/audit', 'entries'],
    ] as const) {
      const html = await admin.get(path);
      expect(html.status, path).toBe(200);
      expect(await html.text(), path).toContain(text);
    }
  });

  it('finds a user by search and promotes them from the users page', async () => {
    const target = await createUser(app, { username: 'promote_me_please' });
    const { page, context, problems } = await openPage(browser);
    await signedIn(context, admin);
    await page.goto(`${app.url}/admin/users`, { waitUntil: 'networkidle' });
    await page.getByRole('searchbox', { name: 'Search users' }).fill('promote_me');
    await page.keyboard.press('Enter');
    await page.waitForURL('**/admin/users?q=promote_me');
    await page.getByText('1 users').waitFor();
    await page.getByRole('button', { name: 'Make admin promote_me_please' }).click();
    await page.getByRole('button', { name: 'Remove admin from promote_me_please' }).waitFor();
    expect((await target.get('/api/admin/access')).status).toBe(200);
    // An admin's own row offers no way to lock themself out.
    await page.getByRole('searchbox', { name: 'Search users' }).fill(admin.username);
    await page.keyboard.press('Enter');
    await page.getByText('This is you').waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('moderation in Chromium', JOURNEY, () => {
  it('an admin hides a reported review and it disappears from the title page', async () => {
    const author = await createUser(app);
    const reporter = await createUser(app);
    const list = (await (await app.get('/api/movies/popular?limit=1')).json()) as { items: { id: number }[] };
    const movieId = list.items[0]!.id;
    const content = 'This review gives the whole twist away in the first line.';
    const created = await author.send('POST', '/api/reviews', {
      mediaType: 'movie',
      mediaId: movieId,
      rating: 4,
      content,
    });
    expect(created.status).toBe(201);
    const reviewId = ((await created.json()) as { id: string }).id;
    expect((await reporter.send('POST', `/api/reviews/${reviewId}/report`, { reason: 'Spoilers' })).status).toBe(202);

    // An anonymous visitor sees it (and the server keeps that page rendered for a while).
    const visitor = await openPage(browser);
    await visitor.page.goto(`${app.url}/movie/${movieId}`, { waitUntil: 'networkidle' });
    await visitor.page.getByText(content).waitFor();

    const { page, context, problems } = await openPage(browser);
    await signedIn(context, admin);
    const res = await page.goto(`${app.url}/admin/moderation`, { waitUntil: 'networkidle' });
    expect(res?.status()).toBe(200);
    const queue = page.getByRole('list', { name: 'reported reviews' });
    await queue.getByText(content).waitFor();
    await queue.getByText(/Reported 1 time/).waitFor();
    await page.getByRole('button', { name: `Hide review by ${author.username}` }).click();
    await queue.getByText(content).waitFor({ state: 'detached' });

    // The admin's own title page and a fresh anonymous one no longer show it.
    await page.goto(`${app.url}/movie/${movieId}`, { waitUntil: 'networkidle' });
    await page.getByRole('heading', { name: 'Reviews' }).waitFor();
    expect(await page.getByText(content).count()).toBe(0);
    const fresh = await openPage(browser);
    const html = await (await fresh.page.goto(`${app.url}/movie/${movieId}`, { waitUntil: 'networkidle' }))!.text();
    expect(html).not.toContain('whole twist away');

    // It is in the hidden list, and the audit log says who hid it.
    await page.goto(`${app.url}/admin/audit?q=${reviewId}`, { waitUntil: 'networkidle' });
    await page.getByRole('cell', { name: 'review.hide' }).waitFor();
    await page.getByRole('cell', { name: `@${admin.username}` }).waitFor();

    expect([...problems, ...visitor.problems, ...fresh.problems]).toEqual([]);
    await Promise.all([context.close(), visitor.context.close(), fresh.context.close()]);
  });
});

describe('live job progress in Chromium', JOURNEY, () => {
  it("an image job's progress updates on /admin without a reload", async () => {
    const { page, context, problems } = await openPage(browser);
    await signedIn(context, admin);
    await page.goto(`${app.url}/admin`, { waitUntil: 'networkidle' });
    await page.getByRole('heading', { name: 'Overview' }).waitFor();
    // Real image jobs (posters of lists fetched earlier) may report too; ours is found by its id.
    await page.getByRole('status').filter({ hasText: 'Live updates on' }).waitFor();
    await page.evaluate(() => ((window as unknown as { __marker: number }).__marker = 1));

    const jobId = '7f3c2a10-0000-4000-8000-000000000001';
    const publish = (done: number, status: string) =>
      app.server.runtime.events.publish({
        type: 'JOB_PROGRESS',
        payload: { jobId, kind: 'image-precache', done, total: 10, status },
      });
    await publish(3, 'active');
    const bar = page.getByRole('progressbar', { name: /image-precache job 7f3c2a10 progress/ });
    await bar.waitFor();
    const row = page.getByRole('listitem').filter({ has: bar });
    await row.getByText('3 / 10 · active').waitFor();
    expect(await bar.getAttribute('value')).toBe('3');
    await publish(10, 'completed');
    await row.getByText('10 / 10 · completed').waitFor();
    expect(await bar.getAttribute('value')).toBe('10');

    // Same document all along: no reload happened.
    expect(await page.evaluate(() => (window as unknown as { __marker?: number }).__marker)).toBe(1);
    expect(problems).toEqual([]);
    await context.close();
  });
});
