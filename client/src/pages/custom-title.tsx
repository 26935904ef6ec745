import { useSuspenseQuery } from '@tanstack/react-query';
import { Link, useLocation } from 'wouter';
import type { CustomTitleView } from '#shared/contracts/library';
import { PageTransition } from '../components/layout/page-transition.tsx';
import { AddToWatchlistDialog } from '../components/library/add-to-watchlist-dialog.tsx';
import { ConfirmDialog } from '../components/library/confirm-dialog.tsx';
import { FavoriteButton } from '../components/library/favorite-button.tsx';
import { buttonClass } from '../components/library/form-field.tsx';
import { prefetchReviewsSection, ReviewsSection } from '../components/library/reviews-section.tsx';
import { FilmIcon } from '../components/ui/icons.tsx';
import { customTitleQuery, useDeleteCustomTitle } from '../hooks/use-custom-titles.ts';
import { useLibraryState } from '../hooks/use-library.ts';
import { useApi } from '../lib/api-context.tsx';
import { queryKeys } from '../lib/query-keys.ts';
import type { Params, RouteDef } from '../route-types.ts';

/** A title a user added: everyone may see, favorite, list and review it; its owner or an admin may change it. */
export function CustomTitlePage({ params }: { params: Params }) {
  const { data: title } = useSuspenseQuery(customTitleQuery(useApi(), params.id ?? ''));
  const { data: state } = useLibraryState();
  const remove = useDeleteCustomTitle();
  const [, navigate] = useLocation();
  const canEdit = Boolean(state?.viewer && (state.viewer.id === title.ownerId || state.viewer.isAdmin));
  const item = { mediaType: 'custom' as const, id: title.id, title: title.title };
  return (
    <PageTransition className="px-4 py-6">
      <div className="flex flex-col gap-6 sm:flex-row">
        {/* Our stored copy of imageUrl, once the background job has fetched it safely; never imageUrl itself. */}
        {title.posterUrl ? (
          <img
            src={title.posterUrl}
            alt={`Poster of ${title.title}`}
            width={192}
            height={288}
            className="aspect-[2/3] w-48 shrink-0 rounded-lg bg-slate-800 object-cover ring-1 ring-white/10"
          />
        ) : (
          <div className="flex aspect-[2/3] w-48 shrink-0 items-center justify-center rounded-lg bg-slate-800 text-slate-500 ring-1 ring-white/10">
            <FilmIcon width={48} height={48} />
          </div>
        )}
        <div>
          <p className="text-sm text-slate-400">Added by the community</p>
          <h1 className="text-3xl font-extrabold tracking-tight sm:text-5xl">
            {title.title} {title.year && <span className="font-light text-slate-300">({title.year})</span>}
          </h1>
          <div className="mt-5 flex flex-wrap gap-3">
            <FavoriteButton item={item} variant="page" />
            <AddToWatchlistDialog item={item} />
          </div>
          {canEdit && (
            <div className="mt-5 flex gap-2">
              <Link href={`/custom/${title.id}/edit`} className={buttonClass.secondary}>
                Edit title
              </Link>
              <ConfirmDialog
                trigger="Delete title"
                title={`Delete ${title.title}?`}
                confirmLabel="Delete"
                onConfirm={async () => {
                  await remove.mutateAsync(title.id);
                  navigate('/me');
                }}
              >
                Its favorites, list entries and reviews go with it.
              </ConfirmDialog>
            </div>
          )}
        </div>
      </div>
      <ReviewsSection title={{ mediaType: 'custom', mediaId: title.id, name: title.title }} />
    </PageTransition>
  );
}

export const route: Omit<RouteDef, 'path'> = {
  page: CustomTitlePage,
  prefetch: ({ queryClient, api, params }) =>
    Promise.all([
      queryClient.fetchQuery(customTitleQuery(api, params.id ?? '')),
      prefetchReviewsSection(queryClient, api, { mediaType: 'custom', mediaId: params.id ?? '' }),
    ]),
  head: ({ params, queryClient }) => {
    const t = queryClient.getQueryData<CustomTitleView>(queryKeys.library.customTitle(params.id ?? ''));
    if (!t) return { title: 'Custom title' };
    return {
      title: t.year ? `${t.title} (${t.year})` : t.title,
      description: `${t.title}${t.year ? ` (${t.year})` : ''}, added by the CineHub community: reviews and ratings.`,
      canonicalPath: `/custom/${t.id}`,
    };
  },
};
