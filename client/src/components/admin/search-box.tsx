import { useState, type FormEvent } from 'react';
import { useLocation } from 'wouter';
import { buttonClass } from '../library/form-field.tsx';

/**
 * A search over the current admin list: a plain GET form (works before hydration too), submitted
 * as a client-side navigation to `?q=` once the page is live. A new search starts at page 1.
 */
export function SearchBox({
  id,
  label,
  initial,
  placeholder,
}: {
  id: string;
  label: string;
  initial: string;
  placeholder?: string;
}) {
  const [location, navigate] = useLocation();
  const [value, setValue] = useState(initial);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const q = value.trim();
    navigate(q ? `${location}?q=${encodeURIComponent(q)}` : location);
  };
  return (
    <form role="search" method="get" action={location} onSubmit={submit} className="mb-4 flex max-w-xl items-end gap-2">
      <div className="flex-1">
        <label htmlFor={id} className="block text-sm font-medium text-slate-200">
          {label}
        </label>
        <input
          id={id}
          name="q"
          type="search"
          value={value}
          maxLength={200}
          placeholder={placeholder}
          onChange={(e) => setValue(e.target.value)}
          className="mt-1 block w-full rounded-lg border border-white/15 bg-slate-900 px-3 py-2 text-sm text-white placeholder:text-slate-500 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-rose-400"
        />
      </div>
      <button type="submit" className={buttonClass.secondary}>
        Search
      </button>
    </form>
  );
}
