import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { CustomTitleBody, type CustomTitleView } from '#shared/contracts/library';
import { applyFieldErrors, errorText } from '../../hooks/use-library.ts';
import { buttonClass, FormError, TextField } from './form-field.tsx';

/** Create or edit a custom title with the route's own schema (title, year YYYY, https image URL). */
export function CustomTitleForm({
  initial,
  onSubmit,
  submitLabel,
}: {
  initial?: Pick<CustomTitleView, 'title' | 'year' | 'imageUrl'>;
  submitLabel: string;
  onSubmit: (body: CustomTitleBody) => Promise<unknown>;
}) {
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    resolver: zodResolver(CustomTitleBody),
    defaultValues: { title: initial?.title ?? '', year: initial?.year ?? '', imageUrl: initial?.imageUrl ?? '' },
  });
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      await onSubmit(values);
    } catch (err) {
      if (!applyFieldErrors(err, form.setError, ['title', 'year', 'imageUrl'])) setFormError(errorText(err));
    }
  });
  return (
    <form onSubmit={submit} noValidate className="max-w-lg space-y-4">
      <TextField
        id="custom-title"
        label="Title"
        autoComplete="off"
        error={errors.title?.message}
        {...form.register('title')}
      />
      <TextField
        id="custom-year"
        label="Year (optional)"
        inputMode="numeric"
        placeholder="YYYY"
        error={errors.year?.message}
        {...form.register('year')}
      />
      <TextField
        id="custom-image"
        label="Poster image URL (optional)"
        type="url"
        placeholder="https://…"
        hint="A public https address of an image."
        error={errors.imageUrl?.message}
        {...form.register('imageUrl')}
      />
      <FormError message={formError} />
      <button type="submit" className={buttonClass.primary} disabled={isSubmitting}>
        {submitLabel}
      </button>
    </form>
  );
}
