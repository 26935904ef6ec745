import type { Query } from '#shared/api';
import { libraryPaths as p, type LibraryApi } from '#shared/library-api';

interface Transport {
  request<T>(method: string, path: string, body?: unknown): Promise<T>;
  get<T>(path: string, query?: Query): Promise<T>;
}

/** The browser's library Api over fetch; the server's in-process one answers the same. */
export function createBrowserLibraryApi({ request, get }: Transport): LibraryApi {
  return {
    state: () => get(p.state()),
    favorites: (query) => get(p.favorites(), query),
    addFavorite: (ref) => request('POST', p.favorites(), ref),
    removeFavorite: (id) => request('DELETE', p.favorite(id)),
    watchlists: (query) => get(p.watchlists(), query),
    watchlist: (id) => get(p.watchlist(id)),
    createWatchlist: (body) => request('POST', p.watchlists(), body),
    updateWatchlist: (id, body) => request('PUT', p.watchlist(id), body),
    deleteWatchlist: (id) => request('DELETE', p.watchlist(id)),
    addItem: (id, body) => request('POST', p.items(id), body),
    updateItem: (id, itemId, body) => request('PATCH', p.item(id, itemId), body),
    removeItem: (id, itemId) => request('DELETE', p.item(id, itemId)),
    importCsv: (id, csv) => request('POST', p.import(id), { csv }),
    reviews: (query) => get(p.reviews(), query),
    reviewSummary: (query) => get(p.reviewSummary(), query),
    createReview: (body) => request('POST', p.reviews(), body),
    updateReview: (id, body) => request('PUT', p.review(id), body),
    deleteReview: (id) => request('DELETE', p.review(id)),
    reportReview: async (id, reason) => {
      await request('POST', p.report(id), { reason });
    },
    customTitles: (query) => get(p.customTitles(), query),
    customTitle: (id) => get(p.customTitle(id)),
    createCustomTitle: (body) => request('POST', p.customTitles(), body),
    updateCustomTitle: (id, body) => request('PUT', p.customTitle(id), body),
    deleteCustomTitle: (id) => request('DELETE', p.customTitle(id)),
    profile: (username) => get(p.profile(username)),
  };
}
