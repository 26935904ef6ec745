import { Link } from 'wouter';
import type { UserView } from '#shared/contracts/auth';
import { authButton } from './auth-styles.ts';

/** What the sign-in and sign-up pages show someone who is signed in already. */
export function SignedInNotice({ viewer, returnTo }: { viewer: UserView; returnTo: string }) {
  return (
    <div className="space-y-4 text-sm text-slate-300">
      <p>
        You are signed in as <strong className="text-white">{viewer.displayName ?? viewer.username}</strong>.
      </p>
      <div className="flex gap-2">
        <Link href={returnTo} className={authButton.secondary}>
          Continue
        </Link>
        <Link href="/account" className={authButton.secondary}>
          Your account
        </Link>
      </div>
    </div>
  );
}
