import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { UpdateProfileBody, type UserView } from '#shared/contracts/auth';
import { useUserUpdated } from '../../hooks/use-auth.ts';
import { useApi } from '../../lib/api-context.tsx';
import { TextField } from '../library/form-field.tsx';
import { authButton } from './auth-styles.ts';
import { FormAlert } from './form-alert.tsx';
import { applyServerErrors } from './server-errors.ts';

const FIELDS = ['displayName', 'firstName', 'lastName'] as const;
const blankToNull = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v);

/** Display name and real names; an emptied field is cleared. */
export function ProfileForm({ user }: { user: UserView }) {
  const api = useApi();
  const updated = useUserUpdated();
  const [message, setMessage] = useState<{ text: string; tone: 'error' | 'success' } | null>(null);
  const form = useForm({
    resolver: zodResolver(UpdateProfileBody),
    defaultValues: {
      displayName: user.displayName ?? '',
      firstName: user.firstName ?? '',
      lastName: user.lastName ?? '',
    },
  });
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(async (values) => {
    setMessage(null);
    try {
      updated(await api.auth.updateProfile(values));
      setMessage({ text: 'Profile saved.', tone: 'success' });
    } catch (err) {
      const text = applyServerErrors(err, form.setError, FIELDS);
      if (text) setMessage({ text, tone: 'error' });
    }
  });
  const field = (name: (typeof FIELDS)[number], label: string, autoComplete: string) => (
    <TextField
      id={`profile-${name}`}
      label={label}
      autoComplete={autoComplete}
      error={errors[name]?.message}
      {...form.register(name, { setValueAs: blankToNull })}
    />
  );
  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      {field('displayName', 'Display name', 'nickname')}
      <div className="grid gap-4 sm:grid-cols-2">
        {field('firstName', 'First name', 'given-name')}
        {field('lastName', 'Last name', 'family-name')}
      </div>
      <FormAlert message={message?.text ?? null} tone={message?.tone} />
      <button type="submit" className={authButton.secondary} disabled={isSubmitting}>
        Save profile
      </button>
    </form>
  );
}
