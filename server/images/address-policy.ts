import { BlockList, isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

// ipaddr.js classifies the well-known ranges (private, loopback, link-local and the metadata
// address 169.254.169.254, carrier-grade NAT, multicast, unique-local fc00::/7 and fd00:ec2::254,
// 6to4, Teredo, NAT64, documentation, reserved); anything it does not call "unicast" is refused.
// These are special-purpose blocks it leaves as unicast.
const EXTRA = new BlockList();
EXTRA.addSubnet('198.18.0.0', 15, 'ipv4'); // benchmarking
EXTRA.addSubnet('::', 96, 'ipv6'); // IPv4-compatible (::127.0.0.1)
EXTRA.addSubnet('100::', 64, 'ipv6'); // discard
EXTRA.addSubnet('2001::', 23, 'ipv6'); // IETF protocol assignments
EXTRA.addSubnet('64:ff9b:1::', 48, 'ipv6'); // local-use NAT64
EXTRA.addSubnet('fec0::', 10, 'ipv6'); // site-local (deprecated, still routed inside some networks)
EXTRA.addSubnet('3fff::', 20, 'ipv6'); // documentation

/**
 * True only for an address on the public internet. IPv4-mapped IPv6 (::ffff:10.0.0.1) is judged
 * as the IPv4 address it carries. Anything unparsable is not public.
 */
export function isPublicAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '').split('%')[0] ?? '';
  if (!isIP(bare) || !ipaddr.isValid(bare)) return false;
  let ip: ipaddr.IPv4 | ipaddr.IPv6 = ipaddr.parse(bare);
  if (ip.kind() === 'ipv6' && (ip as ipaddr.IPv6).isIPv4MappedAddress()) ip = (ip as ipaddr.IPv6).toIPv4Address();
  if (ip.range() !== 'unicast') return false;
  return !EXTRA.check(ip.toString(), ip.kind() === 'ipv4' ? 'ipv4' : 'ipv6');
}
