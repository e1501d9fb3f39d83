// JSON answers encoded to UTF-8 once and remembered with their Response, so that the response cache can hash and
// keep the very bytes sent instead of reading the body back through a web stream (a second copy per answer).
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

const ENCODER = new TextEncoder();
const BYTES = new WeakMap<Response, Uint8Array<ArrayBuffer>>();

/** The same answer as `c.json(value, status)` (same body, same Content-Type), made from bytes the cache can reuse. */
export const jsonBytes = (c: Context, value: unknown, status?: ContentfulStatusCode): Response => jsonTextBytes(c, JSON.stringify(value), status);

/** The bytes a Response made by jsonBytes carries (undefined for any other Response). */
export const bytesOf = (res: Response): Uint8Array<ArrayBuffer> | undefined => BYTES.get(res);

/** As jsonBytes, from JSON text already made (compare-json.ts makes a compare answer's text from shared parts). */
export function jsonTextBytes(c: Context, text: string, status?: ContentfulStatusCode): Response {
  const bytes = ENCODER.encode(text);
  const res = c.body(bytes, status, { 'Content-Type': 'application/json' });
  BYTES.set(res, bytes);
  return res;
}
