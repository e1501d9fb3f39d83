// A per-host circuit breaker: gives a host up for the run after a run of failed requests, once the time it has cost
// is over its budget, or when it asks to be left alone longer than a page may be held. Its pages are then skipped
// (resumable), not failed, and its in-flight request and waits are cut short through its signal.
import type { CrawlItem } from '../../src/domain/index.js';
import { isTransient } from '../fetch/fetch-error.js';
import { parseRetryAfter, type AttemptOutcome } from '../fetch/retry-policy.js';

export interface HostLimits {
  /** Failed requests in a row (timeouts, network errors, 5xx, bodies too slow) after which a host is given up; 0: never. */
  failures: number;
  /** The time a host may cost in one run: its requests in flight and the waits it imposes (backoff, Retry-After). */
  budgetMs: number;
}

/** Five, so that one bad page (four tries) never gives up its host on its own. */
export const DEFAULT_HOST_LIMITS: HostLimits = { failures: 5, budgetMs: 30 * 60_000 };

/** Whether an attempt counts against its host: the host did not answer, answered too slowly, or failed (5xx). */
export function isHostFailure(outcome: AttemptOutcome): boolean {
  if (outcome.kind === 'error') return isTransient(outcome.code) || outcome.code === 'slow_body';
  if (outcome.status === 503 && parseRetryAfter(outcome.retryAfter) !== undefined) return false; // throttled, not failing
  return outcome.status >= 500;
}

const duration = (ms: number) => (ms >= 60_000 ? `${Math.round(ms / 60_000)} min` : ms >= 1000 ? `${Math.round(ms / 1000)} s` : `${ms} ms`);

export class HostBreaker {
  private inRow = 0;
  private spentMs = 0;
  /** Pages finished as errors during the current run of failures: skipped with the host if it is given up. */
  private failedPages: CrawlItem[] = [];
  private readonly controller = new AbortController();
  /** Aborts when the run stops or this host is given up. */
  readonly signal: AbortSignal;
  /** Why the host was given up; undefined while it is not. */
  reason: string | undefined;

  constructor(
    private readonly host: string,
    private readonly limits: HostLimits,
    runSignal: AbortSignal,
  ) {
    this.signal = AbortSignal.any([runSignal, this.controller.signal]);
  }

  get gaveUp(): boolean {
    return this.reason !== undefined;
  }

  giveUp(why: string): void {
    if (this.reason !== undefined) return;
    this.reason = `host ${this.host} given up for this run: ${why}`;
    this.controller.abort();
  }

  /** Counts one attempt: a failure extends the run of failures (and may give the host up), an answer ends it. */
  attempt(outcome: AttemptOutcome, why: string): void {
    if (!isHostFailure(outcome)) {
      this.inRow = 0;
      this.failedPages = [];
      return;
    }
    this.inRow++;
    if (this.limits.failures > 0 && this.inRow >= this.limits.failures) this.giveUp(`${this.inRow} requests in a row failed (last: ${why})`);
  }

  /** A page finished as an error: remembered while its host is failing. */
  pageFailed(item: CrawlItem): void {
    if (this.inRow > 0) this.failedPages.push(item);
  }

  /** The pages that failed in the run of failures that gave the host up (they are skipped with it). */
  takeFailedPages(): CrawlItem[] {
    const pages = this.failedPages;
    this.failedPages = [];
    return pages;
  }

  /** Runs `fn` as time the host costs: cut short (the host given up) when that would pass its budget. */
  async timed<T>(fn: () => Promise<T>): Promise<T> {
    const over = () => this.giveUp(`it took more than its time budget of ${duration(this.limits.budgetMs)} in this run`);
    const left = this.limits.budgetMs - this.spentMs;
    if (left <= 0) over();
    const started = performance.now();
    const timer = left > 0 && left < 2 ** 31 - 1 ? setTimeout(over, left) : undefined;
    try {
      return await fn();
    } finally {
      clearTimeout(timer);
      this.spentMs += performance.now() - started;
    }
  }
}
