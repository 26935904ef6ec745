import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JOURNEY, launchBrowser, openPage } from '../helpers/browser.ts';
import { linkToken, smsCode, waitForMessage } from '../helpers/outbox.ts';
import { startTestApp, type TestApp } from '../helpers/test-app.ts';

// Evaluated through DevTools, so the page's CSP (rightly) does not block it.
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

const refused = (status: number) =>
  `error: Failed to load resource: the server responded with a status of ${status} (${status === 401 ? 'Unauthorized' : 'Conflict'})`;
const account = (page: Page) => page.getByRole('navigation', { name: 'Account' });

/** Fills the sign-up form by keyboard alone: the tab order is the visual order, Enter submits. */
async function signUp(page: Page, who: { email: string; username: string; password: string }) {
  await page.goto(`${app.url}/sign-up`, { waitUntil: 'networkidle' });
  await page.getByLabel('Email').focus();
  await page.keyboard.type(who.email);
  await page.keyboard.press('Tab');
  await page.keyboard.type(who.username);
  await page.keyboard.press('Tab'); // display name (optional)
  await page.keyboard.press('Tab');
  await page.keyboard.type(who.password);
  await page.keyboard.press('Enter');
  await account(page)
    .getByRole('link', { name: `Account: ${who.username}` })
    .waitFor();
}

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

