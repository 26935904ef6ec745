import { Router } from 'express';
import { UuidParams } from '#shared/contracts/common';
import {
  CreateReviewBody,
  MediaRefQuery,
  ReportReceipt,
  ReportReviewBody,
  ReviewPage,
  ReviewQuery,
  ReviewSummary,
  ReviewView,
  UpdateReviewBody,
} from '#shared/contracts/library';
import type { ApiDocs, RouteDoc } from '../http/openapi.ts';
import { send } from '../http/send.ts';
import { validate } from '../http/validate.ts';
import { requireUser, viewerOf } from '../http/viewer.ts';
import type { LibraryDeps } from './library.deps.ts';
import {
  createReview,
  deleteReview,
  listReviews,
  reportReview,
  reviewSummary,
  updateReview,
} from './reviews.service.ts';

/** /api/reviews: reading is public; writing needs sign-in; changing is the author's (delete: or an admin's). */
export function reviewsRoutes(deps: LibraryDeps, docs: ApiDocs): Router {
  const router = Router();
  const doc = (d: Omit<RouteDoc, 'tag'>) => docs.add({ ...d, tag: 'reviews' });
  doc({
    method: 'get',
    path: '/api/reviews',
    summary: 'Shown reviews of a title (?mediaType&mediaId) and/or by a user (?userId), newest first',
    guard: 'public',
    query: ReviewQuery,
    responses: { 200: ReviewPage },
  });
  doc({
    method: 'get',
    path: '/api/reviews/summary',
    summary: "Average of our users' ratings of a title (average null when count is 0)",
    guard: 'public',
    query: MediaRefQuery,
    responses: { 200: ReviewSummary },
  });
  doc({
    method: 'post',
    path: '/api/reviews',
    summary: 'Review a title (one per user per title: 409)',
    guard: 'user',
    body: CreateReviewBody,
    responses: { 201: ReviewView },
  });
  doc({
    method: 'put',
    path: '/api/reviews/:id',
    summary: 'Edit your review (others: 403; hidden: 404)',
    guard: 'user',
    params: UuidParams,
    body: UpdateReviewBody,
    responses: { 200: ReviewView },
  });
  doc({
    method: 'delete',
    path: '/api/reviews/:id',
    summary: 'Delete a review (author or admin)',
    guard: 'user',
    params: UuidParams,
    responses: { 204: null },
  });
  doc({
    method: 'post',
    path: '/api/reviews/:id/report',
    summary: "Report someone else's review to moderators (once per user)",
    guard: 'user',
    params: UuidParams,
    body: ReportReviewBody,
    responses: { 202: ReportReceipt },
  });

  router.get('/reviews', async (req, res) => {
    send(res, 200, ReviewPage, await listReviews(deps, validate(ReviewQuery, req.query)));
  });
  router.get('/reviews/summary', async (req, res) => {
    send(res, 200, ReviewSummary, await reviewSummary(deps, validate(MediaRefQuery, req.query)));
  });
  router.post('/reviews', requireUser, async (req, res) => {
    send(res, 201, ReviewView, await createReview(deps, viewerOf(req), validate(CreateReviewBody, req.body)));
  });
  router.put('/reviews/:id', requireUser, async (req, res) => {
    const { id } = validate(UuidParams, req.params);
    send(res, 200, ReviewView, await updateReview(deps, viewerOf(req), id, validate(UpdateReviewBody, req.body)));
  });
  router.delete('/reviews/:id', requireUser, async (req, res) => {
    await deleteReview(deps, viewerOf(req), validate(UuidParams, req.params).id);
    res.status(204).end();
  });
  router.post('/reviews/:id/report', requireUser, async (req, res) => {
    const { id } = validate(UuidParams, req.params);
    send(
      res,
      202,
      ReportReceipt,
      await reportReview(deps, viewerOf(req), id, validate(ReportReviewBody, req.body).reason),
    );
  });
  return router;
}
