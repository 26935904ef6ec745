import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { CreateWatchlistBody } from '#shared/contracts/library';
import { applyFieldErrors, errorText } from '../../hooks/use-library.ts';
import { buttonClass, FormError, TextArea, TextField } from './form-field.tsx';

type Values = CreateWatchlistBody;

interface WatchlistFormProps {
  idPrefix: string;
  initial?: Partial<Values>;
  submitLabel: string;
  /** Throws the API's error on failure; its field details land on the fields. */
  onSubmit: (values: Values) => Promise<unknown>;
  compact?: boolean;
}

/** Name, description and visibility of a watchlist, checked with the route's own schema. */
export function WatchlistForm({ idPrefix, initial, submitLabel, onSubmit, compact = false }: WatchlistFormProps) {
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    resolver: zodResolver(CreateWatchlistBody),
    defaultValues: {
      name: initial?.name ?? '',
      description: initial?.description ?? '',
      isPublic: initial?.isPublic ?? false,
    },
  });
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      await onSubmit({ ...values, description: values.description || null });
      if (!initial) form.reset();
    } catch (err) {
      if (!applyFieldErrors(err, form.setError, ['name', 'description', 'isPublic'])) setFormError(errorText(err));
    }
  });
  return (
    <form onSubmit={submit} noValidate className="space-y-3">
      <TextField
        id={`${idPrefix}-name`}
        label="Name"
        autoComplete="off"
        error={errors.name?.message}
        {...form.register('name')}
      />
      {!compact && (
        <TextArea
          id={`${idPrefix}-description`}
          label="Description (optional)"
          error={errors.description?.message}
          {...form.register('description')}
        />
      )}
      <div className="flex items-center gap-2">
        <input
          id={`${idPrefix}-public`}
          type="checkbox"
          className="h-4 w-4 accent-rose-600"
          {...form.register('isPublic')}
        />
        <label htmlFor={`${idPrefix}-public`} className="text-sm text-slate-200">
          Public: anyone with the link can see it
        </label>
      </div>
      <FormError message={formError} />
      <button type="submit" className={buttonClass.primary} disabled={isSubmitting}>
        {submitLabel}
      </button>
    </form>
  );
}
