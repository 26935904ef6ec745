import { expect } from 'vitest';
import { CatalogPage, type CatalogItem } from '#shared/contracts/catalog';
import { ErrorBody } from '#shared/contracts/errors';
import type { TestApp } from './test-app.ts';

/** Real titles from the app's offline catalog, picked through the public API (never hard-coded ids). */
export async function pickTitles(app: TestApp, kind: 'movie' | 'tv', count: number): Promise<CatalogItem[]> {
  const out: CatalogItem[] = [];
  const path = kind === 'movie' ? '/api/movies/popular' : '/api/tv/popular';
  for (let page = 1; out.length < count; page++) {
    const res = await app.get(`${path}?page=${page}&limit=100`);
    expect(res.status).toBe(200);
    const body = CatalogPage.parse(await res.json());
    if (body.items.length === 0) break;
    out.push(...body.items);
  }
  expect(out.length).toBeGreaterThanOrEqual(count);
  return out.slice(0, count);
}

/** Reads a JSON body and checks the status first, showing the body when it is not the one expected. */
export async function json(res: Response, status: number): Promise<unknown> {
  const text = await res.text();
  expect(res.status, text).toBe(status);
  return text ? (JSON.parse(text) as unknown) : null;
}

/** Asserts an API.md error body with this status and code; returns the field names of its details. */
export async function expectError(res: Response, status: number, code: string): Promise<string[]> {
  const body = ErrorBody.parse(await json(res, status));
  expect(body.error.code).toBe(code);
  return (body.error.details ?? []).map((d) => d.field);
}

/**
 * The SQL statements the app's pool runs while `work` runs (Drizzle and raw queries alike). Background
 * jobs (image caching) share the pool and can only add statements, so the least of a few runs is
 * the request's own count.
 */
export async function countQueries(app: TestApp, work: () => Promise<void>, runs = 3): Promise<number> {
  let least = Infinity;
  for (let i = 0; i < runs; i++) least = Math.min(least, await countOnce(app, work));
  return least;
}

async function countOnce(app: TestApp, work: () => Promise<void>): Promise<number> {
  const pool = app.server.runtime.database.pool;
  const original = pool.query.bind(pool) as (...args: unknown[]) => unknown;
  let n = 0;
  (pool as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
    n++;
    return original(...args);
  };
  try {
    await work();
  } finally {
    (pool as unknown as { query: unknown }).query = original;
  }
  return n;
}
