// The crawl engine: one lane per host (one request at a time, a delay between, a circuit breaker), a global limit,
// retries by class, robots.txt, bot-protection detection, conditional requests, snapshots, and one atomic write per
// finished page. A snapshot or database write that fails stops the run: the page stays pending, the run resumable.
import { ADAPTER_FOR_PLATFORM, requestUrlOf, type CrawlItem, type FoundLink, type CrawlSource, type ItemResult, type SnapshotRecord, type SourceStatus } from '../../src/domain/index.js';
import { detectFromPage } from '../adapters/detect-platform.js';
import { adapterNamed, type AdapterRegistry } from '../adapters/registry.js';
import type { PageOutput } from '../adapters/adapter.js';
import { detectBotProtection } from '../fetch/bot-protection.js';
import { fetchError, isFetchError, type FetchError } from '../fetch/fetch-error.js';
import type { FetchedPage, Fetcher } from '../fetch/fetch-port.js';
import { decideRetry, DEFAULT_RETRY_POLICY, type AttemptOutcome, type RetryPolicy } from '../fetch/retry-policy.js';
import type { RobotsCache } from '../robots/robots-cache.js';
import { isSnapshotWriteError, type SnapshotStore } from '../snapshots/snapshot-store.js';
import { FrontierLinks } from './frontier-links.js';
import { DEFAULT_HOST_LIMITS, HostBreaker, type HostLimits } from './host-breaker.js';
import type { HandOff } from './hand-off.js';
import { Semaphore, sleep } from './semaphore.js';

export type { HandOff } from './hand-off.js';

export interface CrawlPorts {
  completeItem(result: ItemResult): Promise<void>;
  recordDetection(runId: string, sourceId: string, platform: string, adapter: string): Promise<void>;
  validators(url: string): Promise<{ etag?: string; lastModified?: string; sha256: string } | undefined>;
  /** Pages not fetched because their host was given up: left for `--resume`. */
  skipItems(runId: string, items: readonly CrawlItem[], reason: string): Promise<void>;
}

export interface CrawlOptions {
  /** Minimum time between the end of one request to a host and the start of the next. */
  delayMs: number;
  /** Requests in flight across all hosts. */
  concurrency: number;
  /** Pages fetched per source at most (links beyond are not followed). */
  maxPagesPerSource: number;
  retry?: RetryPolicy;
  /** When a host is given up for the run (see HostBreaker). */
  hostLimits?: HostLimits;
  random?: () => number;
  signal?: AbortSignal;
  onPage?: (event: PageEvent) => void;
  /** Set when pages are scheduled outside this process (the Workers queue): see HandOff. */
  handOff?: HandOff;
  /** Form posts (result pages of one search) sent to one address per source at most (default 50). */
  maxFormPostsPerSearch?: number;
  /** Largest form body sent (default 1 MiB; the Workers queue carries a page in a message of 128 KB at most). */
  maxFormBytes?: number;
}

export interface PageEvent {
  item: CrawlItem;
  outcome: SourceStatus;
  reason: string | null;
  status: number | null;
  done: number;
  queued: number;
}

interface Lane {
  name: string;
  queue: CrawlItem[];
  lastFinish: number;
  deferUntil: number;
  delayMs: number;
  robotsChecked: boolean;
  host: HostBreaker;
}

interface FetchAttempt {
  page?: FetchedPage;
  error?: FetchError;
  attempts: number;
  reason?: string;
  /** The host was given up while fetching this page. */
  skipped?: boolean;
  /** Handed back to the queue for another attempt (HandOff). */
  deferred?: boolean;
}

const botVerdict = (page: FetchedPage) => detectBotProtection({ status: page.status, headers: page.headers, body: (page.text ?? '').slice(0, 200_000) });
const isChallenge = (page: FetchedPage) => page.status >= 400 && botVerdict(page) !== null;

/** A page handed back to the queue: nothing to record yet. */
const DEFERRED = { outcome: 'error' } as ItemResult;

const hostOf = (url: string) => {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return '';
  }
};

export class Crawler {
  private lanes = new Map<string, Lane>();
  /** Hosts whose lane loop is running. */
  private laneBusy = new Set<string>();
  private running = new Set<Promise<void>>();
  private readonly frontier: FrontierLinks;
  private global: Semaphore;
  private done = 0;
  private queued = 0;
  private readonly retry: RetryPolicy;
  private readonly random: () => number;
  private readonly hostLimits: HostLimits;
  /** Aborts when the caller's signal does or the run fails. */
  private readonly signal: AbortSignal;
  private readonly stop = new AbortController();
  /** Why the run failed (a snapshot or the database could not be written). */
  private fatal: unknown;

