import type { ProfileView } from '#shared/contracts/library';
import { NotFoundError } from '../http/errors.ts';
import type { LibraryDeps } from './library.deps.ts';
import { iso } from './media-ref.ts';
import { listReviews } from './reviews.service.ts';
import { toSummary } from './watchlists.service.ts';

type Deps = Pick<LibraryDeps, 'repos' | 'catalog' | 'transaction' | 'publicChanged'>;

const PUBLIC_LISTS = 50;
const RECENT_REVIEWS = 10;

/** A public profile: public fields, public watchlists and recent shown reviews — no email, no private lists. */
export async function getProfile(deps: Deps, username: string): Promise<ProfileView> {
  const user = await deps.repos.profiles.findByUsername(username);
  if (!user) throw new NotFoundError('User');
  const [lists, reviews] = await Promise.all([
    deps.repos.watchlists.listByOwner(user.id, { page: 1, limit: PUBLIC_LISTS, publicOnly: true }),
    listReviews(deps, { userId: user.id, page: 1, limit: RECENT_REVIEWS }),
  ]);
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    profileImageUrl: user.profileImageUrl,
    createdAt: iso(user.createdAt),
    watchlists: lists.rows.map(toSummary),
    reviews: reviews.items,
  };
}
