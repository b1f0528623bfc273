import { lookup as dnsLookup } from 'node:dns/promises';
import { BlockList, type LookupFunction, isIP } from 'node:net';

/** Why a webhook URL cannot be used; stable codes an integrator can act on. */
export type UrlRefusal =
  | { code: 'INVALID_URL'; message: string }
  | { code: 'URL_NOT_ALLOWED'; message: string }
  | { code: 'HOST_NOT_FOUND'; message: string };

/** Addresses a webhook must never reach from the platform's network (SSRF). */
const blocked = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  blocked.addSubnet(net, prefix, 'ipv4');
}
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
  ['64:ff9b::', 96],
] as const) {
  blocked.addSubnet(net, prefix, 'ipv6');
}

/** Whether an address is loopback, private, link-local, shared or otherwise not public. */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return true;
  if (family === 6) {
    // IPv4-mapped (::ffff:10.0.0.1) is checked as the IPv4 address it is.
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
    if (mapped) return blocked.check(mapped, 'ipv4');
    return blocked.check(address, 'ipv6');
  }
  return blocked.check(address, 'ipv4');
}

/** The syntax rules every webhook URL obeys, in any environment. */
export function checkUrlSyntax(raw: string): { url: URL } | UrlRefusal {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return { code: 'INVALID_URL', message: 'The URL is not valid.' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { code: 'INVALID_URL', message: 'Webhook URLs use https (or http).' };
  }
  if (url.username || url.password) {
    return { code: 'INVALID_URL', message: 'Put credentials in the signing secret, not the URL.' };
  }
  if (raw.length > 2_000) return { code: 'INVALID_URL', message: 'The URL is too long.' };
  return { url };
}

/**
 * Decides where a delivery may connect. With private addresses allowed (development) any host
 * goes; otherwise every address the host resolves to must be public, and the connection is
 * pinned to the checked addresses (`lookup`), so a DNS answer that changes between the check
 * and the connection (rebinding) cannot lead inside.
 */
export async function resolveTarget(
  raw: string,
  allowPrivate: boolean,
): Promise<{ url: URL; lookup?: LookupFunction } | UrlRefusal> {
  const syntax = checkUrlSyntax(raw);
  if ('code' in syntax) return syntax;
  const { url } = syntax;
  if (allowPrivate) return { url };
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.local')) {
    return { code: 'URL_NOT_ALLOWED', message: 'Webhook URLs must reach a public address.' };
  }
  let addresses: { address: string; family: number }[];
  try {
    addresses = isIP(host)
      ? [{ address: host, family: isIP(host) }]
      : await dnsLookup(host, { all: true, verbatim: true });
  } catch {
    return { code: 'HOST_NOT_FOUND', message: `The host ${host} could not be resolved.` };
  }
  if (addresses.length === 0 || addresses.some((a) => isPrivateAddress(a.address))) {
    return { code: 'URL_NOT_ALLOWED', message: 'Webhook URLs must reach a public address.' };
  }
  const lookup: LookupFunction = (_hostname, options, callback) => {
    if (options.all) {
      callback(null, addresses);
      return;
    }
    const first = addresses[0] as { address: string; family: number };
    callback(null, first.address, first.family);
  };
  return { url, lookup };
}
