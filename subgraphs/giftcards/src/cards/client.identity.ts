import { isIPv4, isIPv6 } from 'node:net';
import type { Caller } from '@bloom/kernel';

/**
 * The budget of callers that bring neither an address nor an account (a gateway that does not
 * stamp addresses, a direct internal call): shared, so still bounded rather than unlimited.
 */
export const UNKNOWN_CLIENT = 'unknown';

/** Eight 16-bit groups of a valid IPv6 address (zone already removed). */
function ipv6Groups(address: string): number[] {
  let text = address;
  const tail = text.slice(text.lastIndexOf(':') + 1);
  if (tail.includes('.')) {
    // An embedded IPv4 address (`::ffff:192.0.2.1`) is the last two groups.
    const [a = 0, b = 0, c = 0, d = 0] = tail.split('.').map(Number);
    text = `${text.slice(0, -tail.length)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', rest] = text.split('::');
  const groups = (part: string) => (part ? part.split(':').map((g) => parseInt(g, 16)) : []);
  const left = groups(head);
  const right = rest === undefined ? [] : groups(rest);
  return [...left, ...Array<number>(8 - left.length - right.length).fill(0), ...right];
}

/**
 * The key a network address (or an IPv6 /64) is limited under, or null when it is neither.
 * IPv4 as written; an IPv4-mapped IPv6 address (how a dual-stack socket reports IPv4 peers)
 * is its IPv4 address; other IPv6 addresses count per /64, because one host commonly holds a
 * whole /64 (privacy addresses rotate its lower half freely), so per address it would have
 * 2^64 budgets.
 */
export function addressKey(address: string | undefined): string | null {
  // A gateway may already have reduced an IPv6 address to its /64 (`2001:db8:1:2::/64`).
  const [written = '', prefix] = address?.trim().split('/') ?? [];
  if (prefix !== undefined && (prefix !== '64' || !isIPv6(written))) return null;
  const bare = written.split('%')[0] ?? '';
  if (isIPv4(bare)) return `ip4:${bare}`;
  if (!isIPv6(bare)) return null;
  const groups = ipv6Groups(bare);
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    const [high = 0, low = 0] = groups.slice(6);
    return `ip4:${high >> 8}.${high & 0xff}.${low >> 8}.${low & 0xff}`;
  }
  return `ip6:${groups
    .slice(0, 4)
    .map((g) => g.toString(16))
    .join(':')}::/64`;
}

/**
 * Every identity a GraphQL caller presents, each with its own guess budget: the address the
 * gateway saw and, when signed in (a person or an integrator acting for one), the account. An
 * attempt needs room under all of them, so neither new accounts from one address nor one
 * account from many addresses buys more guesses.
 */
export function callerClientKeys(caller: Caller): string[] {
  const keys: string[] = [];
  const address = addressKey(caller.clientAddress);
  if (address) keys.push(address);
  if (caller.userId) keys.push(`user:${caller.userId}`);
  return keys.length > 0 ? keys : [UNKNOWN_CLIENT];
}
