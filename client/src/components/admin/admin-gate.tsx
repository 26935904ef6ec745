import { Link } from 'wouter';
import { signInHref } from '../library/favorite-button.tsx';

/** /admin for a visitor who is not signed in (the server answers 401 with this page). */
export function AdminSignIn({ returnTo }: { returnTo: string }) {
  return (
    <main id="main" className="mx-auto max-w-3xl px-4 py-24 text-center">
      <p className="text-sm font-semibold uppercase tracking-widest text-rose-400">401</p>
      <h1 className="mt-2 text-3xl font-bold">Sign in to continue</h1>
      <p className="mt-4 text-slate-400">
        The admin area is for CineHub Pro administrators. Sign in with an admin account to go on.
      </p>
      <Link
        href={signInHref(returnTo)}
        className="mt-8 inline-block rounded-md bg-rose-600 px-4 py-2 font-medium hover:bg-rose-500"
      >
        Sign in
      </Link>
    </main>
  );
}

/** /admin for a signed-in user who is not an admin (the server answers 403 with this page). */
export function AdminForbidden() {
  return (
    <main id="main" className="mx-auto max-w-3xl px-4 py-24 text-center">
      <p className="text-sm font-semibold uppercase tracking-widest text-rose-400">403</p>
      <h1 className="mt-2 text-3xl font-bold">Admins only</h1>
      <p className="mt-4 text-slate-400">
        Your account cannot open the admin area. If you think it should, ask an administrator.
      </p>
      <Link href="/" className="mt-8 inline-block rounded-md bg-rose-600 px-4 py-2 font-medium hover:bg-rose-500">
        Back to the home page
      </Link>
    </main>
  );
}
