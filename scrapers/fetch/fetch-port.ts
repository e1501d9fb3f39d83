// The fetch port both runtimes implement (undici with the address guard on Node, the Workers fetch on Workers):
// what a request asks, what a fetched page holds, and the limits every fetcher applies alike.
import type { CharsetSource } from './decode-text.js';

export interface FetchLimits {
  connectTimeoutMs?: number;
  headersTimeoutMs?: number;
  /** Longest silence between body chunks. */
  bodyTimeoutMs?: number;
  /** Deadline for the whole body, from the response headers to its last byte (catches a server that drips bytes). */
  bodyDeadlineMs?: number;
  /** Deadline for the whole fetch, redirects included (catches a server that drips bytes). */
  totalTimeoutMs?: number;
  /** Cap on the bytes read off the wire. */
  maxBodyBytes?: number;
  /** Cap on the bytes after Content-Encoding is undone. */
  maxDecodedBytes?: number;
  maxRedirects?: number;
}

export const FETCH_DEFAULTS: Required<FetchLimits> = {
  connectTimeoutMs: 10_000,
  headersTimeoutMs: 20_000,
  bodyTimeoutMs: 20_000,
  bodyDeadlineMs: 30_000,
  totalTimeoutMs: 60_000,
  maxBodyBytes: 15 * 1024 * 1024,
  maxDecodedBytes: 40 * 1024 * 1024,
  maxRedirects: 5,
};

/** Statuses whose Location is followed (by hand, each hop checked again). */
export const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

export const DEFAULT_ACCEPT = 'text/html,application/xhtml+xml,application/json;q=0.9,application/pdf;q=0.8,*/*;q=0.5';

export interface FetchRequest {
  url: string;
  /**
   * A form post: this application/x-www-form-urlencoded body is sent with POST (never conditional). A 301, 302 or 303
   * answer is followed with GET, as browsers do; a 307 or 308 keeps the POST only on the same host (see nextRequest).
   */
  form?: string;
  /** Conditional request validators from the last snapshot of this URL. */
  etag?: string;
  lastModified?: string;
  accept?: string;
  signal?: AbortSignal;
}

export interface FetchedPage {
  url: string;
  finalUrl: string;
  status: number;
  headers: Record<string, string>;
  contentType: string | null;
  /** The body with Content-Encoding undone (empty for 304). */
  bytes: Uint8Array;
  /** Decoded text for textual content types. */
  text?: string;
  charset?: string;
  charsetSource?: CharsetSource;
  warnings: string[];
  redirects: string[];
  elapsedMs: number;
}

export interface Fetcher {
  fetch(req: FetchRequest): Promise<FetchedPage>;
  close(): Promise<void>;
}

export const FORM_TYPE = 'application/x-www-form-urlencoded';

/**
 * What a redirect asks next: GET for 301/302/303 (the body dropped), the same POST for 307/308 unless the Location is
 * on another host, which is refused (a form's body is never sent to a host other than its page's).
 */
export function nextRequest(status: number, from: URL, to: URL, form: string | undefined): { form?: string } | { refused: string } {
  if (form === undefined || status === 301 || status === 302 || status === 303) return {};
  if (to.host.toLowerCase() !== from.host.toLowerCase()) return { refused: `a form post to ${from.href} was redirected (${status}) to another host, ${to.host}: not sent there` };
  return { form };
}

/** A set whose `add` says whether the value was new: the requests a fetch has made, to tell a redirect loop. */
export function onceEach(first: string): { add(value: string): boolean } {
  const seen = new Set([first]);
  return { add: (value) => (seen.has(value) ? false : (seen.add(value), true)) };
}
