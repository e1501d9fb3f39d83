// Which hosts may be reached at private addresses, and which IP literals are private: pure, for both runtimes.

/** Host patterns allowed to resolve to blocked addresses: an exact host, or "*.suffix". */
export function hostAllowed(host: string, allowed: readonly string[]): boolean {
  const h = host.toLowerCase().replace(/^\[|\]$/g, '');
  return allowed.some((a) => {
    const p = a.toLowerCase().replace(/^\[|\]$/g, '');
    return p.startsWith('*.') ? h.endsWith(p.slice(1)) : h === p;
  });
}

const V4_BLOCKED: Array<[number, number]> = (
  [
    ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
    ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.88.99.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['198.51.100.0', 24],
    ['203.0.113.0', 24], ['224.0.0.0', 4], ['240.0.0.0', 4],
  ] as const
).map(([net, bits]) => [v4(net)!, bits]);

function v4(address: string): number | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(address);
  if (!m) return undefined;
  const parts = m.slice(1).map(Number);
  return parts.every((p) => p <= 255) ? parts.reduce((n, p) => n * 256 + p, 0) : undefined;
}

/**
 * For a host that is an IP literal: whether it is private, loopback or special (what the Node guard refuses after
 * DNS). Undefined for a name: the Workers runtime cannot resolve names, and Cloudflare's network refuses private ones.
 */
export function literalBlocked(host: string): boolean | undefined {
  const h = host.toLowerCase().replace(/^\[|\]$/g, '');
  const n = v4(h.replace(/^::ffff:/, ''));
  if (n !== undefined) return V4_BLOCKED.some(([net, bits]) => Math.floor(n / 2 ** (32 - bits)) === Math.floor(net / 2 ** (32 - bits)));
  if (!h.includes(':')) return undefined;
  return h === '::' || h === '::1' || /^(f[cd]|fe[89ab]|ff)/.test(h) || h.startsWith('2001:db8') || h.startsWith('64:ff9b') || h.startsWith('100::');
}
