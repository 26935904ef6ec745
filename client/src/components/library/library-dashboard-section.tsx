import { useSuspenseQuery, type QueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link } from 'wouter';
import type { Api } from '#shared/api';
import type { ViewerSummary } from '#shared/contracts/library';
import { customTitlesQuery } from '../../hooks/use-custom-titles.ts';
import { favoritesQuery } from '../../hooks/use-favorites.ts';
import { userReviewsQuery } from '../../hooks/use-reviews.ts';
import { watchlistsQuery } from '../../hooks/use-watchlists.ts';
import { useApi } from '../../lib/api-context.tsx';
import { MediaGrid } from '../movie/media-grid.tsx';
import { buttonClass } from './form-field.tsx';
import { ImportDialog } from './import-dialog.tsx';
import { ReviewCard } from './review-card.tsx';
import { WatchlistCard } from './watchlist-card.tsx';

const FAVORITES = { limit: 24 };
const LISTS = { limit: 100 };
const CUSTOM = { owner: 'me', limit: 50 };

/** What the dashboard shows, loaded before the server renders it. */
export const prefetchDashboard = (queryClient: QueryClient, api: Api, viewer: ViewerSummary) =>
  Promise.all([
    queryClient.fetchQuery(favoritesQuery(api, FAVORITES)),
    queryClient.fetchQuery(watchlistsQuery(api, LISTS)),
    queryClient.fetchQuery(userReviewsQuery(api, viewer.id)),
    queryClient.fetchQuery(customTitlesQuery(api, CUSTOM)),
  ]);

function Section({
  id,
  title,
  action,
  children,
}: {
  id: string;
  title: string;
  action?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={id} className="mt-10">
      <div className="mb-3 flex items-center justify-between gap-3 px-4">
        <h2 id={id} className="text-xl font-semibold">
          {title}
        </h2>
        {action}
      </div>
      {children}
    </section>
  );
}

/** The signed-in user's library at a glance: favorites, lists, reviews, custom titles, import, export. */
export function LibraryDashboardSection({ viewer }: { viewer: ViewerSummary }) {
  const api = useApi();
  const { data: favorites } = useSuspenseQuery(favoritesQuery(api, FAVORITES));
  const { data: lists } = useSuspenseQuery(watchlistsQuery(api, LISTS));
  const { data: reviews } = useSuspenseQuery(userReviewsQuery(api, viewer.id));
  const { data: custom } = useSuspenseQuery(customTitlesQuery(api, CUSTOM));
  const none = (text: string) => <p className="px-4 text-sm text-slate-400">{text}</p>;
  return (
    <>
      <div className="flex flex-wrap gap-2 px-4">
        <a href="/api/library/export?format=json" download className={buttonClass.secondary}>
          Export (JSON)
        </a>
        <a href="/api/library/export?format=csv" download className={buttonClass.secondary}>
          Export (CSV)
        </a>
        <ImportDialog lists={lists.items} />
        <Link href={`/u/${encodeURIComponent(viewer.username)}`} className={buttonClass.secondary}>
          Public profile
        </Link>
      </div>
      <Section id="me-favorites" title={`Favorites (${favorites.meta.total})`}>
        {favorites.items.length === 0 ? (
          none('Tap the heart on any title to keep it here.')
        ) : (
          <div className="px-4">
            <MediaGrid
              label="Your favorites"
              items={favorites.items.flatMap((f) => (f.media ? [f.media] : []))}
              showType
            />
          </div>
        )}
      </Section>
      <Section
        id="me-lists"
        title="Watchlists"
        action={
          <Link href="/watchlists" className="text-sm text-rose-300 hover:underline">
            Manage
          </Link>
        }
      >
        {lists.items.length === 0 ? (
          none('No watchlists yet.')
        ) : (
          <ul className="grid gap-3 px-4 sm:grid-cols-2 lg:grid-cols-3">
            {lists.items.map((l) => (
              <WatchlistCard key={l.id} list={l} />
            ))}
          </ul>
        )}
      </Section>
      <Section id="me-reviews" title={`Reviews (${reviews.meta.total})`}>
        {reviews.items.length === 0 ? (
          none('No reviews yet.')
        ) : (
          <div className="space-y-3 px-4">
            {reviews.items.map((r) => (
              <ReviewCard key={r.id} review={r} viewer={viewer} showTitle />
            ))}
          </div>
        )}
      </Section>
      <Section
        id="me-custom"
        title="Your custom titles"
        action={
          <Link href="/custom/new" className="text-sm text-rose-300 hover:underline">
            Add a title
          </Link>
        }
      >
        {custom.items.length === 0 ? (
          none('Add a movie the catalog lacks.')
        ) : (
          <ul className="space-y-1 px-4">
            {custom.items.map((c) => (
              <li key={c.id}>
                <Link href={`/custom/${c.id}`} className="text-white hover:underline">
                  {c.title}
                </Link>
                {c.year && <span className="ml-2 text-sm text-slate-400">{c.year}</span>}
              </li>
            ))}
          </ul>
        )}
      </Section>
    </>
  );
}
