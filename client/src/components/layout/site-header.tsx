import { Link } from 'wouter';
import { UserMenu } from '../auth/user-menu.tsx';
import { HeaderSearch } from './header-search.tsx';

export function SiteHeader() {
  return (
    <header className="sticky top-0 z-30 border-b border-white/10 bg-slate-950/90 backdrop-blur">
      <div className="mx-auto flex h-14 max-w-7xl items-center gap-6 px-4">
        <Link href="/" className="flex items-center gap-2 text-lg font-bold tracking-tight">
          <span aria-hidden="true" className="inline-block h-6 w-6 rounded-md bg-rose-600" />
          CineHub Pro
        </Link>
        <nav aria-label="Main" className="flex items-center gap-4 text-sm text-slate-300">
          <Link href="/" className="hover:text-white">
            Home
          </Link>
          <Link href="/movies" className="hover:text-white">
            Movies
          </Link>
          <Link href="/tv" className="hover:text-white">
            TV
          </Link>
          <Link href="/search" className="hover:text-white sm:hidden">
            Search
          </Link>
        </nav>
        <div className="ml-auto hidden w-full max-w-xs sm:block lg:max-w-sm">
          <HeaderSearch />
        </div>
        <div className="ml-auto sm:ml-0">
          <UserMenu />
        </div>
      </div>
    </header>
  );
}
