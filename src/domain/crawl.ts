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
}

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
  /** Links the adapter found, new to this run, to add to the frontier. */
  links: Array<{ url: string; label: string }>;
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
