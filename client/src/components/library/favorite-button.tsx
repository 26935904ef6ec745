import { useState } from 'react';
import { useLocation } from 'wouter';
import { isApiError } from '#shared/api';
import type { CatalogItem } from '#shared/contracts/catalog';
import type { MediaRef } from '#shared/contracts/library';
import { sameTitle, useToggleFavorite } from '../../hooks/use-favorites.ts';
import { useLibraryState } from '../../hooks/use-library.ts';
import { cn } from '../../lib/cn.ts';
import { HeartIcon } from './library-icons.tsx';

export interface FavoriteButtonProps {
  item: Pick<CatalogItem, 'mediaType' | 'id' | 'title'>;
  /** `card`: a small round button over a poster; `page`: a labelled button on a title page. */
  variant?: 'card' | 'page';
  className?: string;
}

export const signInHref = (returnTo: string) => `/sign-in?returnTo=${encodeURIComponent(returnTo)}`;

/**
 * The heart: adds or removes a favorite at once (optimistic), and puts it back if the server
 * refuses. Signed out, it leads to sign-in and back.
 */
export function FavoriteButton({ item, variant = 'card', className }: FavoriteButtonProps) {
  const { data: state } = useLibraryState();
  const toggle = useToggleFavorite();
  const [location, navigate] = useLocation();
  const [failed, setFailed] = useState(false);
  if (item.mediaType === 'person') return null;
  // A catalog item's id is the TMDB id (movie, tv) or our UUID (custom): exactly a MediaRef.
  const ref = { mediaType: item.mediaType, mediaId: item.id } as MediaRef;
  const favorite = state?.favorites.find((f) => sameTitle(f, ref)) ?? null;
  const on = favorite !== null;
  // On a card the heart is an icon and names the title; on a title page its visible words are its
  // whole name (WCAG "label in name").
  const label = on ? `Remove ${item.title} from favorites` : `Add ${item.title} to favorites`;
  const pageLabel = on ? 'Remove from favorites' : 'Add to favorites';

  const onClick = () => {
    if (state && !state.viewer) {
      navigate(signInHref(location));
      return;
    }
    setFailed(false);
    toggle.mutate(
      { ref, favoriteId: favorite?.id ?? null },
      {
        onError: (err) => {
          if (isApiError(err) && err.status === 401) navigate(signInHref(location));
          else setFailed(true);
        },
      },
    );
  };

  return (
    <>
      <button
        type="button"
        aria-label={variant === 'card' ? label : undefined}
        title={variant === 'card' ? label : undefined}
        data-favorite={on ? 'on' : 'off'}
        disabled={toggle.isPending || (favorite !== null && favorite.id === 'pending')}
        onClick={onClick}
        className={cn(
          'inline-flex items-center justify-center gap-2 transition focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-rose-400 disabled:cursor-wait',
          variant === 'card'
            ? 'h-9 w-9 rounded-full bg-black/60 text-white backdrop-blur hover:bg-black/80'
            : 'h-11 rounded-full bg-white/10 px-4 text-sm font-semibold text-white ring-1 ring-white/20 hover:bg-white/20',
          on && 'text-rose-500',
          className,
        )}
      >
        <HeartIcon filled={on} width={variant === 'card' ? 18 : 20} height={variant === 'card' ? 18 : 20} />
        {variant === 'page' && <span className="text-white">{pageLabel}</span>}
      </button>
      {failed && (
        <span role="alert" className="sr-only">
          Could not update your favorites; please try again.
        </span>
      )}
    </>
  );
}
