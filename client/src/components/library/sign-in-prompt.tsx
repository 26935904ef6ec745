import { Link } from 'wouter';
import { signInHref } from './favorite-button.tsx';

/** What a signed-out visitor sees on a page that is about their own library. */
export function SignInPrompt({ returnTo, what }: { returnTo: string; what: string }) {
  return (
    <div className="mx-4 rounded-2xl border border-dashed border-white/15 px-6 py-16 text-center">
      <h2 className="text-lg font-semibold">Sign in to see {what}</h2>
      <p className="mt-2 text-slate-400">
        <Link href={signInHref(returnTo)} className="text-rose-300 underline">
          Sign in
        </Link>{' '}
        or{' '}
        <Link href="/sign-up" className="text-rose-300 underline">
          create an account
        </Link>
        .
      </p>
    </div>
  );
}
