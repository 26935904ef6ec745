import { z } from 'zod';

type Issue = z.core.$ZodRawIssue;

const plural = (n: number | bigint, one: string, many = `${one}s`) => `${n} ${Number(n) === 1 ? one : many}`;

const typeNames: Record<string, string> = {
  number: 'a number',
  int: 'a whole number',
  string: 'text',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
  date: 'a date',
};

const formatNames: Record<string, string> = {
  email: 'an email address',
  url: 'a URL',
  uuid: 'a UUID',
  datetime: 'a date and time (ISO 8601)',
  date: 'a date (YYYY-MM-DD)',
};

function bound(iss: Extract<Issue, { code: 'too_small' | 'too_big' }>): string | undefined {
  const small = iss.code === 'too_small';
  const limit = small ? iss.minimum : iss.maximum;
  const [atLeast, moreThan] = small ? ['at least', 'more than'] : ['at most', 'less than'];
  const word = iss.inclusive === false ? moreThan : atLeast;
  switch (iss.origin) {
    case 'string':
      if (small && Number(limit) === 1) return 'must not be empty';
      return `must be ${word} ${plural(limit, 'character')}`;
    case 'array':
    case 'set':
      if (small && Number(limit) === 1) return 'must not be empty';
      return `must have ${word} ${plural(limit, 'item')}`;
    case 'number':
    case 'int':
    case 'bigint':
    case 'date':
      return `must be ${word} ${String(limit)}`;
    default:
      return undefined;
  }
}

/**
 * Messages a person can read ("must be at most 2000 characters", "must be a whole number")
 * instead of zod's defaults, for every schema on both sides: the API's 400 details and the
 * browser's form errors alike. A schema's own message always wins; anything not covered here
 * keeps zod's.
 */
export function readableIssue(iss: Issue): string | undefined {
  switch (iss.code) {
    case 'invalid_type':
      if (iss.input === undefined) return 'is required';
      return typeNames[iss.expected] ? `must be ${typeNames[iss.expected]}` : undefined;
    case 'too_small':
    case 'too_big':
      return bound(iss);
    case 'invalid_value':
      return iss.values.length === 1
        ? `must be ${String(iss.values[0])}`
        : `must be one of ${iss.values.map(String).join(', ')}`;
    case 'invalid_format':
      return formatNames[iss.format] ? `must be ${formatNames[iss.format]}` : 'is not in the expected format';
    default:
      return undefined;
  }
}

z.config({ customError: readableIssue });
