import { z } from 'zod';
import './messages.ts';

export const MediaType = z.enum(['movie', 'tv', 'custom']);
export type MediaType = z.infer<typeof MediaType>;

/** `page` 1-based; `limit` at most 100 — a larger one is a 400, never silently clamped. */
export const PageQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type PageQuery = z.infer<typeof PageQuery>;

export const PageMeta = z.object({
  page: z.number().int(),
  limit: z.number().int(),
  total: z.number().int(),
  totalPages: z.number().int(),
});
export type PageMeta = z.infer<typeof PageMeta>;

export const pageOf = <T extends z.ZodTypeAny>(item: T) => z.object({ items: z.array(item), meta: PageMeta });
export type Page<T> = { items: T[]; meta: PageMeta };

export function toPage<T>(items: T[], q: { page: number; limit: number }, total: number): Page<T> {
  return { items, meta: { page: q.page, limit: q.limit, total, totalPages: Math.ceil(total / q.limit) } };
}

export const UuidParams = z.object({ id: z.string().uuid() });
