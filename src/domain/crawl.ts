// Crawl runs: what a frontier item is, what a finished page reports, and the statuses a researcher acts on.
import { z } from 'zod';
import type { CuratedRecord } from './offer.js';

/**
 * How a source (or one page of it) ended. `host_unavailable`: the crawler gave the page's host up for this run (too
 * many failed requests in a row, its time budget spent, or a Retry-After longer than allowed); the page was skipped
 * and `sbb scrape --resume` (or the next run) fetches it.
 */
export const SourceStatus = z.enum(['ok', 'not_modified', 'not_found', 'blocked_by_robots', 'bot_protection', 'layout_changed', 'host_unavailable', 'error']);
export type SourceStatus = z.infer<typeof SourceStatus>;

export interface CrawlItem {
  url: string;
  sourceId: string;
  /** What kind of page the adapter expects (entry, list, detail...). */
  label: string;
  depth: number;
  /**
   * Set for a form post (an ASP.NET postback): the application/x-www-form-urlencoded body sent with POST to the page
   * the URL names. `url` is then the page's key, the address followed by `#post-{hash of the body}` (see formKey).
   */
  form?: string;
}

/** A link an adapter found: a page to GET, or with `form` a form to POST (never to another host than its page's). */
export interface FoundLink {
  url: string;
  label: string;
  form?: string;
}

/** 53 bits of a string's hash (cyrb53), as hex: keys a form post's page, not a security check. */
function hash53(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
}

/**
 * The key of a form post's page (frontier row, snapshot): its address plus a hash of its body in the fragment, which
 * is never sent. Two posts to one address with different bodies are two pages; the same post twice, one.
 */
export const formKey = (url: string, form: string): string => `${url.replace(/#.*$/, '')}#post-${hash53(form)}`;

/** The address of a page key: a form post's key less its `#post-...` fragment, any other as it is. */
export const addressOfKey = (key: string): string => key.replace(/#post-[0-9a-f]+$/, '');

/** The address a page is requested at: its key less the `#post-...` fragment of a form post. */
export const requestUrlOf = (item: Pick<CrawlItem, 'url' | 'form'>): string => (item.form === undefined ? item.url : addressOfKey(item.url));

export interface SnapshotRecord {
  id: string;
  url: string;
  finalUrl: string;
  status: number;
  headers: Record<string, string>;
  sha256: string;
  contentType: string | null;
  byteLength: number;
  fetchedAt: string;
}

export interface ItemResult {
  runId: string;
  item: CrawlItem;
  outcome: SourceStatus;
  reason: string | null;
  attempts: number;
  snapshot: SnapshotRecord | null;
  /** Links the adapter found, new to this run, to add to the frontier (a form post's with its key and body). */
  links: FoundLink[];
  records: CuratedRecord[];
}

export interface SourceSummary {
  sourceId: string;
  url: string;
  councilCode: string | null;
  adapter: string;
  status: SourceStatus | 'pending';
  reason: string | null;
  pages: number;
  pagesFailed: number;
  /** Pages skipped because their host was given up (fetched by `--resume`). */
  pagesSkipped: number;
  records: number;
}
