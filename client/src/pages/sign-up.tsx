import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Link, useLocation, useSearch } from 'wouter';
import { PASSWORD_MAX_BYTES, PASSWORD_MIN, SignUpBody } from '#shared/contracts/auth';
import { safeReturnTo } from '#shared/return-to';
import { AuthCard } from '../components/auth/auth-card.tsx';
import { TextField } from '../components/library/form-field.tsx';
import { authButton, authLink } from '../components/auth/auth-styles.ts';
import { FormAlert } from '../components/auth/form-alert.tsx';
import { OAuthButtons } from '../components/auth/oauth-buttons.tsx';
import { applyServerErrors } from '../components/auth/server-errors.ts';
import { SignedInNotice } from '../components/auth/signed-in-notice.tsx';
import { useSignedIn, useViewer } from '../hooks/use-auth.ts';
import { useApi } from '../lib/api-context.tsx';
import type { RouteDef } from '../route-types.ts';

const FIELDS = ['email', 'username', 'displayName', 'password'] as const;
const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

function SignUpForm({ returnTo }: { returnTo: string }) {
  const api = useApi();
  const signedIn = useSignedIn();
  const [, navigate] = useLocation();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({ resolver: zodResolver(SignUpBody), defaultValues: { email: '', username: '', password: '' } });
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      await signedIn(await api.auth.signUp(values));
      navigate(returnTo);
    } catch (err) {
      setFormError(applyServerErrors(err, form.setError, FIELDS));
    }
  });
  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      <TextField
        id="sign-up-email"
        label="Email"
        type="email"
        autoComplete="email"
        error={errors.email?.message}
        {...form.register('email')}
      />
      <TextField
        id="sign-up-username"
        label="Username"
        autoComplete="username"
        hint="Shown on your reviews and public lists."
        error={errors.username?.message}
        {...form.register('username')}
      />
      <TextField
        id="sign-up-display-name"
        label="Display name (optional)"
        autoComplete="name"
        error={errors.displayName?.message}
        {...form.register('displayName', { setValueAs: blankToUndefined })}
      />
      <TextField
        id="sign-up-password"
        label="Password"
        type="password"
        autoComplete="new-password"
        hint={`At least ${PASSWORD_MIN} characters (at most ${PASSWORD_MAX_BYTES} bytes). A few unrelated words make a strong one.`}
        error={errors.password?.message}
        {...form.register('password')}
      />
      <FormAlert message={formError} />
      <button type="submit" className={authButton.primary} disabled={isSubmitting}>
        {isSubmitting ? 'Creating your account…' : 'Create account'}
      </button>
    </form>
  );
}

export function SignUpPage() {
  const returnTo = safeReturnTo(new URLSearchParams(useSearch()).get('returnTo'));
  const viewer = useViewer();
  const signInHref = returnTo === '/' ? '/sign-in' : `/sign-in?returnTo=${encodeURIComponent(returnTo)}`;
  return (
    <AuthCard
      title="Create your account"
      intro="Keep favorites and watchlists, and review what you watch."
      footer={
        <p>
          Already have an account?{' '}
          <Link href={signInHref} className={authLink}>
            Sign in
          </Link>
        </p>
      }
    >
      {viewer ? (
        <SignedInNotice viewer={viewer} returnTo={returnTo} />
      ) : (
        <>
          <OAuthButtons returnTo={returnTo} verb="Sign up" />
          <SignUpForm returnTo={returnTo} />
        </>
      )}
    </AuthCard>
  );
}

export const route: Omit<RouteDef, 'path'> = {
  page: SignUpPage,
  head: () => ({
    title: 'Create an account',
    description: 'Join CineHub Pro: favorites, watchlists and reviews.',
    canonicalPath: '/sign-up',
  }),
};
