import type { RequestHandler } from 'express';
import helmet from 'helmet';
import { newNonce } from '../ssr/ssr.ts';

/**
 * Headers on every response (HTML, API, errors): a CSP with a per-request nonce and no inline
 * scripts or style attributes, no framing, nosniff, a strict referrer policy, HSTS in production.
 */
export function securityHeaders(opts: { production: boolean; extraImgSrc: string[] }): RequestHandler[] {
  const nonce: RequestHandler = (_req, res, next) => {
    res.locals.nonce = newNonce();
    next();
  };
  const withNonce = (_req: unknown, res: unknown) =>
    `'nonce-${String((res as { locals: { nonce: string } }).locals.nonce)}'`;
  return [
    nonce,
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'", withNonce],
          styleSrc: ["'self'", withNonce],
          imgSrc: ["'self'", 'data:', ...opts.extraImgSrc],
          fontSrc: ["'self'"],
          connectSrc: ["'self'"],
          frameSrc: ['https://www.youtube-nocookie.com'],
          frameAncestors: ["'none'"],
          formAction: ["'self'"],
          baseUri: ["'self'"],
          objectSrc: ["'none'"],
          ...(opts.production ? { upgradeInsecureRequests: [] } : {}),
        },
      },
      strictTransportSecurity: opts.production ? { maxAge: 31_536_000, includeSubDomains: true } : false,
      referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
      crossOriginEmbedderPolicy: false,
    }),
  ];
}
