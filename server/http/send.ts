import type { Response } from 'express';
import type { z } from 'zod';

/**
 * Sends a body shaped by its response schema: zod keeps only the schema's keys, so a stray
 * column (a password hash, a token) cannot leak even if a service returned a whole row.
 * A value that does not fit its schema is our bug: it throws and becomes a 500.
 */
export function send<S extends z.ZodTypeAny>(res: Response, status: number, schema: S, value: z.input<S>): void {
  res.status(status).json(schema.parse(value));
}
