// A syntactic check of user-supplied image URLs at the edge (SECURITY.md, SSRF lessons). The real
// guard is the fetcher, which resolves DNS and pins the checked address; this only refuses what is
// plainly not a public https image: other schemes, credentials, odd ports, local names, and IP
// literals in private, loopback, link-local, shared, multicast or documentation ranges.

const LOCAL_SUFFIXES = ['.localhost', '.local', '.internal', '.home.arpa', '.lan'];

function ipv4Octets(host: string): number[] | null {
  const parts = host.split('.');
  if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p))) return null;
  const octets = parts.map(Number);
  return octets.every((o) => o <= 255) ? octets : null;
}

/** True for every IPv4 address that is not globally routable. */
export function isNonPublicIpv4(o: readonly number[]): boolean {
  const [a = 0, b = 0, c = 0] = o;
  return (
    a === 0 || // "this network"
    a === 10 ||
    a === 127 ||
    (a === 100 && b >= 64 && b <= 127) || // carrier-grade NAT
    (a === 169 && b === 254) || // link-local, cloud metadata
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    (a === 192 && b === 0 && (c === 0 || c === 2)) ||
    (a === 198 && (b === 18 || b === 19)) || // benchmarking
    (a === 198 && b === 51 && c === 100) ||
    (a === 203 && b === 0 && c === 113) ||
    a >= 224 // multicast, reserved, broadcast
  );
}

function ipv6Hextets(host: string): number[] | null {
  if (!host.startsWith('[') || !host.endsWith(']')) return null;
  const inner = host.slice(1, -1);
  const [head = '', tail] = inner.split('::');
  const parse = (s: string) => (s === '' ? [] : s.split(':'));
  const h = parse(head);
  const t = tail === undefined ? [] : parse(tail);
  // The WHATWG URL parser has already normalised the address; an embedded dotted quad is rewritten
  // into hex, so every group here is hex.
  const missing = 8 - h.length - t.length;
  if (tail === undefined ? h.length !== 8 : missing < 0) return null;
  const groups = [...h, ...Array<string>(tail === undefined ? 0 : missing).fill('0'), ...t];
  const nums = groups.map((g) => Number.parseInt(g, 16));
  return nums.every((n) => Number.isInteger(n) && n >= 0 && n <= 0xffff) ? nums : null;
}

/** IPv6 literals are allowed only in global unicast space, minus documentation and 6to4/NAT64 tunnels. */
export function isNonPublicIpv6(h: readonly number[]): boolean {
  const first = h[0] ?? 0;
  if (first < 0x2000 || first > 0x3fff) return true; // ::, ::1, mapped v4, fc00::/7, fe80::/10, ff00::/8…
  if (first === 0x2001 && h[1] === 0x0db8) return true;
  if (first === 0x2002) return true; // 6to4 embeds any IPv4, private ones included
  return false;
}

export type UrlProblem = string | null;

/** Why a user-supplied image URL is unacceptable, or null when it passes the syntactic check. */
export function imageUrlProblem(raw: string): UrlProblem {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'must be a valid URL';
  }
  if (url.protocol !== 'https:') return 'must be an https:// URL';
  if (url.username || url.password) return 'must not contain credentials';
  if (url.port && url.port !== '443') return 'must use the default https port';
  const host = url.hostname.toLowerCase();
  const v4 = ipv4Octets(host);
  if (v4) return isNonPublicIpv4(v4) ? 'must not point at a private or loopback address' : null;
  if (host.startsWith('[')) {
    const v6 = ipv6Hextets(host);
    return !v6 || isNonPublicIpv6(v6) ? 'must not point at a private or loopback address' : null;
  }
  const bare = host.replace(/\.$/, '');
  if (bare === 'localhost' || LOCAL_SUFFIXES.some((s) => bare.endsWith(s))) {
    return 'must not point at a local host name';
  }
  if (!bare.includes('.')) return 'must name a public host';
  return null;
}
