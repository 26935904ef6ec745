import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Link, useSearch } from 'wouter';
import { PASSWORD_MAX_BYTES, PASSWORD_MIN, ResetPasswordBody } from '#shared/contracts/auth';
import { AuthCard } from '../components/auth/auth-card.tsx';
import { TextField } from '../components/library/form-field.tsx';
import { authButton, authLink } from '../components/auth/auth-styles.ts';
import { FormAlert } from '../components/auth/form-alert.tsx';
import { applyServerErrors } from '../components/auth/server-errors.ts';
import { useApi } from '../lib/api-context.tsx';
import type { RouteDef } from '../route-types.ts';

export function ResetPasswordPage() {
  const api = useApi();
  const token = new URLSearchParams(useSearch()).get('token') ?? '';
  const [done, setDone] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({ resolver: zodResolver(ResetPasswordBody), values: { token, password: '' } });
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      await api.auth.resetPassword(values);
      setDone(true);
    } catch (err) {
      setFormError(applyServerErrors(err, form.setError, ['password']));
    }
  });
  const footer = (
    <p>
      <Link href="/forgot-password" className={authLink}>
        Ask for a new link
      </Link>
    </p>
  );
  if (!token) {
    return (
      <AuthCard title="Choose a new password" footer={footer}>
        <FormAlert message="This page needs the link from the email we sent you." />
      </AuthCard>
    );
  }
  return (
    <AuthCard
      title="Choose a new password"
      intro="You will be signed out everywhere else."
      footer={done ? undefined : footer}
    >
      {done ? (
        <div className="space-y-4">
          <FormAlert message="Your password is changed." tone="success" />
          <Link href="/sign-in" className={authButton.primary}>
            Sign in
          </Link>
        </div>
      ) : (
        <form onSubmit={submit} noValidate className="space-y-4">
          <TextField
            id="reset-password"
            label="New password"
            type="password"
            autoComplete="new-password"
            hint={`At least ${PASSWORD_MIN} characters (at most ${PASSWORD_MAX_BYTES} bytes).`}
            error={errors.password?.message ?? errors.token?.message}
            {...form.register('password')}
          />
          <FormAlert message={formError} />
          <button type="submit" className={authButton.primary} disabled={isSubmitting}>
            Save the new password
          </button>
        </form>
      )}
    </AuthCard>
  );
}

export const route: Omit<RouteDef, 'path'> = {
  page: ResetPasswordPage,
  head: () => ({ title: 'Choose a new password' }),
};