  constructor(
    private readonly runId: string,
    private readonly sources: ReadonlyMap<string, CrawlSource>,
    private readonly deps: { fetcher: Fetcher; robots: RobotsCache; snapshots: SnapshotStore; adapters: AdapterRegistry; ports: CrawlPorts },
    private readonly options: CrawlOptions,
  ) {
    this.global = new Semaphore(Math.max(1, options.concurrency));
    this.retry = options.retry ?? DEFAULT_RETRY_POLICY;
    this.random = options.random ?? Math.random;
    this.hostLimits = options.hostLimits ?? DEFAULT_HOST_LIMITS;
    this.signal = options.signal ? AbortSignal.any([options.signal, this.stop.signal]) : this.stop.signal;
    this.frontier = new FrontierLinks(options);
  }

  /** Marks URLs already in the frontier (done or pending) so that links to them are not queued again. */
  remember(items: readonly CrawlItem[]): void {
    this.frontier.remember(items);
  }

  /**
   * Crawls the pending items (and everything they lead to) until the frontier is empty or the signal aborts. Throws
   * when a page could not be stored (its snapshot or its row): the run stops there, every page not stored pending.
   */
  async run(pending: readonly CrawlItem[]): Promise<{ pages: number }> {
    for (const item of pending) this.enqueue(item);
    while (this.running.size) await Promise.race(this.running);
    if (this.fatal) throw this.fatal;
    return { pages: this.done };
  }

  /** Stops the run because something could not be stored; the first cause is the one reported. */
  private fail(e: unknown): void {
    this.fatal ??= e;
    this.stop.abort();
  }

  private enqueue(item: CrawlItem): void {
    const host = hostOf(item.url);
    let lane = this.lanes.get(host);
    if (!lane) {
      lane = { name: host, queue: [], lastFinish: -Infinity, deferUntil: 0, delayMs: this.options.delayMs, robotsChecked: false, host: new HostBreaker(host, this.hostLimits, this.signal) };
      this.lanes.set(host, lane);
    }
    lane.queue.push(item);
    this.queued++;
    if (!this.laneBusy.has(host)) this.startLane(host, lane);
  }

  private startLane(host: string, lane: Lane): void {
    this.laneBusy.add(host);
    const p: Promise<void> = (async () => {
      try {
        while (lane.queue.length && !this.signal.aborted) {
          if (lane.host.gaveUp) await this.skip(lane, lane.queue.splice(0));
          else await this.process(lane.queue.shift()!, lane);
        }
      } catch (e) {
        this.fail(e);
      } finally {
        // In the same tick as the last check of the queue: an item enqueued after this starts a new lane.
        this.laneBusy.delete(host);
      }
    })().finally(() => this.running.delete(p));
    this.running.add(p);
  }

  /**
   * Waits for this host's turn (delay since its last response, any Retry-After or backoff), then a global slot. The
   * waits the host imposes and the request itself count against the host's time budget; the politeness delay does not.
   */
  private async request<T>(lane: Lane, fn: () => Promise<T>): Promise<T> {
    const polite = lane.lastFinish + lane.delayMs;
    if (lane.deferUntil > polite) await lane.host.timed(() => sleep(lane.deferUntil - performance.now(), lane.host.signal));
    else await sleep(polite - performance.now(), lane.host.signal);
    await this.global.acquire();
    const handOff = this.options.handOff;
    try {
      if (handOff) await handOff.turn(lane.name, lane.delayMs, lane.host.signal);
      return await lane.host.timed(fn);
    } finally {
      this.global.release();
      lane.lastFinish = performance.now();
      if (handOff?.turnDone) await handOff.turnDone(lane.name, lane.delayMs);
    }
  }

  private async process(item: CrawlItem, lane: Lane): Promise<void> {
    const source = this.sources.get(item.sourceId);
    let result: ItemResult;
    try {
      result = await this.crawlItem(item, lane, source);
    } catch (e) {
      if (isSnapshotWriteError(e)) return this.fail(e); // not stored: stays pending for --resume
      result = this.result(item, 'error', `unexpected failure: ${(e as Error).message}`, 0, null);
    }
    if (this.signal.aborted && result.outcome === 'error' && /aborted/.test(result.reason ?? '')) return; // stays pending for --resume
    if (result === DEFERRED) return; // back in the queue, pending
    if (result.outcome === 'host_unavailable') return this.skip(lane, [item], lane.host.takeFailedPages());
    await this.deps.ports.completeItem(result);
    if (result.outcome === 'error') lane.host.pageFailed(item);
    this.done++;
    this.options.onPage?.({ item, outcome: result.outcome, reason: result.reason, status: result.snapshot?.status ?? null, done: this.done, queued: this.queued });
    const found = result.links.map((link) => ({ url: link.url, sourceId: item.sourceId, label: link.label, depth: item.depth + 1, ...(link.form === undefined ? {} : { form: link.form }) }));
    if (this.options.handOff) await this.options.handOff.links(found);
    else for (const link of found) this.enqueue(link);
  }

