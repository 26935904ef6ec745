import express, { Router } from 'express';
import { UuidParams } from '#shared/contracts/common';
import { ExportQuery, ImportBody, ImportReport, LibraryExport } from '#shared/contracts/library-transfer';
import type { ApiDocs } from '../http/openapi.ts';
import { send } from '../http/send.ts';
import { validate } from '../http/validate.ts';
import { requireUser, viewerOf } from '../http/viewer.ts';
import { exportLibrary, exportToCsv, importIntoWatchlist } from './import-export.service.ts';
import type { LibraryDeps } from './library.deps.ts';

/** GET /api/library/export and POST /api/watchlists/:id/import. */
export function importExportRoutes(deps: LibraryDeps, docs: ApiDocs): Router {
  const router = Router();
  docs.add({
    method: 'get',
    path: '/api/library/export',
    summary:
      'Everything you own. format=json (default): this document. format=csv: one CSV, one row per thing, with columns ' +
      'kind (favorite|watchlist|watchlist_item|review|custom_title),list,position,mediaType,mediaId,title,year,rating,notes,text,isPublic,imageUrl,status,createdAt',
    tag: 'library',
    guard: 'user',
    query: ExportQuery,
    responses: { 200: LibraryExport },
  });
  docs.add({
    method: 'post',
    path: '/api/watchlists/:id/import',
    summary:
      'Import a Letterboxd (Name,Year) or IMDb (Title,Year,Title Type) CSV into your watchlist: send it as text/csv or as JSON {csv}. ' +
      'At most 1000 rows. Rows are matched against the catalog by title and year; matches are added in one transaction. ' +
      '`row` numbers count the header as row 1.',
    tag: 'watchlists',
    guard: 'user',
    params: UuidParams,
    body: ImportBody,
    responses: { 200: ImportReport },
  });

  router.get('/library/export', requireUser, async (req, res) => {
    const { format } = validate(ExportQuery, req.query);
    const data = await exportLibrary(deps, viewerOf(req));
    const name = `cinehub-library-${data.exportedAt.slice(0, 10)}.${format}`;
    res.setHeader('Content-Disposition', `attachment; filename="${name}"`);
    if (format === 'csv') {
      res
        .status(200)
        .type('text/csv; charset=utf-8')
        .send(exportToCsv(LibraryExport.parse(data)));
      return;
    }
    send(res, 200, LibraryExport, data);
  });
  router.post(
    '/watchlists/:id/import',
    requireUser,
    express.text({ type: ['text/csv', 'text/plain'], limit: '1mb' }),
    async (req, res) => {
      const { id } = validate(UuidParams, req.params);
      const { csv } = validate(ImportBody, typeof req.body === 'string' ? { csv: req.body } : req.body);
      send(res, 200, ImportReport, await importIntoWatchlist(deps, viewerOf(req), id, csv));
    },
  );
  return router;
}
