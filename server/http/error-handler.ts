import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from 'pino';
import { ERROR_STATUS, type ErrorBody } from '#shared/contracts/errors';
import {
  AppError,
  NotFoundError,
  PayloadTooLargeError,
  RateLimitedError,
  UpstreamUnavailableError,
  ValidationError,
} from './errors.ts';

/** Unknown /api paths are a NOT_FOUND in the error model, not Express's HTML page. */
export const apiNotFound: RequestHandler = (req) => {
  throw new NotFoundError(`Route ${req.method} ${req.baseUrl}${req.path}`);
};

type BodyParserError = { type?: string; status?: number; expose?: boolean };

// The database is away (restart, network): a 503 the client may retry, not a 500.
const DB_DOWN_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  '57P01',
  '57P02',
  '57P03',
  '53300',
  '08006',
  '08001',
]);
function isDatabaseDown(err: unknown): boolean {
  const e = err as { code?: string; message?: string } | null;
  if (!e) return false;
  return (
    (typeof e.code === 'string' && DB_DOWN_CODES.has(e.code)) ||
    (typeof e.message === 'string' &&
      /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/.test(
        e.message,
      ))
  );
}

function toAppError(err: unknown): AppError | null {
  if (err instanceof AppError) return err;
  if (isDatabaseDown(err) || isDatabaseDown((err as { cause?: unknown } | null)?.cause)) {
    return new UpstreamUnavailableError('Database', { cause: err });
  }
  const bp = (err ?? {}) as BodyParserError;
  switch (bp.type) {
    case 'entity.too.large':
      return new PayloadTooLargeError();
    case 'entity.parse.failed':
      return new ValidationError([{ field: '(body)', message: 'Body is not valid JSON' }], 'Malformed JSON body');
    case 'encoding.unsupported':
    case 'charset.unsupported':
    case 'request.size.invalid':
    case 'request.aborted':
      return new ValidationError([{ field: '(body)', message: 'Body could not be read' }], 'Unreadable body');
  }
  // Any other client error a library raised (a malformed %-escape in the path, a body that does
  // not match its Content-Encoding…): a 4xx in our shape, never a 500.
  const { status, statusCode } = (err ?? {}) as { status?: unknown; statusCode?: unknown };
  const code = Number(status ?? statusCode);
  if (code === 413) return new PayloadTooLargeError();
  if (code >= 400 && code < 500) {
    return new ValidationError([{ field: '(request)', message: 'The request could not be read' }], 'Bad request');
  }
  return null;
}

/** The one place that builds error bodies. A 500 never carries the message, a stack or SQL. */
export function errorHandler(log: Logger): ErrorRequestHandler {
  return (err, req, res, _next) => {
    const appError = toAppError(err);
    const body: ErrorBody = appError
      ? {
          error: {
            code: appError.code,
            message: appError.message,
            ...(appError.details?.length ? { details: appError.details } : {}),
          },
        }
      : { error: { code: 'INTERNAL_ERROR', message: 'Something went wrong on our side' } };
    const status = ERROR_STATUS[body.error.code];
    if (!appError) {
      (req.log ?? log).error({ err }, 'unhandled error');
    } else if (appError.code === 'UPSTREAM_UNAVAILABLE') {
      (req.log ?? log).warn({ err: appError.cause ?? appError.message }, 'upstream unavailable');
    }
    if (res.headersSent) {
      res.destroy();
      return;
    }
    if (appError instanceof RateLimitedError) res.setHeader('Retry-After', String(appError.retryAfterS));
    res.status(status).json(body);
  };
}
