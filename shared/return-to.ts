const BASE = 'http://return-to.invalid';

const hasControlOrBackslash = (s: string) =>
  [...s].some((c) => c === '\\' || c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f);

/**
 * Where to send someone after signing in: a path on this site, or the fallback. `//evil.com`,
 * `/\evil.com`, absolute URLs, control characters and API paths are refused (open redirects).
 */
export function safeReturnTo(value: unknown, fallback = '/'): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 2000) return fallback;
  // Browsers treat `\` like `/` and drop tabs/newlines, so `/\evil.com` or `/\t/evil.com` would leave the site.
  if (!value.startsWith('/') || value.startsWith('//') || hasControlOrBackslash(value)) return fallback;
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE || url.pathname.startsWith('/api/')) return fallback;
  const out = `${url.pathname}${url.search}${url.hash}`;
  // Dot segments collapse on parsing: `/.//evil.com` comes out as `//evil.com`. Check the result.
  if (out.startsWith('//') || hasControlOrBackslash(out)) return fallback;
  return out;
}
