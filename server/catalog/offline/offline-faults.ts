// Fault injection for the offline TMDB, so tests can meet every way the real TMDB fails: slow
// answers, 5xx, 429 with Retry-After, no answer at all, and 200s whose body is not what was promised.
import { z } from 'zod';

export const FaultSpec = z
  .object({
    /** Delay before answering (combined with any other fault, or alone). */
    latencyMs: z.number().int().min(0).max(600_000).optional(),
    /** Answer with this status and TMDB's error body for it (e.g. 500, 503, 429, 401). */
    status: z.number().int().min(400).max(599).optional(),
    /** Retry-After header in seconds (TMDB sends one with 429). */
    retryAfterS: z.number().int().min(0).optional(),
    /** Never answer; the socket stays open until the client gives up (for client timeouts). */
    hang: z.boolean().optional(),
    /**
     * 200 with a body a client must reject: true or 'truncated' = cut-off JSON, 'html' = an HTML
     * error page, 'wrong-shape' = valid JSON that is not the promised resource.
     */
    garbage: z.union([z.boolean(), z.enum(['truncated', 'html', 'wrong-shape'])]).optional(),
    /** Apply to the next N matching requests only; without it, until cleared. */
    times: z.number().int().min(1).optional(),
    /**
     * Only requests whose path starts with this ("/3/movie" or just "/movie"). Without it faults hit
     * every API request; images are hit only when the prefix names them ("/t/p").
     */
    pathPrefix: z.string().min(1).optional(),
  })
  .strict();
export type FaultSpec = z.infer<typeof FaultSpec>;

export interface FaultController {
  /** Replaces the active fault. Throws on an invalid spec (e.g. status 200). */
  set(spec: FaultSpec): void;
  clear(): void;
  /** The active fault, if any (with `times` counting down). */
  current(): FaultSpec | undefined;
}

export interface FaultInjector extends FaultController {
  /** The fault for this request, consuming one of `times`; undefined when it passes untouched. */
  take(pathname: string): FaultSpec | undefined;
}

function matches(spec: FaultSpec, pathname: string): boolean {
  const isApi = pathname === '/3' || pathname.startsWith('/3/');
  const prefix = spec.pathPrefix;
  if (prefix === undefined) return isApi;
  return pathname.startsWith(prefix) || (isApi && pathname.slice(2).startsWith(prefix));
}

export function createFaultInjector(): FaultInjector {
  let active: FaultSpec | undefined;
  let remaining: number | undefined;
  return {
    set(spec) {
      active = FaultSpec.parse(spec);
      remaining = active.times;
    },
    clear() {
      active = undefined;
      remaining = undefined;
    },
    current() {
      return active === undefined ? undefined : { ...active, ...(remaining === undefined ? {} : { times: remaining }) };
    },
    take(pathname) {
      const spec = active;
      if (spec === undefined || !matches(spec, pathname)) return undefined;
      if (remaining !== undefined) {
        remaining -= 1;
        if (remaining <= 0) {
          active = undefined;
          remaining = undefined;
        }
      }
      return spec;
    },
  };
}

export interface GarbageBody {
  contentType: string;
  body: string;
}

export function garbageBody(kind: FaultSpec['garbage']): GarbageBody {
  switch (kind) {
    case 'html':
      return {
        contentType: 'text/html; charset=utf-8',
        body: '<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>',
      };
    case 'wrong-shape':
      return {
        contentType: 'application/json;charset=utf-8',
        body: '{"status":"ok","data":null,"results":"unavailable"}',
      };
    default:
      return { contentType: 'application/json;charset=utf-8', body: '{"page":1,"results":[{"adult":false,"id":' };
  }
}
