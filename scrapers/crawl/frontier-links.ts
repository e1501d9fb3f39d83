// Which links a crawl follows: each page once per run, within the source's page cap; a form post (an ASP.NET
// postback) keyed by its body, sent only to its page's own host, within a size cap and a cap per search.
import { formKey, requestUrlOf, safeHref, type CrawlItem, type FoundLink } from '../../src/domain/index.js';

export const DEFAULT_MAX_FORM_POSTS = 50;
export const DEFAULT_MAX_FORM_BYTES = 1024 * 1024;

export interface LinkLimits {
  maxPagesPerSource: number;
  /** Form posts to one address per source (one search's result pages). */
  maxFormPostsPerSearch?: number;
  /** Largest form body sent. */
  maxFormBytes?: number;
}

const hostOf = (url: string) => {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return '';
  }
};

export class FrontierLinks {
  private seen = new Set<string>();
  private pagesPerSource = new Map<string, number>();
  private formPosts = new Map<string, number>();

  constructor(private readonly limits: LinkLimits) {}

  private bump(map: Map<string, number>, key: string): void {
    map.set(key, (map.get(key) ?? 0) + 1);
  }

  /** Marks pages already in the frontier (done or pending), counted against the caps. */
  remember(items: readonly CrawlItem[]): void {
    for (const i of items) {
      this.seen.add(i.url);
      this.bump(this.pagesPerSource, i.sourceId);
      if (i.form !== undefined) this.bump(this.formPosts, `${i.sourceId} ${requestUrlOf(i)}`);
    }
  }

  /** The links of a page (at `pageUrl`, as served) new to this run and within the caps; what was refused or cut, said. */
  next(item: CrawlItem, found: readonly FoundLink[], pageUrl: string): { links: FoundLink[]; problems: string[] } {
    const links: FoundLink[] = [];
    const problems = new Set<string>();
    const cap = this.limits.maxFormPostsPerSearch ?? DEFAULT_MAX_FORM_POSTS;
    const maxBytes = this.limits.maxFormBytes ?? DEFAULT_MAX_FORM_BYTES;
    for (const link of found) {
      // Only http(s) is ever followed (javascript:, data:, mailto: ... never are), whichever adapter gave the link.
      if (!safeHref(link.url)) continue;
      let url = link.url;
      if (link.form !== undefined) {
        const action = link.url.replace(/#.*$/, '');
        if (hostOf(action) !== hostOf(pageUrl)) {
          problems.add(`a form post to ${action} was not sent: it is on another host than its page (${hostOf(pageUrl)})`);
          continue;
        }
        const bytes = new TextEncoder().encode(link.form).length;
        if (bytes > maxBytes) {
          problems.add(`a form post to ${action} was not sent: its body (${bytes} bytes) is larger than ${maxBytes} bytes`);
          continue;
        }
        url = formKey(action, link.form);
        if (this.seen.has(url)) continue;
        const search = `${item.sourceId} ${action}`;
        if ((this.formPosts.get(search) ?? 0) >= cap) {
          problems.add(`form posts to ${action} stop at ${cap} (the result pages of one search): the pages after it were not fetched`);
          continue;
        }
        if (!this.take(item.sourceId, url)) break;
        this.bump(this.formPosts, search);
        links.push({ url, label: link.label, form: link.form });
        continue;
      }
      if (this.seen.has(url)) continue;
      if (!this.take(item.sourceId, url)) break;
      links.push({ url, label: link.label });
    }
    return { links, problems: [...problems] };
  }

  /** Counts a page against its source's cap; false when the cap is reached. */
  private take(sourceId: string, url: string): boolean {
    if ((this.pagesPerSource.get(sourceId) ?? 0) >= this.limits.maxPagesPerSource) return false;
    this.seen.add(url);
    this.bump(this.pagesPerSource, sourceId);
    return true;
  }
}
