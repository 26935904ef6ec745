import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import type { z } from 'zod';
import { ErrorBody } from '#shared/contracts/errors';

type Guard = 'public' | 'user' | 'admin';
type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface RouteDoc {
  method: Method;
  /** Express style (`/api/movies/:id`); written as `{id}` in the document. */
  path: string;
  summary: string;
  tag: string;
  guard: Guard;
  query?: z.ZodType;
  params?: z.ZodType;
  body?: z.ZodType;
  /** Success status → body schema (null: no body). */
  responses: Record<number, z.ZodType | null>;
}

const ERRORS_BY_GUARD: Record<Guard, number[]> = {
  public: [400, 404, 429, 500, 503],
  user: [400, 401, 403, 404, 409, 429, 500],
  admin: [400, 401, 403, 404, 500],
};

/** The OpenAPI 3.1 document of /api/docs, built from the same zod schemas the routes validate with. */
export function createApiDocs() {
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
  registry.registerComponent('securitySchemes', 'session', { type: 'apiKey', in: 'cookie', name: 'cinehub.sid' });
  let cached: unknown = null;
  return {
    add(doc: RouteDoc) {
      cached = null;
      const responses: Record<string, unknown> = {};
      for (const [status, schema] of Object.entries(doc.responses)) {
        responses[status] = schema
          ? { description: 'Success', content: { 'application/json': { schema } } }
          : { description: 'Success, no body' };
      }
      for (const status of ERRORS_BY_GUARD[doc.guard]) {
        responses[String(status)] ??= {
          description: 'Error in the one error shape',
          content: { 'application/json': { schema: ErrorBody } },
        };
      }
      registry.registerPath({
        method: doc.method,
        path: doc.path.replace(/:(\w+)/g, '{$1}'),
        summary: doc.summary,
        tags: [doc.tag],
        security: doc.guard === 'public' ? [] : [{ bearer: [] }, { session: [] }],
        request: {
          ...(doc.query ? { query: doc.query as z.ZodObject } : {}),
          ...(doc.params ? { params: doc.params as z.ZodObject } : {}),
          ...(doc.body ? { body: { content: { 'application/json': { schema: doc.body } } } } : {}),
        },
        responses: responses as never,
      });
    },
    document() {
      cached ??= new OpenApiGeneratorV31(registry.definitions).generateDocument({
        openapi: '3.1.0',
        info: {
          title: 'CineHub Pro API',
          version: '1.0.0',
          description:
            'Errors always have the body {"error":{"code","message","details?"}}. Cookie-authenticated writes need X-Requested-With: cinehub.',
        },
      });
      return cached;
    },
  };
}
export type ApiDocs = ReturnType<typeof createApiDocs>;
