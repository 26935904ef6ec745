import { isApiError } from '#shared/api';

type SetError = (field: never, error: { type: string; message: string }) => void;

/**
 * Puts a failed request's API.md `details[]` onto the form's fields with setError; returns the
 * message for the whole form (the API's own words when no field took it).
 */
export function applyServerErrors(err: unknown, setError: SetError, fields: readonly string[]): string | null {
  if (!isApiError(err)) return 'Something went wrong; please try again.';
  let placed = false;
  for (const d of err.details ?? []) {
    if (fields.includes(d.field)) {
      setError(d.field as never, { type: 'server', message: d.message });
      placed = true;
    }
  }
  if (placed) return null;
  if (err.status === 429) return 'Too many attempts. Please wait a while and try again.';
  return err.details?.[0]?.message ?? err.message;
}
