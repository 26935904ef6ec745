import { ApiError } from '#shared/api';
import type { Params } from '../route-types.ts';

/**
 * A route's numeric id, or a 404: "/movie/abc" is a page that does not exist, not a bad request,
 * and must never reach the catalog as NaN.
 */
export function tmdbIdOf(params: Params, key = 'id'): number {
  const raw = params[key] ?? '';
  const n = /^\d{1,10}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(n) || n < 1 || n > 2_147_483_647) throw new ApiError(404, 'NOT_FOUND', 'Page not found');
  return n;
}

/** A season number (0 is "Specials"). */
export function seasonNumberOf(params: Params): number {
  const raw = params.n ?? '';
  if (!/^\d{1,4}$/.test(raw) || Number(raw) > 1000) throw new ApiError(404, 'NOT_FOUND', 'Page not found');
  return Number(raw);
}
