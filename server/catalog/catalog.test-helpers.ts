import { expect } from 'vitest';
import { CatalogPage } from '#shared/contracts/catalog';
import { ErrorBody } from '#shared/contracts/errors';
import type { TestApp } from '../../tests/helpers/test-app.ts';

/** Asserts an API.md error body with this status and code. */
export async function expectError(res: Response, status: number, code: string) {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/application\/json/);
  const body = ErrorBody.parse(await res.json());
  expect(body.error.code).toBe(code);
  return body;
}

/** GET a catalog list, asserting 200 and the paginated shape. */
export async function getPage(app: TestApp, path: string) {
  const res = await app.get(path);
  if (res.status !== 200) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return CatalogPage.parse(await res.json());
}

/** GET a JSON body, asserting 200. */
export async function getJson(app: TestApp, path: string): Promise<unknown> {
  const res = await app.get(path);
  if (res.status !== 200) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return res.json();
}

/** Polls until `check` passes or `ms` run out (for work that completes in the background). */
export async function eventually<T>(check: () => Promise<T>, ms = 10_000, everyMs = 100): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    try {
      return await check();
    } catch (err) {
      if (Date.now() > until) throw err;
      await new Promise((r) => setTimeout(r, everyMs));
    }
  }
}
