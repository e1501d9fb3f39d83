// Caching for reads: an ETag on every successful GET under /api (304 on a matching If-None-Match), a
// Cache-Control header, and a small in-process cache of response bodies keyed by URL and data version.
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './app-env.js';
import { keptOnSecondAsk } from '../domain/kept-on-second-ask.js';
import { dataVersion } from '../store/data-version.js';
import { bytesOf } from './json-bytes.js';

export const READ_CACHE_CONTROL = 'public, max-age=60, must-revalidate';
const MAX_ENTRIES = 500;
const MAX_BODY = 2 * 1024 * 1024;
/** All cached bodies together stay under this, oldest evicted first. */
const MAX_TOTAL_BYTES = 64 * 1024 * 1024;

interface Entry {
  version: string;
  /** Uint8Array and a plain header object keep @hono/node-server on its fast path for a cached body. */
  body: Uint8Array<ArrayBuffer>;
  headers: Record<string, string>;
  etag: string;
}

/** A body's SHA-1, from the runtime: Node hands in node:crypto's (in line); Workers use WebCrypto's. */
export type Digest = (body: Uint8Array<ArrayBuffer>) => Uint8Array | Promise<Uint8Array>;
const webDigest: Digest = async (body) => new Uint8Array(await crypto.subtle.digest('SHA-1', body));

async function etagOf(body: Uint8Array<ArrayBuffer>, sha1: Digest): Promise<string> {
  const digest = await sha1(body);
  let hex = '';
  for (const b of digest.subarray(0, 12)) hex += b.toString(16).padStart(2, '0');
  return `"${hex}"`;
}

const matches = (ifNoneMatch: string | undefined, etag: string) =>
  Boolean(ifNoneMatch) && (ifNoneMatch!.trim() === '*' || ifNoneMatch!.split(',').some((t) => t.trim().replace(/^W\//, '') === etag));

function notModified(etag: string, headers: Headers | Record<string, string>) {
  const h: Record<string, string> = { etag };
  const get = (name: string) => (headers instanceof Headers ? headers.get(name) : headers[name]);
  for (const name of ['cache-control', 'access-control-allow-origin', 'vary']) {
    const v = get(name);
    if (v) h[name] = v;
  }
  return new Response(null, { status: 304, headers: h });
}

/** The path and query of a request URL, without parsing it. */
function pathAndQuery(url: string): { key: string; path: string } {
  const start = url.indexOf('/', url.indexOf('//') + 2);
  const key = start < 0 ? '/' : url.slice(start);
  const q = key.indexOf('?');
  return { key, path: q < 0 ? key : key.slice(0, q) };
}

/**
 * The cache is per app instance (one per process on Node, one per isolate on Workers). `skip` names paths whose
 * bodies are too large or too costly to hold (packs).
 */
export function httpCache(options: { skip?: (path: string) => boolean; sha1?: Digest } = {}): MiddlewareHandler<AppEnv> {
  const sha1 = options.sha1 ?? webDigest;
  const entries = new Map<string, Entry>();
  /** URLs answered once and not kept: a body is kept the second time its URL is asked for. */
  const asked = keptOnSecondAsk<never>(MAX_ENTRIES);
  let bytes = 0;
  const evict = (key: string) => {
    const old = entries.get(key);
    if (!old) return;
    bytes -= old.body.byteLength;
    entries.delete(key);
  };
  return async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next();
    const { key, path } = pathAndQuery(c.req.url);
    const cacheable = !options.skip?.(path);
    const version = cacheable ? await dataVersion(c.get('store')) : '';
    const hit = cacheable ? entries.get(key) : undefined;
    if (hit && hit.version === version) {
      entries.delete(key);
      entries.set(key, hit); // most recently used last
      if (matches(c.req.header('If-None-Match'), hit.etag)) return notModified(hit.etag, hit.headers);
      return new Response(hit.body, { status: 200, headers: hit.headers });
    }
    await next();
    if (c.res.status !== 200 || c.res.headers.has('ETag')) return;
    // A JSON answer made by jsonBytes carries its bytes: hashed and kept as they are, the answer left as made.
    let body = bytesOf(c.res);
    let res = c.res;
    if (!body) {
      if (!c.res.body) return;
      // Else read the body once and answer with those bytes (a clone would tee the stream and copy it again).
      body = new Uint8Array(await c.res.arrayBuffer());
      res = new Response(body, { status: 200, headers: c.res.headers });
      c.res = undefined;
      c.res = res;
    }
    if (!res.headers.has('Cache-Control')) res.headers.set('Cache-Control', READ_CACHE_CONTROL);
    const etag = await etagOf(body, sha1);
    res.headers.set('ETag', etag);
    // A body is kept only for a URL asked for before: a dashboard asking for URLs never seen before (new weights,
    // new groups) would otherwise fill the cache with bodies no one asks for again, and the garbage collector
    // with old objects to sweep (a third more time per request, p99 about 1.6 times, measured on compare).
    if (cacheable && (entries.has(key) || asked.askedBefore(key)) && body.byteLength <= MAX_BODY) {
      evict(key);
      entries.set(key, { version, body, headers: Object.fromEntries(res.headers.entries()), etag });
      bytes += body.byteLength;
      while (entries.size > MAX_ENTRIES || bytes > MAX_TOTAL_BYTES) evict(entries.keys().next().value!);
    }
    if (matches(c.req.header('If-None-Match'), etag)) c.res = notModified(etag, res.headers);
  };
}
