import { Router } from 'express';
import { ProfileParams, ProfileView } from '#shared/contracts/library';
import type { ApiDocs } from '../http/openapi.ts';
import { send } from '../http/send.ts';
import { validate } from '../http/validate.ts';
import type { LibraryDeps } from './library.deps.ts';
import { getProfile } from './profiles.service.ts';

/** GET /api/users/:username — public. */
export function profilesRoutes(deps: LibraryDeps, docs: ApiDocs): Router {
  const router = Router();
  docs.add({
    method: 'get',
    path: '/api/users/:username',
    summary: 'A public profile with public watchlists and recent reviews',
    tag: 'profiles',
    guard: 'public',
    params: ProfileParams,
    responses: { 200: ProfileView },
  });
  router.get('/users/:username', async (req, res) => {
    send(res, 200, ProfileView, await getProfile(deps, validate(ProfileParams, req.params).username));
  });
  return router;
}
