// What a platform adapter is: a pure parse of one fetched page into records and links to follow.
import type { CrawlSource, CuratedRecord, FoundLink } from '../../src/domain/index.js';

export interface PageInput {
  url: string;
  finalUrl: string;
  status: number;
  contentType: string | null;
  /** Decoded text for textual pages. */
  text: string | undefined;
  bytes: Uint8Array;
  /** The label the page was queued with (entry, list, detail, ...). */
  label: string;
  source: CrawlSource;
  /** When the page was fetched (YYYY-MM-DD), the date records carry as `retrieved`. */
  retrieved: string;
}

export interface PageOutput {
  records: CuratedRecord[];
  /**
   * Pages to fetch next: GET links, and form posts (`form`: the application/x-www-form-urlencoded body, such as an
   * ASP.NET postback's). The crawler sends a form only to its page's own host, under the same robots.txt, delay,
   * retries and caps as a GET, and at most `maxFormPostsPerSearch` of them to one address.
   */
  links: FoundLink[];
  /** 'changed' when the page no longer has the structure the adapter expects. */
  layout: 'ok' | 'changed';
  problems: string[];
}

export interface Adapter {
  name: string;
  /** Pure: the same page gives the same output. Async only where a library is (PDF text extraction). */
  parse(page: PageInput): PageOutput | Promise<PageOutput>;
}

export const emptyOutput = (): PageOutput => ({ records: [], links: [], layout: 'ok', problems: [] });
