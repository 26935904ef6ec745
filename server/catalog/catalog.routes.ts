import { Router, type Request, type Response } from 'express';
import type { z } from 'zod';
import {
  CatalogPage,
  DiscoverQuery,
  GenreList,
  GenreQuery,
  ListQuery,
  MovieDetail,
  PersonDetail,
  Season,
  SearchQuery,
  SeasonParams,
  TmdbIdParams,
  TrendingQuery,
  TvDetail,
} from '#shared/contracts/catalog';
import type { ApiDocs, RouteDoc } from '../http/openapi.ts';
import { validate } from '../http/validate.ts';
import { search } from './catalog-search.service.ts';
import type { ResponseCache } from '../http/response-cache.ts';
import * as catalog from './catalog.service.ts';
import type { ListCategory, MediaKind } from './tmdb-client.ts';

/** The catalog's dependencies; `searchCustom` is the library feature's custom-title search. */
export type CatalogRouteDeps = catalog.CatalogDeps;

/** Public catalog routes (no sign-in): /api/movies, /api/tv, /api/people, /api/search, /api/genres. */
export function catalogRoutes(
  deps: CatalogRouteDeps,
  docs: ApiDocs,
  opts: { responseCache?: ResponseCache } = {},
): Router {
  const router = Router();
  // As http/send.ts: the body goes through its schema (nothing unlisted leaks). The JSON of lists
  // and searches is also offered to the response cache, which replays it to the next anonymous
  // readers (the same few searches come from many visitors as they type); details are a long tail
  // that the data cache serves.
  const send = <S extends z.ZodTypeAny>(
    req: Request,
    res: Response,
    status: 200,
    schema: S,
    value: z.input<S>,
    replayable = false,
  ) => {
    const json = JSON.stringify(schema.parse(value));
    if (replayable) opts.responseCache?.keep(req, res, json);
    res.status(status).type('json').send(json);
  };
  const doc = (method: 'get', path: string, summary: string, parts: Partial<RouteDoc> & Pick<RouteDoc, 'responses'>) =>
    docs.add({ method, path: `/api${path}`, summary, tag: 'catalog', guard: 'public', ...parts });

  const lists = (kind: MediaKind, categories: Record<string, ListCategory>) => {
    const base = kind === 'movie' ? 'movies' : 'tv';
    doc('get', `/${base}/trending`, `Trending ${base}`, { query: TrendingQuery, responses: { 200: CatalogPage } });
    for (const path of Object.keys(categories)) {
      doc('get', `/${base}/${path}`, `${path} ${base}`, { query: ListQuery, responses: { 200: CatalogPage } });
    }
    doc('get', `/${base}/discover`, `Discover ${base} by filters`, {
      query: DiscoverQuery,
      responses: { 200: CatalogPage },
    });
    router.get(`/${base}/trending`, async (req, res) => {
      const q = validate(TrendingQuery, req.query);
      send(req, res, 200, CatalogPage, await catalog.trending(deps, kind, q.window, q), true);
    });
    for (const [path, category] of Object.entries(categories)) {
      router.get(`/${base}/${path}`, async (req, res) => {
        const page = await catalog.list(deps, kind, category, validate(ListQuery, req.query));
        send(req, res, 200, CatalogPage, page, true);
      });
    }
    router.get(`/${base}/discover`, async (req, res) => {
      const page = await catalog.discover(deps, kind, validate(DiscoverQuery, req.query));
      send(req, res, 200, CatalogPage, page, true);
    });
  };
  lists('movie', { popular: 'popular', 'top-rated': 'top_rated', upcoming: 'upcoming', 'now-playing': 'now_playing' });
  lists('tv', { popular: 'popular', 'top-rated': 'top_rated', 'on-the-air': 'on_the_air' });

  doc('get', '/movies/:id', 'Movie details with credits, videos, similar and recommendations', {
    params: TmdbIdParams,
    responses: { 200: MovieDetail },
  });
  doc('get', '/tv/:id', 'TV show details with seasons', { params: TmdbIdParams, responses: { 200: TvDetail } });
  doc('get', '/tv/:id/season/:number', "A season's episodes", { params: SeasonParams, responses: { 200: Season } });
  doc('get', '/people/:id', 'A person with combined credits', {
    params: TmdbIdParams,
    responses: { 200: PersonDetail },
  });
  doc('get', '/genres', 'Genres of movies or TV', { query: GenreQuery, responses: { 200: GenreList } });
  doc(
    'get',
    '/search',
    'Search movies, TV, people and custom titles (a trailing year filters; typos fall back to titles seen)',
    { query: SearchQuery, responses: { 200: CatalogPage } },
  );
  router.get('/movies/:id', async (req, res) => {
    send(req, res, 200, MovieDetail, await catalog.movieDetail(deps, validate(TmdbIdParams, req.params).id));
  });
  router.get('/tv/:id', async (req, res) => {
    send(req, res, 200, TvDetail, await catalog.tvDetail(deps, validate(TmdbIdParams, req.params).id));
  });
  router.get('/tv/:id/season/:number', async (req, res) => {
    const p = validate(SeasonParams, req.params);
    send(req, res, 200, Season, await catalog.season(deps, p.id, p.number));
  });
  router.get('/people/:id', async (req, res) => {
    send(req, res, 200, PersonDetail, await catalog.person(deps, validate(TmdbIdParams, req.params).id));
  });
  router.get('/genres', async (req, res) => {
    send(req, res, 200, GenreList, await catalog.genres(deps, validate(GenreQuery, req.query).type), true);
  });
  router.get('/search', async (req, res) => {
    send(req, res, 200, CatalogPage, await search(deps, validate(SearchQuery, req.query)), true);
  });
  return router;
}
