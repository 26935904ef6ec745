import type { z } from 'zod';
import '#shared/contracts/messages';
import { ValidationError } from './errors.ts';

/** The only path from zod to a 400: a failed parse becomes ValidationError with field details. */
export function validate<S extends z.ZodTypeAny>(schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new ValidationError(
    parsed.error.issues.map((issue) => {
      if (issue.code === 'unrecognized_keys') {
        return { field: issue.keys.join(', '), message: `Unknown or read-only field: ${issue.keys.join(', ')}` };
      }
      return { field: issue.path.join('.') || '(body)', message: issue.message };
    }),
  );
}
