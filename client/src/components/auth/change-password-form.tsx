import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { ChangePasswordBody, PASSWORD_MAX_BYTES, PASSWORD_MIN } from '#shared/contracts/auth';
import { useApi } from '../../lib/api-context.tsx';
import { TextField } from '../library/form-field.tsx';
import { authButton } from './auth-styles.ts';
import { FormAlert } from './form-alert.tsx';
import { applyServerErrors } from './server-errors.ts';

/** Changes the password (or sets a first one for Google/GitHub/phone accounts); other devices are signed out. */
export function ChangePasswordForm({ hasPassword }: { hasPassword: boolean }) {
  const api = useApi();
  const [message, setMessage] = useState<{ text: string; tone: 'error' | 'success' } | null>(null);
  const form = useForm({
    resolver: zodResolver(ChangePasswordBody),
    defaultValues: { currentPassword: undefined, newPassword: '' },
  });
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(async (values) => {
    setMessage(null);
    try {
      await api.auth.changePassword(values);
      form.reset({ currentPassword: undefined, newPassword: '' });
      setMessage({ text: 'Password changed. Every other device was signed out.', tone: 'success' });
    } catch (err) {
      const text = applyServerErrors(err, form.setError, ['currentPassword', 'newPassword']);
      if (text) setMessage({ text, tone: 'error' });
    }
  });
  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      {hasPassword && (
        <TextField
          id="current-password"
          label="Current password"
          type="password"
          autoComplete="current-password"
          error={errors.currentPassword?.message}
          {...form.register('currentPassword')}
        />
      )}
      <TextField
        id="new-password"
        label={hasPassword ? 'New password' : 'Password'}
        type="password"
        autoComplete="new-password"
        hint={`At least ${PASSWORD_MIN} characters (at most ${PASSWORD_MAX_BYTES} bytes).`}
        error={errors.newPassword?.message}
        {...form.register('newPassword')}
      />
      <FormAlert message={message?.text ?? null} tone={message?.tone} />
      <button type="submit" className={authButton.secondary} disabled={isSubmitting}>
        {hasPassword ? 'Change password' : 'Set a password'}
      </button>
    </form>
  );
}
