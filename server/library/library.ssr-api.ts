import type { Query } from '#shared/api';
import { UuidParams } from '#shared/contracts/common';
import {
  AddWatchlistItemBody,
  CreateReviewBody,
  CreateWatchlistBody,
  CustomTitleBody,
  CustomTitleQuery,
  FavoriteQuery,
  MediaRef,
  MediaRefQuery,
  ReviewQuery,
  ReportReviewBody,
  UpdateReviewBody,
  UpdateWatchlistBody,
  UpdateWatchlistItemBody,
  WatchlistQuery,
} from '#shared/contracts/library';
import type { LibraryApi } from '#shared/library-api';
import { UnauthorizedError } from '../http/errors.ts';
import { validate } from '../http/validate.ts';
import type { Viewer } from '../http/viewer.ts';
import * as custom from './custom-titles.service.ts';
import * as favorites from './favorites.service.ts';
import type { LibraryDeps } from './library.deps.ts';
import { getProfile } from './profiles.service.ts';
import * as reviews from './reviews.service.ts';
import * as items from './watchlist-items.service.ts';
import * as lists from './watchlists.service.ts';

/**
 * The library Api in-process for server rendering, as the request's viewer: the same services and
 * validation as the routes, so a page renders what the browser would have fetched. `wrap` turns
 * our errors into the client's ApiError.
 */
export function createSsrLibraryApi(
  deps: LibraryDeps,
  viewer: Viewer | null,
  wrap: <T>(work: () => Promise<T>) => Promise<T>,
): LibraryApi {
  const me = () => {
    if (!viewer) throw new UnauthorizedError();
    return viewer;
  };
  const id = (value: string) => validate(UuidParams, { id: value }).id;
  const q = (query: Query | undefined) => query ?? {};
  return {
    state: () => wrap(() => favorites.libraryState(deps, viewer)),
    favorites: (query) => wrap(() => favorites.listFavorites(deps, me(), validate(FavoriteQuery, q(query)))),
    addFavorite: (ref) => wrap(async () => (await favorites.addFavorite(deps, me(), validate(MediaRef, ref))).favorite),
    removeFavorite: (fid) => wrap(() => favorites.removeFavorite(deps, me(), id(fid))),
    watchlists: (query) => wrap(() => lists.listWatchlists(deps, me(), validate(WatchlistQuery, q(query)))),
    watchlist: (wid) => wrap(() => lists.getWatchlist(deps, viewer, id(wid))),
    createWatchlist: (body) => wrap(() => lists.createWatchlist(deps, me(), validate(CreateWatchlistBody, body))),
    updateWatchlist: (wid, body) =>
      wrap(() => lists.updateWatchlist(deps, me(), id(wid), validate(UpdateWatchlistBody, body))),
    deleteWatchlist: (wid) => wrap(() => lists.deleteWatchlist(deps, me(), id(wid))),
    addItem: (wid, body) => wrap(() => items.addItem(deps, me(), id(wid), validate(AddWatchlistItemBody, body))),
    updateItem: (wid, itemId, body) =>
      wrap(() => items.updateItem(deps, me(), id(wid), id(itemId), validate(UpdateWatchlistItemBody, body))),
    removeItem: (wid, itemId) => wrap(() => items.removeItem(deps, me(), id(wid), id(itemId))),
    importCsv: () => wrap(() => Promise.reject(new Error('Imports are sent from the browser'))),
    reviews: (query) => wrap(() => reviews.listReviews(deps, validate(ReviewQuery, query))),
    reviewSummary: (query) => wrap(() => reviews.reviewSummary(deps, validate(MediaRefQuery, query))),
    createReview: (body) => wrap(() => reviews.createReview(deps, me(), validate(CreateReviewBody, body))),
    updateReview: (rid, body) =>
      wrap(() => reviews.updateReview(deps, me(), id(rid), validate(UpdateReviewBody, body))),
    deleteReview: (rid) => wrap(() => reviews.deleteReview(deps, me(), id(rid))),
    reportReview: (rid, reason) =>
      wrap(
        async () =>
          void (await reviews.reportReview(deps, me(), id(rid), validate(ReportReviewBody, { reason }).reason)),
      ),
    customTitles: (query) => wrap(() => custom.listCustomTitles(deps, viewer, validate(CustomTitleQuery, q(query)))),
    customTitle: (cid) => wrap(() => custom.getCustomTitle(deps, id(cid))),
    createCustomTitle: (body) => wrap(() => custom.createCustomTitle(deps, me(), validate(CustomTitleBody, body))),
    updateCustomTitle: (cid, body) =>
      wrap(() => custom.updateCustomTitle(deps, me(), id(cid), validate(CustomTitleBody, body))),
    deleteCustomTitle: (cid) => wrap(() => custom.deleteCustomTitle(deps, me(), id(cid))),
    profile: (username) => wrap(() => getProfile(deps, username)),
  };
}
