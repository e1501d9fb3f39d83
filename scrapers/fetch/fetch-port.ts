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
