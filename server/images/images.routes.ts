import { Router } from 'express';
import type { ImageService } from './images.service.ts';

const YEAR_S = 365 * 24 * 3600;

/** GET /img/:size/:file — public; images never change under a path, so caches keep them a year. */
export function imagesRoutes(images: ImageService): Router {
  const router = Router();
  router.get('/:size/:file', async (req, res) => {
    const image = await images.get(req.params.size, req.params.file, req.headers.accept);
    res.setHeader('Vary', 'Accept');
    res.setHeader('Cache-Control', `public, max-age=${YEAR_S}, immutable`);
    // An SVG opened directly must not run anything.
    res.setHeader('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; sandbox");
    res.type(image.contentType);
    res.sendFile(image.file, { dotfiles: 'deny', lastModified: false, cacheControl: false });
  });
  return router;
}
