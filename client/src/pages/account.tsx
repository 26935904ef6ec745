import type { ReactNode } from 'react';
import { Link } from 'wouter';
import { authButton } from '../components/auth/auth-styles.ts';
import { ChangePasswordForm } from '../components/auth/change-password-form.tsx';
import { ProfileForm } from '../components/auth/profile-form.tsx';
import { SignInMethods } from '../components/auth/sign-in-methods.tsx';
import { SignOutEverywhere } from '../components/auth/sign-out-everywhere.tsx';
import { useViewer } from '../hooks/use-auth.ts';
import type { RouteDef } from '../route-types.ts';

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="rounded-2xl border border-white/10 bg-slate-900/60 p-6">
      <h2 id={id} className="mb-4 text-lg font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

export function AccountPage() {
  const user = useViewer();
  if (!user) {
    return (
      <main id="main" className="mx-auto max-w-md px-4 py-16 text-center">
        <h1 className="text-2xl font-bold">Your account</h1>
        <p className="mt-3 text-slate-400">Sign in to see and change your account.</p>
        <Link href="/sign-in?returnTo=%2Faccount" className={`${authButton.primary} mt-6`}>
          Sign in
        </Link>
      </main>
    );
  }
  return (
    <main id="main" className="mx-auto w-full max-w-3xl space-y-6 px-4 py-10">
      <div>
        <h1 className="text-3xl font-bold tracking-tight">Your account</h1>
        <p className="mt-1 text-slate-400">
          Signed in as <strong className="text-white">@{user.username}</strong>
          {user.isAdmin && <span className="ml-2 rounded bg-rose-600/20 px-2 py-0.5 text-xs text-rose-300">admin</span>}
        </p>
      </div>
      <Section id="account-profile" title="Profile">
        <ProfileForm user={user} />
      </Section>
      <Section id="account-methods" title="Sign-in methods">
        <SignInMethods user={user} />
      </Section>
      <Section id="account-password" title="Password">
        <ChangePasswordForm hasPassword={user.providers.includes('password')} />
      </Section>
      <Section id="account-sessions" title="Sessions">
        <SignOutEverywhere />
      </Section>
    </main>
  );
}

export const route: Omit<RouteDef, 'path'> = {
  page: AccountPage,
  head: () => ({ title: 'Your account' }),
};
