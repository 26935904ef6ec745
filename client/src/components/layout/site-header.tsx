import { Link } from 'wouter';
import { UserMenu } from '../auth/user-menu.tsx';
import { HeaderSearch } from './header-search.tsx';

export function SiteHeader() {
  return (
    <header className="sticky top-0 z-30 border-b border-white/10 bg-slate-950/90 backdrop-blur">
      <div className="mx-auto flex h-14 max-w-7xl items-center gap-4 px-4 sm:gap-6">
        <Link href="/" className="flex shrink-0 items-center gap-2 whitespace-nowrap text-lg font-bold tracking-tight">
          <span aria-hidden="true" className="inline-block h-6 w-6 rounded-md bg-rose-600" />
          {/* On a phone the mark alone, so the nav and the account menu fit on one line. */}
          <span className="sr-only sm:not-sr-only">CineHub Pro</span>
        </Link>
        <nav aria-label="Main" className="flex items-center gap-4 whitespace-nowrap text-sm text-slate-300">
          <Link href="/" className="hidden hover:text-white sm:inline">
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
