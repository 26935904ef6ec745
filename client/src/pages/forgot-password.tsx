import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Link } from 'wouter';
import { ForgotPasswordBody } from '#shared/contracts/auth';
import { AuthCard } from '../components/auth/auth-card.tsx';
import { TextField } from '../components/library/form-field.tsx';
import { authButton, authLink } from '../components/auth/auth-styles.ts';
import { FormAlert } from '../components/auth/form-alert.tsx';
import { applyServerErrors } from '../components/auth/server-errors.ts';
import { useApi } from '../lib/api-context.tsx';
import type { RouteDef } from '../route-types.ts';

export function ForgotPasswordPage() {
  const api = useApi();
  const [sent, setSent] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({ resolver: zodResolver(ForgotPasswordBody), defaultValues: { email: '' } });
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      setSent(await api.auth.forgotPassword(values));
    } catch (err) {
      setFormError(applyServerErrors(err, form.setError, ['email']));
    }
  });
  return (
    <AuthCard
      title="Forgot your password?"
      intro="Enter the email of your account and we will send a link to choose a new password."
      footer={
        <p>
          <Link href="/sign-in" className={authLink}>
            Back to sign in
          </Link>
        </p>
      }
    >
      {sent ? (
        <FormAlert message={sent} tone="success" />
      ) : (
        <form onSubmit={submit} noValidate className="space-y-4">
          <TextField
            id="forgot-email"
            label="Email"
            type="email"
            autoComplete="email"
            error={errors.email?.message}
            {...form.register('email')}
          />
          <FormAlert message={formError} />
          <button type="submit" className={authButton.primary} disabled={isSubmitting}>
            Send the link
          </button>
        </form>
      )}
    </AuthCard>
  );
}

export const route: Omit<RouteDef, 'path'> = {
  page: ForgotPasswordPage,
  head: () => ({ title: 'Forgot password' }),
};
