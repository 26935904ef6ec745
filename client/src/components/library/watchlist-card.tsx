import { Link } from 'wouter';
import type { WatchlistSummary } from '#shared/contracts/library';

/** A watchlist in a grid of them: name (the link), size, visibility, description. */
export function WatchlistCard({ list }: { list: WatchlistSummary }) {
  return (
    <li className="rounded-xl bg-white/5 p-4 ring-1 ring-white/10">
      <Link href={`/watchlists/${list.id}`} className="text-lg font-semibold text-white hover:underline">
        {list.name}
      </Link>
      <p className="mt-1 text-sm text-slate-400">
        {list.itemCount} {list.itemCount === 1 ? 'title' : 'titles'} · {list.isPublic ? 'Public' : 'Private'}
      </p>
      {list.description && <p className="mt-2 line-clamp-2 text-sm text-slate-300">{list.description}</p>}
    </li>
  );
}
