import { describe, expect, it } from 'vitest';
import { safeReturnTo } from './return-to.ts';

describe('safeReturnTo', () => {
  it.each(['/', '/movies', '/movie/603?tab=cast#reviews', '/search?q=a%2Fb'])('keeps the on-site path %s', (path) => {
    expect(safeReturnTo(path)).toBe(path);
  });

  it.each([
    '//evil.test',
    '//evil.test/path',
    '/\\evil.test',
    '\\\\evil.test',
    '/\t/evil.test',
    '/\n/evil.test',
    '/.//evil.test',
    '/a/..//evil.test',
    '/%2e//evil.test',
    'https://evil.test/',
    'http:/evil.test',
    'javascript:alert(1)',
    'movies',
    '',
    '/api/auth/logout',
    `/${'x'.repeat(2001)}`,
  ])('refuses %j', (value) => {
    expect(safeReturnTo(value)).toBe('/');
  });

  it('refuses non-strings and honours the fallback', () => {
    expect(safeReturnTo(['/a'])).toBe('/');
    expect(safeReturnTo(undefined, '/account')).toBe('/account');
  });
});