  /** Records pages of a given-up host as skipped; `failedBefore` were already counted, as errors now undone. */
  private async skip(lane: Lane, items: readonly CrawlItem[], failedBefore: readonly CrawlItem[] = []): Promise<void> {
    if (!items.length && !failedBefore.length) return;
    const reason = lane.host.reason ?? 'host given up for this run';
    await this.deps.ports.skipItems(this.runId, [...failedBefore, ...items], reason);
    for (const item of items) {
      this.done++;
      this.options.onPage?.({ item, outcome: 'host_unavailable', reason, status: null, done: this.done, queued: this.queued });
    }
  }

  private result(item: CrawlItem, outcome: SourceStatus, reason: string | null, attempts: number, snapshot: SnapshotRecord | null, out?: PageOutput, links: FoundLink[] = []): ItemResult {
    return { runId: this.runId, item, outcome, reason, attempts, snapshot, links, records: out?.records ?? [] };
  }

  private async checkRobots(url: string, lane: Lane) {
    if (lane.robotsChecked) return this.deps.robots.rulesFor(url);
    lane.robotsChecked = true;
    const rules = this.options.handOff?.robotsReady ? await this.deps.robots.rulesFor(url) : await this.request(lane, () => this.deps.robots.rulesFor(url));
    if (rules.crawlDelayMs !== undefined) lane.delayMs = Math.max(lane.delayMs, rules.crawlDelayMs);
    return rules;
  }

  private async fetchWithRetries(item: CrawlItem, lane: Lane, validators: Awaited<ReturnType<CrawlPorts['validators']>>): Promise<FetchAttempt> {
    const state = { retries: 0, throttleWaits: 0, waitedMs: 0, ...this.options.handOff?.stateOf?.(item) };
    for (let attempts = 1 + state.retries + state.throttleWaits; ; attempts++) {
      let outcome: AttemptOutcome;
      let page: FetchedPage | undefined;
      let error: FetchError | undefined;
      try {
        page = await this.request(lane, () =>
          this.deps.fetcher.fetch({ url: requestUrlOf(item), form: item.form, etag: validators?.etag, lastModified: validators?.lastModified, signal: lane.host.signal }),
        );
        outcome = { kind: 'response', status: page.status, retryAfter: page.headers['retry-after'] };
      } catch (e) {
        error = isFetchError(e) ? e : fetchError('network', (e as Error).message, item.url);
        outcome = { kind: 'error', code: error.code, message: error.message };
      }
      if (this.signal.aborted) return { page, error: error ?? fetchError('network', 'aborted', item.url), attempts };
      if (lane.host.gaveUp) return { attempts, skipped: true };
      // A challenge page is never retried: asking again is what a bypass would do.
      if (page && isChallenge(page)) return { page, attempts };
      lane.host.attempt(outcome, error?.message ?? `HTTP ${page?.status}`);
      if (lane.host.gaveUp) return { attempts, skipped: true };
      const decision = decideRetry(outcome, state, this.retry, this.random);
      if (decision.action === 'done') return { page, attempts };
      if (decision.action === 'give_up' && decision.throttled) {
        // The host asked to be left alone for longer than a page may be held: asking its other pages would ignore it.
        lane.host.giveUp(`${item.url}: ${decision.reason}`);
        return { attempts, skipped: true };
      }
      if (decision.action === 'give_up') return { page, error, attempts, reason: decision.reason };
      if (this.options.handOff) {
        const next = decision.action === 'wait'
          ? { ...state, throttleWaits: state.throttleWaits + 1, waitedMs: state.waitedMs + decision.delayMs }
          : { ...state, retries: state.retries + 1 };
        await this.options.handOff.retry(item, decision.delayMs, next, decision.reason);
        return { attempts, deferred: true };
      }
      if (decision.action === 'wait') {
        state.throttleWaits++;
        state.waitedMs += decision.delayMs;
        lane.deferUntil = performance.now() + decision.delayMs;
      } else {
        state.retries++;
        lane.deferUntil = performance.now() + decision.delayMs;
      }
    }
  }

