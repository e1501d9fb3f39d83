// What a crawl whose pages travel through a queue (scheduled refresh on Workers) hands the crawler: turns, links
// and retries go through the queue and the host's gate instead of this process's lanes and sleeps.
import type { CrawlItem } from '../../src/domain/index.js';
import type { AttemptState } from '../fetch/retry-policy.js';

/**
 * For a crawl whose pages travel through a queue, one page per call of `run`: an outside gate gives each host its
 * turns (so consumers anywhere keep the delay), new links and retries are handed back to the queue instead of being
 * crawled or slept on here, and a page's retry state comes with it.
 */
export interface HandOff {
  /** Resolves when a request to this URL's host may start; `delayMs` is the host's delay (robots Crawl-delay included). */
  turn(host: string, delayMs: number, signal: AbortSignal): Promise<void>;
  /** Called when that request has ended. */
  turnDone?(host: string, delayMs: number): void | Promise<void>;
  /** New links, already recorded in the frontier by completeItem: to be enqueued. */
  links(items: CrawlItem[]): void | Promise<void>;
  /** The page is to be tried again after `delayMs` with this state; it stays pending meanwhile. */
  retry(item: CrawlItem, delayMs: number, state: AttemptState, reason: string): void | Promise<void>;
  /** The robots rules are already in the robots cache: reading them takes no request, so no turn. */
  robotsReady?: boolean;
  /** The retry state the page arrives with (retries and Retry-After waits already spent). */
  stateOf?(item: CrawlItem): AttemptState | undefined;
}
