// Caching for reads: an ETag on every successful GET under /api (304 on a matching If-None-Match), a
// Cache-Control header, and a small in-process cache of response bodies keyed by URL and data version.
import type { MiddlewareHandler } from 'hono';
import type { Store } from '../store/store.js';
import { dataVersion } from '../store/data-version.js';

export const READ_CACHE_CONTROL = 'public, max-age=60, must-revalidate';
const MAX_ENTRIES = 500;
const MAX_BODY = 2 * 1024 * 1024;

interface Entry {
  version: string;
  body: ArrayBuffer;
  headers: Array<[string, string]>;
  etag: string;
}

async function etagOf(body: ArrayBuffer): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-1', body));
  let hex = '';
  for (const b of digest.subarray(0, 12)) hex += b.toString(16).padStart(2, '0');
  return `"${hex}"`;
}

const matches = (ifNoneMatch: string | undefined, etag: string) =>
  Boolean(ifNoneMatch) && (ifNoneMatch!.trim() === '*' || ifNoneMatch!.split(',').some((t) => t.trim().replace(/^W\//, '') === etag));

function notModified(etag: string, headers: Headers | Array<[string, string]>) {
  const h = new Headers();
  h.set('ETag', etag);
  const from = headers instanceof Headers ? headers : new Headers(headers);
  for (const name of ['cache-control', 'access-control-allow-origin', 'vary']) {
    const v = from.get(name);
    if (v) h.set(name, v);
  }
  return new Response(null, { status: 304, headers: h });
}

/**
 * The cache is per app instance (one per process on Node, one per isolate on Workers). `skip` names paths whose
 * bodies are too large or too costly to hold (packs).
 */
export function httpCache(options: { skip?: (path: string) => boolean } = {}): MiddlewareHandler<{ Variables: { store: Store } }> {
  const entries = new Map<string, Entry>();
  return async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next();
    const url = new URL(c.req.url);
    const key = url.pathname + url.search;
    const cacheable = !options.skip?.(url.pathname);
    const version = cacheable ? await dataVersion(c.get('store')) : '';
    const hit = cacheable ? entries.get(key) : undefined;
    if (hit && hit.version === version) {
      entries.delete(key);
      entries.set(key, hit); // most recently used last
      if (matches(c.req.header('If-None-Match'), hit.etag)) return notModified(hit.etag, hit.headers);
      return new Response(hit.body, { status: 200, headers: hit.headers });
    }
    await next();
    const res = c.res;
    if (res.status !== 200 || res.headers.has('ETag')) return;
    if (!res.headers.has('Cache-Control')) res.headers.set('Cache-Control', READ_CACHE_CONTROL);
    const body = await res.clone().arrayBuffer();
    const etag = await etagOf(body);
    res.headers.set('ETag', etag);
    if (cacheable && body.byteLength <= MAX_BODY) {
      entries.set(key, { version, body, headers: [...res.headers.entries()], etag });
      if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
    }
    if (matches(c.req.header('If-None-Match'), etag)) c.res = notModified(etag, res.headers);
  };
}
