import { createAuditRepository } from '../admin/audit.repository.ts';
import type { CatalogDeps } from '../catalog/catalog.service.ts';
import type { Database, Executor } from '../db/database.ts';
import { createCustomTitlesRepository } from './custom-titles.repository.ts';
import { createFavoritesRepository } from './favorites.repository.ts';
import { createMediaRepository } from './media.repository.ts';
import { createProfilesRepository } from './profiles.repository.ts';
import { createReviewsRepository } from './reviews.repository.ts';
import { createWatchlistItemsRepository } from './watchlist-items.repository.ts';
import { createWatchlistsRepository } from './watchlists.repository.ts';

/** Every repository of the library, over the pool or over one transaction. */
export function createLibraryRepos(db: Executor) {
  return {
    favorites: createFavoritesRepository(db),
    watchlists: createWatchlistsRepository(db),
    items: createWatchlistItemsRepository(db),
    reviews: createReviewsRepository(db),
    customTitles: createCustomTitlesRepository(db),
    profiles: createProfilesRepository(db),
    media: createMediaRepository(db),
    /** An admin changing someone else's review or title here is audited as in /api/admin. */
    audit: createAuditRepository(db),
  };
}
export type LibraryRepos = ReturnType<typeof createLibraryRepos>;

export interface LibraryDeps {
  repos: LibraryRepos;
  /** Runs `work` in one transaction with repositories bound to it: all of it commits, or none. */
  transaction<T>(work: (repos: LibraryRepos) => Promise<T>): Promise<T>;
  catalog: CatalogDeps;
  /** Something anonymous visitors can see changed (a review, a public list): drop cached pages. */
  publicChanged(): void;
  onPublicChange(listener: () => void): void;
  /** A custom title was created, changed or deleted (by anyone): its stored image may need work. */
  customTitleChanged(id: string): void;
  onCustomTitleChange(listener: (id: string) => void): void;
}

/** Built once in app.ts; tests build the whole app, so nothing here connects on import. */
export function createLibraryDeps(database: Database, catalog: CatalogDeps): LibraryDeps {
  const listeners = new Set<() => void>();
  const titleListeners = new Set<(id: string) => void>();
  return {
    repos: createLibraryRepos(database.db),
    transaction: (work) => database.db.transaction((tx) => work(createLibraryRepos(tx))),
    catalog,
    publicChanged: () => {
      for (const l of listeners) l();
    },
    onPublicChange: (l) => {
      listeners.add(l);
    },
    customTitleChanged: (id) => {
      for (const l of titleListeners) l(id);
    },
    onCustomTitleChange: (l) => {
      titleListeners.add(l);
    },
  };
}
