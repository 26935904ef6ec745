import type { ErrorCode, FieldIssue } from '#shared/contracts/errors';

// What services and routes throw; server/http/error-handler.ts alone turns them into responses.
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: FieldIssue[],
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}
export class ValidationError extends AppError {
  constructor(details: FieldIssue[], message = 'Invalid request') {
    super('VALIDATION_ERROR', message, details);
  }
}
export class UnauthorizedError extends AppError {
  constructor(message = 'Sign in first') {
    super('UNAUTHORIZED', message);
  }
}
export class ForbiddenError extends AppError {
  constructor(why: string) {
    super('FORBIDDEN', why);
  }
}
export class NotFoundError extends AppError {
  constructor(what: string) {
    super('NOT_FOUND', `${what} not found`);
  }
}
export class ConflictError extends AppError {
  constructor(why: string) {
    super('CONFLICT', why);
  }
}
export class PayloadTooLargeError extends AppError {
  constructor() {
    super('PAYLOAD_TOO_LARGE', 'Request body is too large');
  }
}
export class RateLimitedError extends AppError {
  constructor(readonly retryAfterS: number) {
    super('RATE_LIMITED', 'Too many requests; try again later');
  }
}
export class UpstreamUnavailableError extends AppError {
  constructor(service: string, options?: ErrorOptions) {
    super('UPSTREAM_UNAVAILABLE', `${service} is unavailable`, undefined, options);
  }
}
