import { Router, type NextFunction, type Response } from 'express';
import { NotFoundError } from '../http/errors.ts';
import type { CustomImages } from './custom-images.service.ts';
import type { Served } from './image-store.ts';
import type { ImageService } from './images.service.ts';

const YEAR_S = 365 * 24 * 3600;
const DAY_S = 24 * 3600;

function answer(res: Response, next: NextFunction, image: Served, maxAgeS: number, immutable: boolean) {
  if (image.kind === 'redirect') {
    // The upload never changes, but a purge may re-upload it: keep the redirect a day, not a year.
    res.setHeader('Cache-Control', `public, max-age=${DAY_S}`);
    res.redirect(302, image.url);
    return;
  }
  res.setHeader('Vary', 'Accept');
  res.setHeader('Cache-Control', `public, max-age=${maxAgeS}${immutable ? ', immutable' : ''}`);
  res.type(image.contentType);
  res.sendFile(image.file, { dotfiles: 'deny', lastModified: false, cacheControl: false }, (err) => {
    if (!err || res.headersSent) return;
    // Gone between the lookup and the send (a custom title's image being replaced): a 404 that
    // no cache keeps, not a 500 with a year's cache headers.
    res.removeHeader('Vary');
    res.setHeader('Cache-Control', 'no-store');
    next(new NotFoundError('Image'));
  });
}

/**
 * GET /img/:size/:file (TMDB images) and GET /img/custom/:id (custom titles' images), public.
 * A TMDB path never changes what it shows, so browsers keep it a year; a custom title's image
 * may be replaced under the same URL, so it is kept an hour.
 */
export function imagesRoutes(images: ImageService, custom: CustomImages): Router {
  const router = Router();
  router.get('/custom/:id', async (req, res, next) => {
    answer(res, next, await custom.serve(req.params.id, req.headers.accept), 3600, false);
  });
  router.get('/:size/:file', async (req, res, next) => {
    answer(res, next, await images.get(req.params.size, req.params.file, req.headers.accept), YEAR_S, true);
  });
  return router;
}
