import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Link, useLocation, useSearch } from 'wouter';
import { SignInBody } from '#shared/contracts/auth';
import { safeReturnTo } from '#shared/return-to';
import { AuthCard } from '../components/auth/auth-card.tsx';
import { TextField } from '../components/library/form-field.tsx';
import { authButton, authLink } from '../components/auth/auth-styles.ts';
import { FormAlert } from '../components/auth/form-alert.tsx';
import { OAuthButtons } from '../components/auth/oauth-buttons.tsx';
import { SignedInNotice } from '../components/auth/signed-in-notice.tsx';
import { applyServerErrors } from '../components/auth/server-errors.ts';
import { useSignedIn, useViewer } from '../hooks/use-auth.ts';
import { useApi } from '../lib/api-context.tsx';
import type { RouteDef } from '../route-types.ts';

const NOTICES: Record<string, string> = {
  oauth_denied: 'Sign-in with the provider was cancelled.',
  everywhere: 'You were signed out on every device.',
};

function SignInForm({ returnTo }: { returnTo: string }) {
  const api = useApi();
  const signedIn = useSignedIn();
  const [, navigate] = useLocation();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    resolver: zodResolver(SignInBody),
    defaultValues: { email: '', password: '', remember: false },
  });
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      await signedIn(await api.auth.signIn(values));
      navigate(returnTo);
    } catch (err) {
      setFormError(applyServerErrors(err, form.setError, ['email', 'password']));
    }
  });
  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      <TextField
        id="sign-in-email"
        label="Email or username"
        autoComplete="username"
        error={errors.email?.message}
        {...form.register('email')}
      />
      <TextField
        id="sign-in-password"
        label="Password"
        type="password"
        autoComplete="current-password"
        error={errors.password?.message}
        {...form.register('password')}
      />
      <div className="flex items-center justify-between gap-3 text-sm">
        <label htmlFor="sign-in-remember" className="flex items-center gap-2 text-slate-300">
          <input
            id="sign-in-remember"
            type="checkbox"
            className="h-4 w-4 accent-rose-600"
            {...form.register('remember')}
          />
          Keep me signed in
        </label>
        <Link href="/forgot-password" className={authLink}>
          Forgot password?
        </Link>
      </div>
      <FormAlert message={formError} />
      <button type="submit" className={authButton.primary} disabled={isSubmitting}>
        {isSubmitting ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}

export function SignInPage() {
  const search = new URLSearchParams(useSearch());
  const returnTo = safeReturnTo(search.get('returnTo'));
  const notice = NOTICES[search.get('error') ?? search.get('signedOut') ?? ''] ?? null;
  const viewer = useViewer();
  const withReturn = (path: string) => (returnTo === '/' ? path : `${path}?returnTo=${encodeURIComponent(returnTo)}`);
  return (
    <AuthCard
      title="Sign in"
      footer={
        <>
          <p>
            New here?{' '}
            <Link href={withReturn('/sign-up')} className={authLink}>
              Create an account
            </Link>
          </p>
          <p>
            <Link href={withReturn('/phone-sign-in')} className={authLink}>
              Sign in with a code by text message
            </Link>
          </p>
        </>
      }
    >
      {notice && (
        <div className="mb-4">
          <FormAlert message={notice} tone={search.get('error') ? 'error' : 'success'} />
        </div>
      )}
      {viewer ? (
        <SignedInNotice viewer={viewer} returnTo={returnTo} />
      ) : (
        <>
          <OAuthButtons returnTo={returnTo} />
          <SignInForm returnTo={returnTo} />
        </>
      )}
    </AuthCard>
  );
}

export const route: Omit<RouteDef, 'path'> = {
  page: SignInPage,
  head: () => ({
    title: 'Sign in',
    description: 'Sign in to CineHub Pro to keep favorites, watchlists and reviews.',
    canonicalPath: '/sign-in',
  }),
};
