// Refuses private, loopback, link-local and other special addresses (after DNS resolution) unless a host is allowed.
import { BlockList, isIP } from 'node:net';
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { fetchError } from './fetch-error.js';
import { hostAllowed } from './host-patterns.js';

const blocked = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.88.99.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['198.51.100.0', 24],
  ['203.0.113.0', 24], ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const)
  blocked.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [
  ['::', 128], ['::1', 128], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8], ['2001:db8::', 32], ['64:ff9b::', 96], ['100::', 64],
] as const)
  blocked.addSubnet(net, prefix, 'ipv6');

/** True for an address a crawler of public sites has no business reaching. */
export function isBlockedAddress(address: string): boolean {
  const v = isIP(address);
  if (v === 4) return blocked.check(address, 'ipv4');
  if (v === 6) {
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
    if (mapped) return blocked.check(mapped[1]!, 'ipv4');
    return blocked.check(address, 'ipv6');
  }
  return true;
}

export { hostAllowed } from './host-patterns.js';

export type Resolver = (host: string) => Promise<string[]>;

export const systemResolver: Resolver = (host) =>
  new Promise((resolve, reject) =>
    dnsLookup(host, { all: true }, (err, addrs: LookupAddress[]) => (err ? reject(err) : resolve(addrs.map((a) => a.address)))),
  );

/** A host that resolves only to refused addresses: the fetch error `blocked_address`, raised at connect time. */
const blockedAddressError = (hostname: string, addresses: string[]) =>
  fetchError('blocked_address', `${hostname} resolves to ${addresses.join(', ') || 'nothing'}: a private or special address, fetched only when the host is allowed`, hostname);

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A dns.lookup replacement for undici's connector: it resolves, then refuses blocked addresses unless the host is
 * allowed. Because it runs at connect time, every redirect hop and every DNS answer is checked.
 */
export function guardedLookup(allowed: readonly string[], resolver: Resolver = systemResolver) {
  return (hostname: string, options: { all?: boolean } | number, callback: LookupCallback) => {
    const all = typeof options === 'object' && options?.all === true;
    resolver(hostname).then(
      (addresses) => {
        const permitted = hostAllowed(hostname, allowed) ? addresses : addresses.filter((a) => !isBlockedAddress(a));
        if (!permitted.length) {
          return callback(blockedAddressError(hostname, addresses) as NodeJS.ErrnoException, all ? [] : '', 0);
        }
        if (all) return callback(null, permitted.map((address) => ({ address, family: isIP(address) })));
        callback(null, permitted[0]!, isIP(permitted[0]!));
      },
      (err: NodeJS.ErrnoException) => callback(err, all ? [] : '', 0),
    );
  };
}
