import type { IncomingMessage } from 'node:http';
import { BlockList, isIP } from 'node:net';

/**
 * Proxies trusted by default to append to the proxy header: loopback, private and link-local
 * networks, where a load balancer or ingress in front of the gateway lives. Used only when
 * TRUSTED_PROXY_HEADER is set.
 */
export const DEFAULT_TRUSTED_PROXIES = [
  '127.0.0.0/8',
  '10.0.0.0/8',
  '172.16.0.0/12',
  '192.168.0.0/16',
  '169.254.0.0/16',
  '::1/128',
  'fc00::/7',
  'fe80::/10',
];

export interface ClientKeyOptions {
  /**
   * A header every trusted proxy appends the address it received the request from to, comma
   * separated (`x-forwarded-for`); unset: the socket's peer is the client.
   */
  header?: string;
  /** Addresses and CIDR subnets of those proxies. */
  trustedProxies: readonly string[];
}

export type ClientKeyReader = (
  req: Pick<IncomingMessage, 'headers' | 'socket'>,
) => string | undefined;

/**
 * The key an anonymous caller is rate-limited by: its IPv4 address, or the /64 of its IPv6
 * address (one subscriber usually holds a whole /64, so single addresses would cost nothing to
 * rotate).
 *
 * Behind proxies the address is the right-most untrusted hop: starting from the socket's peer
 * and walking the header from right to left, each hop that is a trusted proxy vouches for the
 * entry to its left (the address it received from); the first hop that is not trusted is the
 * client. Entries further left were written by the client itself and are never believed, and a
 * peer that is not a trusted proxy makes the header meaningless (anyone can send one). An entry
 * that is not an address stops the walk at the trusted hop that passed it on; when every hop is
 * trusted, the left-most is the client.
 */
export function createClientKeyReader(options: ClientKeyOptions): ClientKeyReader {
  const trusted = new BlockList();
  for (const entry of options.trustedProxies) addTo(trusted, entry);
  const header = options.header?.toLowerCase();
  const isTrusted = (address: string) =>
    trusted.check(address, isIP(address) === 6 ? 'ipv6' : 'ipv4');

  return (req) => {
    const peer = normalize(req.socket.remoteAddress);
    if (!peer) return undefined;
    if (!header) return keyOf(peer);
    const value = req.headers[header];
    const entries = (Array.isArray(value) ? value.join(',') : (value ?? '')).split(',');
    let client = peer;
    for (let i = entries.length - 1; i >= 0 && isTrusted(client); i -= 1) {
      const hop = normalize(entries[i]);
      if (!hop) break;
      client = hop;
    }
    return keyOf(client);
  };
}

/** Whether a TRUSTED_PROXIES entry is an IP address or a CIDR subnet. */
export function isAddressOrSubnet(entry: string): boolean {
  try {
    addTo(new BlockList(), entry);
    return true;
  } catch {
    return false;
  }
}

function addTo(list: BlockList, entry: string): void {
  const [address = '', prefix, extra] = entry.trim().split('/');
  const type = isIP(address) === 6 ? 'ipv6' : 'ipv4';
  if (!isIP(address) || extra !== undefined) throw new Error(`not an address: ${entry}`);
  if (prefix === undefined) return list.addAddress(address, type);
  const bits = Number(prefix);
  if (!/^\d+$/.test(prefix) || bits > (type === 'ipv6' ? 128 : 32)) {
    throw new Error(`not a subnet: ${entry}`);
  }
  list.addSubnet(address, bits, type);
}

/** A bare address from a socket or header entry (ports, brackets, zones and IPv4-mapping off). */
function normalize(raw: string | undefined): string | undefined {
  let value = raw?.trim() ?? '';
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed?.[1]) value = bracketed[1];
  else if (/^[\d.]+:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(':'));
  value = value.replace(/%.*$/, '');
  const mapped = /^::ffff:([\d.]+)$/i.exec(value);
  if (mapped?.[1]) value = mapped[1];
  return isIP(value) ? value.toLowerCase() : undefined;
}

function keyOf(address: string): string {
  if (isIP(address) !== 6) return address;
  const [head = '', tail] = address.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  // An embedded IPv4 tail (`::1.2.3.4`) is two groups; only the first four matter here.
  const rightGroups = right.reduce((n, group) => n + (group.includes('.') ? 2 : 1), 0);
  const groups =
    tail === undefined
      ? left
      : [...left, ...Array<string>(8 - left.length - rightGroups).fill('0'), ...right];
  const prefix = groups.slice(0, 4).map((group) => Number.parseInt(group, 16).toString(16));
  return `${prefix.join(':')}::/64`;
}