  /** The snapshot row of a page, under its key (a form post's address plus the hash of its body). */
  private snapshotOf(item: CrawlItem, page: FetchedPage, bodySha: string, bytes: number): SnapshotRecord {
    return {
      id: `snap_${crypto.randomUUID()}`,
      url: item.url,
      finalUrl: page.finalUrl,
      status: page.status,
      headers: page.headers,
      sha256: bodySha,
      contentType: page.contentType,
      byteLength: bytes,
      fetchedAt: new Date().toISOString(),
    };
  }

  private async crawlItem(item: CrawlItem, lane: Lane, source: CrawlSource | undefined): Promise<ItemResult> {
    if (!source) return this.result(item, 'error', `source ${item.sourceId} is not part of this run`, 0, null);
    // A form post is asked of the address robots.txt rules on, as a GET is; it is never conditional (If-None-Match on a
    // POST asks for 412, not 304), and its body is stored once by content hash like any other.
    const address = requestUrlOf(item);
    const rules = await this.checkRobots(address, lane);
    if (!rules.isAllowed(address)) return this.result(item, 'blocked_by_robots', rules.explain(address), 0, null);
    if (lane.host.gaveUp) return this.result(item, 'host_unavailable', lane.host.reason!, 0, null);

    let validators = item.form === undefined ? await this.deps.ports.validators(item.url) : undefined;
    let attempt = await this.fetchWithRetries(item, lane, validators);
    if (attempt.page?.status === 304 && validators && !(await this.deps.snapshots.has(validators.sha256))) {
      // The stored body is gone: a 304 would leave nothing to parse, so ask for the page itself.
      validators = undefined;
      attempt = await this.fetchWithRetries(item, lane, undefined);
    }
    if (attempt.deferred) return DEFERRED;
    if (attempt.skipped) return this.result(item, 'host_unavailable', lane.host.reason!, attempt.attempts, null);
    const page = attempt.page;
    if (!page) return this.result(item, 'error', attempt.reason ?? attempt.error?.message ?? 'failed', attempt.attempts, null);

    let bytes = page.bytes;
    let text = page.text;
    let snapshot: SnapshotRecord;
    if (page.status === 304 && validators) {
      snapshot = this.snapshotOf(item, page, validators.sha256, 0);
      const previous = await this.deps.snapshots.get(validators.sha256);
      if (previous) {
        bytes = previous;
        text = new TextDecoder().decode(previous);
      }
    } else {
      const stored = await this.deps.snapshots.put(page.bytes);
      snapshot = this.snapshotOf(item, page, stored.sha256, page.bytes.length);
    }
    const warnings = page.warnings.length ? `; ${page.warnings.join('; ')}` : '';

    const bot = page.status === 304 ? null : botVerdict(page);
    if (bot) return this.result(item, 'bot_protection', `${bot.vendor} challenge (${bot.cue}): retrieve this page by hand`, attempt.attempts, snapshot);
    if (page.status === 404 || page.status === 410) return this.result(item, 'not_found', `HTTP ${page.status}`, attempt.attempts, snapshot);
    if (page.status !== 304 && (page.status < 200 || page.status >= 300)) {
      const posted = item.form === undefined ? '' : ` answering the form post to ${address}`;
      return this.result(item, 'error', `${attempt.reason ?? `HTTP ${page.status}`}${posted}`, attempt.attempts, snapshot);
    }

    if (source.adapter === 'auto') {
      // The URL did not tell the platform: the first page does, for this page and the rest of the source.
      const found = detectFromPage({ url: page.finalUrl, contentType: page.contentType, text, bytes });
      source.adapter = ADAPTER_FOR_PLATFORM[found.platform] ?? 'snapshot';
      await this.deps.ports.recordDetection(this.runId, source.id, found.platform, source.adapter);
    }
    const adapter = adapterNamed(this.deps.adapters, source.adapter);
    const out = await adapter.parse({
      url: address, finalUrl: page.finalUrl, status: page.status === 304 ? 200 : page.status, contentType: page.contentType,
      text, bytes, label: item.label, source, retrieved: snapshot.fetchedAt.slice(0, 10),
    });
    const outcome: SourceStatus = out.layout === 'changed' ? 'layout_changed' : page.status === 304 ? 'not_modified' : 'ok';
    const next = this.frontier.next(item, out.links, page.finalUrl);
    const all = [...next.problems, ...out.problems];
    const problems = all.length ? `; ${all.slice(0, 3).join('; ')}` : '';
    const reason = outcome === 'layout_changed' ? `page no longer matches the ${adapter.name} adapter${problems}` : (warnings + problems).replace(/^; /, '') || null;
    return this.result(item, outcome, reason, attempt.attempts, snapshot, out, next.links);
  }
}
