import { forwardRef, type InputHTMLAttributes, type TextareaHTMLAttributes } from 'react';
import { cn } from '../../lib/cn.ts';

const control =
  'mt-1 block w-full rounded-lg border border-white/15 bg-slate-900 px-3 py-2 text-sm text-white placeholder:text-slate-500 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-rose-400 aria-[invalid=true]:border-rose-500';

interface FieldProps {
  id: string;
  label: string;
  error?: string;
  hint?: string;
}

function Messages({ id, error, hint }: Omit<FieldProps, 'label'>) {
  return (
    <>
      {hint && (
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-400">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="mt-1 text-xs text-rose-400">
          {error}
        </p>
      )}
    </>
  );
}

const describedBy = ({ id, error, hint }: Omit<FieldProps, 'label'>) =>
  [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;

/** A labelled input whose error is tied to it (aria-describedby, aria-invalid). */
export const TextField = forwardRef<HTMLInputElement, FieldProps & InputHTMLAttributes<HTMLInputElement>>(
  function TextField({ id, label, error, hint, className, ...input }, ref) {
    return (
      <div className={className}>
        <label htmlFor={id} className="block text-sm font-medium text-slate-200">
          {label}
        </label>
        <input
          ref={ref}
          id={id}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy({ id, error, hint })}
          className={control}
          {...input}
        />
        <Messages id={id} error={error} hint={hint} />
      </div>
    );
  },
);

export const TextArea = forwardRef<HTMLTextAreaElement, FieldProps & TextareaHTMLAttributes<HTMLTextAreaElement>>(
  function TextArea({ id, label, error, hint, className, ...input }, ref) {
    return (
      <div className={className}>
        <label htmlFor={id} className="block text-sm font-medium text-slate-200">
          {label}
        </label>
        <textarea
          ref={ref}
          id={id}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy({ id, error, hint })}
          className={cn(control, 'min-h-24')}
          {...input}
        />
        <Messages id={id} error={error} hint={hint} />
      </div>
    );
  },
);

export const buttonClass = {
  primary:
    'inline-flex items-center justify-center gap-2 rounded-lg bg-rose-600 px-4 py-2 text-sm font-semibold text-white hover:bg-rose-500 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-rose-300 disabled:opacity-60',
  secondary:
    'inline-flex items-center justify-center gap-2 rounded-lg bg-white/10 px-4 py-2 text-sm font-semibold text-white ring-1 ring-white/15 hover:bg-white/20 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-rose-400 disabled:opacity-60',
  danger:
    'inline-flex items-center justify-center gap-2 rounded-lg px-4 py-2 text-sm font-semibold text-rose-300 ring-1 ring-rose-500/40 hover:bg-rose-500/10 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-rose-400 disabled:opacity-60',
  icon: 'inline-flex h-8 w-8 items-center justify-center rounded-md text-slate-300 hover:bg-white/10 hover:text-white focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-rose-400 disabled:opacity-30 aria-disabled:cursor-default aria-disabled:opacity-30',
};

/** Shown beside a form when the server refused it for a reason no field carries. */
export function FormError({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <p role="alert" className="rounded-lg bg-rose-500/10 px-3 py-2 text-sm text-rose-300">
      {message}
    </p>
  );
}
