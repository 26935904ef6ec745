import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { ReviewFields } from '#shared/contracts/library';
import { applyFieldErrors, errorText } from '../../hooks/use-library.ts';
import { buttonClass, FormError, TextArea } from './form-field.tsx';

const RATINGS = Array.from({ length: 21 }, (_, i) => i / 2);

interface ReviewFormProps {
  idPrefix: string;
  initial?: ReviewFields;
  submitLabel: string;
  onSubmit: (values: ReviewFields) => Promise<unknown>;
  onCancel?: () => void;
}

/** Rating (0–10 in halves) and text, checked with the API's own schema; server errors land on fields. */
export function ReviewForm({ idPrefix, initial, submitLabel, onSubmit, onCancel }: ReviewFormProps) {
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({ resolver: zodResolver(ReviewFields), defaultValues: initial ?? { rating: 7, content: '' } });
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      await onSubmit(values);
      if (!initial) form.reset();
    } catch (err) {
      if (!applyFieldErrors(err, form.setError, ['rating', 'content'])) setFormError(errorText(err));
    }
  });
  const ratingId = `${idPrefix}-rating`;
  return (
    <form onSubmit={submit} noValidate className="space-y-3">
      <div>
        <label htmlFor={ratingId} className="block text-sm font-medium text-slate-200">
          Rating (out of 10)
        </label>
        <select
          id={ratingId}
          aria-invalid={errors.rating ? true : undefined}
          aria-describedby={errors.rating ? `${ratingId}-error` : undefined}
          className="mt-1 rounded-lg border border-white/15 bg-slate-900 px-3 py-2 text-sm"
          {...form.register('rating', { setValueAs: (v: string | number) => Number(v) })}
        >
          {RATINGS.map((r) => (
            <option key={r} value={r}>
              {r.toFixed(1)}
            </option>
          ))}
        </select>
        {errors.rating && (
          <p id={`${ratingId}-error`} className="mt-1 text-xs text-rose-400">
            {errors.rating.message}
          </p>
        )}
      </div>
      <TextArea
        id={`${idPrefix}-content`}
        label="Your review"
        rows={5}
        error={errors.content?.message}
        {...form.register('content')}
      />
      <FormError message={formError} />
      <div className="flex gap-2">
        <button type="submit" className={buttonClass.primary} disabled={isSubmitting}>
          {submitLabel}
        </button>
        {onCancel && (
          <button type="button" className={buttonClass.secondary} onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
