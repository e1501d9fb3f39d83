// Stable UUIDs for the Open Referral UK 3.0 feed: name-based UUIDs (RFC 9562 version 5, SHA-1) of our own ids under one
// fixed namespace, so a service, term or organisation keeps its id from build to build, on Node and on Workers alike.

/** SHA-1 of some bytes (synchronous and pure, so ids can be derived inside any mapping without awaiting Web Crypto). */
export function sha1(bytes: Uint8Array): Uint8Array {
  const len = bytes.length;
  const words = new Uint32Array((((len + 8) >> 6) + 1) * 16);
  for (let i = 0; i < len; i++) words[i >> 2]! |= bytes[i]! << (24 - (i % 4) * 8);
  words[len >> 2]! |= 0x80 << (24 - (len % 4) * 8);
  words[words.length - 1] = len * 8;
  words[words.length - 2] = Math.floor((len * 8) / 2 ** 32);
  let [h0, h1, h2, h3, h4] = [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0];
  const w = new Uint32Array(80);
  const rotl = (x: number, n: number) => (x << n) | (x >>> (32 - n));
  for (let block = 0; block < words.length; block += 16) {
    for (let t = 0; t < 16; t++) w[t] = words[block + t]!;
    for (let t = 16; t < 80; t++) w[t] = rotl(w[t - 3]! ^ w[t - 8]! ^ w[t - 14]! ^ w[t - 16]!, 1);
    let [a, b, c, d, e] = [h0, h1, h2, h3, h4];
    for (let t = 0; t < 80; t++) {
      const f = t < 20 ? (b & c) | (~b & d) : t < 40 ? b ^ c ^ d : t < 60 ? (b & c) | (b & d) | (c & d) : b ^ c ^ d;
      const k = t < 20 ? 0x5a827999 : t < 40 ? 0x6ed9eba1 : t < 60 ? 0x8f1bbcdc : 0xca62c1d6;
      const next = (rotl(a, 5) + f + e + k + w[t]!) >>> 0;
      [e, d, c, b, a] = [d, c, rotl(b, 30) >>> 0, a, next];
    }
    [h0, h1, h2, h3, h4] = [(h0 + a) >>> 0, (h1 + b) >>> 0, (h2 + c) >>> 0, (h3 + d) >>> 0, (h4 + e) >>> 0];
  }
  const out = new Uint8Array(20);
  [h0, h1, h2, h3, h4].forEach((h, i) => out.set([h >>> 24, (h >>> 16) & 0xff, (h >>> 8) & 0xff, h & 0xff], i * 4));
  return out;
}

const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
const bytesOf = (uuid: string) => Uint8Array.from(uuid.replace(/-/g, '').match(/../g)!.map((h) => parseInt(h, 16)));

/** A version-5 UUID of `name` in `namespace` (RFC 9562 section 5.5). */
export function uuidV5(namespace: string, name: string): string {
  const ns = bytesOf(namespace);
  const text = new TextEncoder().encode(name);
  const input = new Uint8Array(ns.length + text.length);
  input.set(ns);
  input.set(text, ns.length);
  const h = sha1(input).subarray(0, 16);
  h[6] = (h[6]! & 0x0f) | 0x50;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const s = hex(h);
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

/** RFC 9562's URL namespace. */
export const URL_NAMESPACE = '6ba7b811-9dad-11d1-80b4-00c04fd430c8';
/** The feed's own namespace: the v5 UUID of the feed's path under the URL namespace (fixed; never change it). */
export const FEED_NAMESPACE = uuidV5(URL_NAMESPACE, 'short-breaks-benchmark:/openreferral/v3');

/** What an id names: a kind of thing and our own key for it (an offer id, a taxonomy facet, facet:code, ...). */
export type IdKind = 'service' | 'organization' | 'organization_identifier' | 'taxonomy' | 'taxonomy_term' | 'attribute' | 'cost_option' | 'schedule' | 'service_area';

/** The feed's UUID for one of our things: the same key always gives the same UUID. */
export const orukId = (kind: IdKind, key: string): string => uuidV5(FEED_NAMESPACE, `${kind}:${key}`);
