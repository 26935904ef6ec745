import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import './messages.ts';

const messageOf = (schema: z.ZodType, value: unknown) => {
  const r = schema.safeParse(value);
  expect(r.success).toBe(false);
  return r.error!.issues[0]!.message;
};

describe('readable validation messages', () => {
  it.each([
    ['must be a number', z.object({ id: z.coerce.number() }), { id: 'abc' }],
    ['must be a whole number', z.number().int(), 1.5],
    ['is required', z.object({ title: z.string() }), {}],
    ['must be text', z.string(), 12],
    ['must not be empty', z.string().min(1), ''],
    ['must be at least 8 characters', z.string().min(8), 'short'],
    ['must be at most 1 character', z.string().max(1), 'ab'],
    ['must have at most 2 items', z.array(z.string()).max(2), ['a', 'b', 'c']],
    ['must be at least 1', z.number().min(1), 0],
    ['must be more than 0', z.number().positive(), 0],
    ['must be at most 10', z.number().max(10), 11],
    ['must be one of day, week', z.enum(['day', 'week']), 'month'],
    ['must be yes', z.literal('yes'), 'no'],
    ['must be an email address', z.email(), 'nobody'],
    ['is not in the expected format', z.string().regex(/^\d+$/), 'x'],
  ])('%s', (message, schema, value) => {
    expect(messageOf(schema as z.ZodType, value)).toBe(message);
  });

  it("keeps a schema's own message", () => {
    expect(messageOf(z.string().min(3, 'too short, use three letters'), 'a')).toBe('too short, use three letters');
  });
});
