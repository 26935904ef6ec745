import { Link } from 'wouter';
import { useSignOut, useViewer } from '../../hooks/use-auth.ts';

const item =
  'rounded-md px-2 py-1 hover:text-white focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-rose-400';

/** The header's account corner: who is signed in (rendered by the server, no flash), or the ways in. */
export function UserMenu() {
  const viewer = useViewer();
  const signOut = useSignOut();
  if (viewer === undefined) return null;
  if (viewer === null) {
    return (
      <nav aria-label="Account" className="flex shrink-0 items-center gap-2 text-sm text-slate-300">
        <Link href="/sign-in" className={item}>
          Sign in
        </Link>
        <Link
          href="/sign-up"
          className="rounded-md bg-rose-600 px-3 py-1.5 font-semibold text-white hover:bg-rose-500 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-rose-300"
        >
          Sign up
        </Link>
      </nav>
    );
  }
  const name = viewer.displayName ?? viewer.username;
  return (
    <nav aria-label="Account" className="flex shrink-0 items-center gap-2 text-sm text-slate-300">
      <Link href="/watchlists" className={`${item} hidden md:inline`}>
        Watchlists
      </Link>
      <Link href="/me" className={`${item} hidden md:inline`}>
        My library
      </Link>
      {viewer.isAdmin && (
        <Link href="/admin" className={item}>
          Admin
        </Link>
      )}
      <Link href="/account" className={item} aria-label={`Account: ${name}`}>
        <span className="inline-block max-w-32 truncate align-bottom">{name}</span>
      </Link>
      <button type="button" className={item} onClick={() => signOut.mutate()} disabled={signOut.isPending}>
        Sign out
      </button>
    </nav>
  );
}