describe('accounts in Chromium', JOURNEY, () => {
  it('signs up, shows the user in the server-rendered header, signs out and signs back in', async () => {
    const { page, problems } = await openPage(browser);
    const who = { email: 'browser.ada@example.test', username: 'browser_ada', password: 'lovelace analytical 1843' };

    // Signed out, the header offers the ways in (from the server's HTML).
    const first = await page.goto(`${app.url}/`, { waitUntil: 'networkidle' });
    expect(await first!.text()).toContain('>Sign in<');

    // Form errors appear inline, tied to their inputs.
    await page.goto(`${app.url}/sign-up`, { waitUntil: 'networkidle' });
    await expect(axeViolations(page)).resolves.toEqual([]);
    // No OAuth provider is configured here, so no provider button either.
    await expect(page.getByRole('link', { name: /google|github/i }).count()).resolves.toBe(0);
    await page.getByRole('button', { name: 'Create account' }).click();
    const email = page.getByLabel('Email');
    // The form validates asynchronously: wait for the verdict, not for the click.
    await expect.poll(() => email.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await email.getAttribute('aria-describedby'))!;
    await expect(page.locator(`#${describedBy}`).textContent()).resolves.toMatch(/valid email/i);

    await signUp(page, who);
    expect(new URL(page.url()).pathname).toBe('/');
    // A fresh load: the server already knows who is signed in (no flash of "Sign in").
    const reloaded = await page.reload({ waitUntil: 'networkidle' });
    const html = await reloaded!.text();
    expect(html).toContain(`Account: ${who.username}`);
    expect(html).not.toContain('>Sign in<');

    await account(page).getByRole('button', { name: 'Sign out' }).click();
    await account(page).getByRole('link', { name: 'Sign in' }).waitFor();
    await account(page).getByRole('link', { name: 'Sign in' }).click();
    await page.waitForURL('**/sign-in');
    await expect(axeViolations(page)).resolves.toEqual([]);
    // By keyboard: type, Tab to the password, Enter submits.
    await page.getByLabel('Email or username').focus();
    await page.keyboard.type(who.username);
    await page.keyboard.press('Tab');
    await page.keyboard.type(who.password);
    await page.keyboard.press('Enter');
    await account(page)
      .getByRole('link', { name: `Account: ${who.username}` })
      .waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    expect(problems).toEqual([]);
  });

  it("puts the server's refusals on the form: a wrong password, a taken username", async () => {
    const { page, problems } = await openPage(browser);
    await page.goto(`${app.url}/sign-in`, { waitUntil: 'networkidle' });
    await page.getByLabel('Email or username').fill('browser_ada');
    await page.getByLabel('Password').fill('not my password at all');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: /wrong email, username or password/i })
      .waitFor();

    await page.goto(`${app.url}/sign-up`, { waitUntil: 'networkidle' });
    await page.getByLabel('Email').fill('someone.else@example.test');
    await page.getByLabel('Username').fill('BROWSER_ADA');
    await page.getByLabel('Password').fill('a different password');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByText('This username is taken').waitFor();
    await expect(page.getByLabel('Username').getAttribute('aria-invalid')).resolves.toBe('true');

    // Chromium logs the two refused requests provoked on purpose; nothing else may appear.
    expect(problems).toEqual([refused(401), refused(409)]);
  });

  it('resets a forgotten password through the emailed link', async () => {
    const { page, problems } = await openPage(browser);
    const who = { email: 'browser.grace@example.test', username: 'browser_grace', password: 'cobol compilers 1959' };
    await signUp(page, who);
    await account(page).getByRole('button', { name: 'Sign out' }).click();
    await account(page).getByRole('link', { name: 'Sign in' }).waitFor();

    await page.goto(`${app.url}/sign-in`, { waitUntil: 'networkidle' });
    await page.getByRole('link', { name: 'Forgot password?' }).click();
    await page.waitForURL('**/forgot-password');
    await page.getByLabel('Email').fill(who.email);
    await page.getByRole('button', { name: 'Send the link' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /link to choose a new password/i })
      .waitFor();

    const token = linkToken(await waitForMessage(app, who.email), '/reset-password');
    await page.goto(`${app.url}/reset-password?token=${token}`, { waitUntil: 'networkidle' });
    await page.getByLabel('New password').fill('short');
    await page.getByRole('button', { name: 'Save the new password' }).click();
    await expect.poll(() => page.locator('#reset-password-error').textContent()).toMatch(/at least 8 characters/i);
    await page.getByLabel('New password').fill('a new and better secret');
    await page.getByRole('button', { name: 'Save the new password' }).click();
    await page.getByRole('status').filter({ hasText: 'Your password is changed.' }).waitFor();
    await page.getByRole('link', { name: 'Sign in', exact: true }).first().click();
    await page.waitForURL('**/sign-in');
    await page.getByLabel('Email or username').fill(who.email);
    await page.getByLabel('Password').fill('a new and better secret');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await account(page)
      .getByRole('link', { name: `Account: ${who.username}` })
      .waitFor();
    expect(problems).toEqual([]);
  });

  it('signs in with a code sent by text message, then manages the account', async () => {
    const { page, problems } = await openPage(browser);
    const phone = '+14155550199';
    await page.goto(`${app.url}/sign-in`, { waitUntil: 'networkidle' });
    await page.getByRole('link', { name: /code by text message/i }).click();
    await page.waitForURL('**/phone-sign-in');
    await page.getByLabel('Mobile number').fill('12345');
    await page.getByRole('button', { name: 'Text me a code' }).click();
    await page
      .getByText(/international format/i)
      .first()
      .waitFor();
    await page.getByLabel('Mobile number').fill(phone);
    await page.getByRole('button', { name: 'Text me a code' }).click();
    await page.getByLabel('Code').waitFor();
    const code = smsCode(await waitForMessage(app, phone));
    await page.getByLabel('Code').fill(code);
    await page.getByRole('button', { name: 'Verify' }).click();
    await account(page)
      .getByRole('link', { name: /^Account: / })
      .click();
    await page.waitForURL('**/account');

    await page.getByRole('heading', { name: 'Your account' }).waitFor();
    await expect(axeViolations(page)).resolves.toEqual([]);
    await expect(page.getByText(phone).isVisible()).resolves.toBe(true);
    await page.getByLabel('Display name').fill('Phone Person');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await page.getByRole('status').filter({ hasText: 'Profile saved.' }).waitFor();
    await account(page).getByRole('link', { name: 'Account: Phone Person' }).waitFor();

    await page.getByRole('button', { name: 'Sign out everywhere' }).click();
    await page.getByRole('button', { name: 'Yes, sign out everywhere' }).click();
    await page.waitForURL('**/sign-in?signedOut=everywhere');
    await page.getByText('You were signed out on every device.').waitFor();
    await account(page).getByRole('link', { name: 'Sign in' }).waitFor();
    expect(problems).toEqual([]);
  });
});
