import type { Query } from './api.ts';
import type {
  CreateWatchlistBody,
  CustomTitleBody,
  CustomTitlePage,
  CustomTitleView,
  FavoritePage,
  FavoriteView,
  LibraryState,
  MediaRef,
  ProfileView,
  ReviewPage,
  ReviewSummary,
  ReviewView,
  UpdateReviewBody,
  UpdateWatchlistBody,
  UpdateWatchlistItemBody,
  WatchlistDetail,
  WatchlistItemView,
  WatchlistPage,
  WatchlistSummary,
} from './contracts/library.ts';
import type { ImportReport } from './contracts/library-transfer.ts';

/** Request bodies as a page sends them (defaults filled in by the server). */
export type NewWatchlist = Omit<CreateWatchlistBody, 'isPublic'> & { isPublic?: boolean };
export type NewItem = MediaRef & { notes?: string | null };
export type NewReview = MediaRef & { rating: number; content: string };

/** The library part of the typed Api (shared/api.ts): favorites, watchlists, reviews, custom titles, profiles. */
export interface LibraryApi {
  state(): Promise<LibraryState>;
  favorites(query?: Query): Promise<FavoritePage>;
  addFavorite(ref: MediaRef): Promise<FavoriteView>;
  removeFavorite(id: string): Promise<void>;
  watchlists(query?: Query): Promise<WatchlistPage>;
  watchlist(id: string): Promise<WatchlistDetail>;
  createWatchlist(body: NewWatchlist): Promise<WatchlistSummary>;
  updateWatchlist(id: string, body: UpdateWatchlistBody): Promise<WatchlistSummary>;
  deleteWatchlist(id: string): Promise<void>;
  addItem(watchlistId: string, body: NewItem): Promise<WatchlistItemView>;
  updateItem(watchlistId: string, itemId: string, body: UpdateWatchlistItemBody): Promise<WatchlistItemView>;
  removeItem(watchlistId: string, itemId: string): Promise<void>;
  importCsv(watchlistId: string, csv: string): Promise<ImportReport>;
  reviews(query: Query): Promise<ReviewPage>;
  reviewSummary(query: Query): Promise<ReviewSummary>;
  createReview(body: NewReview): Promise<ReviewView>;
  updateReview(id: string, body: UpdateReviewBody): Promise<ReviewView>;
  deleteReview(id: string): Promise<void>;
  reportReview(id: string, reason: string): Promise<void>;
  customTitles(query?: Query): Promise<CustomTitlePage>;
  customTitle(id: string): Promise<CustomTitleView>;
  createCustomTitle(body: CustomTitleBody): Promise<CustomTitleView>;
  updateCustomTitle(id: string, body: CustomTitleBody): Promise<CustomTitleView>;
  deleteCustomTitle(id: string): Promise<void>;
  profile(username: string): Promise<ProfileView>;
}

const seg = encodeURIComponent;
/** Where each library call lives over HTTP. */
export const libraryPaths = {
  state: () => '/api/library/state',
  export: (format: 'json' | 'csv') => `/api/library/export?format=${format}`,
  favorites: () => '/api/favorites',
  favorite: (id: string) => `/api/favorites/${seg(id)}`,
  watchlists: () => '/api/watchlists',
  watchlist: (id: string) => `/api/watchlists/${seg(id)}`,
  items: (id: string) => `/api/watchlists/${seg(id)}/items`,
  item: (id: string, itemId: string) => `/api/watchlists/${seg(id)}/items/${seg(itemId)}`,
  import: (id: string) => `/api/watchlists/${seg(id)}/import`,
  reviews: () => '/api/reviews',
  reviewSummary: () => '/api/reviews/summary',
  review: (id: string) => `/api/reviews/${seg(id)}`,
  report: (id: string) => `/api/reviews/${seg(id)}/report`,
  customTitles: () => '/api/custom-titles',
  customTitle: (id: string) => `/api/custom-titles/${seg(id)}`,
  profile: (username: string) => `/api/users/${seg(username)}`,
};
