// Starts or resumes a scrape run: picks the sources, wires fetcher, robots, snapshots and adapters, records the end.
import { safeHref, schemeOf, type CrawlSource, type SourceSummary } from '../../src/domain/index.js';
import { AppError, invalid, isAppError, notFound } from '../../src/domain/errors.js';
import type { Store } from '../../src/store/store.js';
import type { PageEvent } from './crawler.js';
import { Crawler } from './crawler.js';
import { detectFromUrl } from '../adapters/detect-platform.js';
import { shippedAdapters } from '../adapters/all.js';
import type { AdapterRegistry } from '../adapters/registry.js';
import type { Resolver } from '../fetch/address-guard.js';
import { createFetcher, type FetcherOptions } from '../fetch/fetcher.js';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from '../fetch/retry-policy.js';
import { DEFAULT_MAX_FORM_POSTS } from './frontier-links.js';
import { robotsOverFetcher } from './robots-over-fetcher.js';
import { createSnapshotFiles, removeStaleTemp, type SnapshotFiles } from '../snapshots/snapshot-files.js';

/** Settings a run records, so `--resume` carries on with them. */
export interface ScrapeSettings {
  allowHosts: string[];
  concurrency: number;
  delayMs: number;
  maxPagesPerSource: number;
  userAgent?: string;
  /** Failed requests in a row after which a host is given up for the run (its pages skipped, resumable); 0: never. */
  hostFailures: number;
  /** The time one host may cost in a run (its requests and the waits it imposes), after which it is given up. */
  hostBudgetMs: number;
  /** The longest a page may be held by Retry-After waits in all; a longer wait gives its host up for the run. */
  retryAfterCapMs: number;
  /** Form posts (ASP.NET postbacks: a search's result pages) sent to one address per source at most. */
  maxFormPostsPerSearch: number;
  fetch?: Pick<FetcherOptions, 'connectTimeoutMs' | 'headersTimeoutMs' | 'bodyTimeoutMs' | 'bodyDeadlineMs' | 'totalTimeoutMs' | 'maxBodyBytes' | 'maxDecodedBytes' | 'maxRedirects'>;
}

export const DEFAULT_SETTINGS: ScrapeSettings = {
  allowHosts: [], concurrency: 8, delayMs: 1000, maxPagesPerSource: 500, hostFailures: 5, hostBudgetMs: 30 * 60_000, retryAfterCapMs: 2 * 60_000,
  maxFormPostsPerSearch: DEFAULT_MAX_FORM_POSTS,
};

export interface ScrapeRequest {
  councils?: string[];
  all?: boolean;
  /** Ad-hoc sources: added to the source list, then crawled. */
  urls?: Array<{ url: string; councilCode: string; adapter?: string }>;
  resume?: boolean;
  settings?: Partial<ScrapeSettings>;
  snapshotsDir: string;
  /** Test and benchmark hooks: DNS, retry timing, extra adapters. */
  resolver?: Resolver;
  retry?: RetryPolicy;
  random?: () => number;
  adapters?: AdapterRegistry;
  /** Where snapshot bodies go (default: files in snapshotsDir); tests hand in a store that fails as a full disk does. */
  snapshots?: SnapshotFiles;
  signal?: AbortSignal;
  onStart?: (info: { runId: string; resumed: boolean; sources: CrawlSource[]; pending: number }) => void;
  onPage?: (event: PageEvent) => void;
}

export interface ScrapeResult {
  runId: string;
  resumed: boolean;
  status: 'completed' | 'interrupted';
  pages: number;
  /** Pages skipped on hosts given up, left for `--resume`. */
  skipped: number;
  sources: SourceSummary[];
}

async function chooseSources(store: Store, req: ScrapeRequest): Promise<CrawlSource[]> {
  const picked = new Map<string, CrawlSource>();
  for (const u of req.urls ?? []) {
    // Checked before anything is stored: a source that is not http(s) is never recorded.
    if (!safeHref(u.url)) throw invalid('url', `${u.url}: only http: and https: URLs are scraped (found ${JSON.stringify(schemeOf(u.url))})`);
  }
  for (const u of req.urls ?? []) {
    const council = await store.requireCouncil(u.councilCode, 'councils');
    const detected = u.adapter ? undefined : detectFromUrl(u.url);
    const s = await store.crawl.addSource({ url: u.url, council_code: council.code, kind: detected?.kind ?? 'other', platform: detected?.platform ?? null });
    picked.set(s.id, u.adapter ? { ...s, adapter: u.adapter } : s);
  }
  const councils: string[] = [];
  for (const code of req.councils ?? []) councils.push((await store.requireCouncil(code, 'councils')).code);
  if (req.all || councils.length) for (const s of await store.crawl.sourcesFor(req.all ? 'all' : councils)) picked.set(s.id, s);
  if (!picked.size) {
    const which = req.all ? 'any council' : councils.join(', ') || 'the run';
    throw invalid('sources', `no sources to scrape for ${which}`, { code: 'no_sources' });
  }
  return [...picked.values()];
}

export async function runScrape(store: Store, req: ScrapeRequest): Promise<ScrapeResult> {
  let runId: string;
  let settings: ScrapeSettings;
  let sources: CrawlSource[];
  const resumed = Boolean(req.resume);
  if (resumed) {
    const run = await store.crawl.resumableRun();
    if (!run) throw notFound('resume', 'no unfinished scrape run to resume', { code: 'nothing_to_resume' });
    runId = run.id;
    await store.crawl.reopenRun(runId);
    const recorded = (run.args.settings ?? {}) as Partial<ScrapeSettings>;
    settings = { ...DEFAULT_SETTINGS, ...recorded, ...req.settings };
    settings.allowHosts = [...new Set([...(recorded.allowHosts ?? []), ...(req.settings?.allowHosts ?? [])])];
    sources = await store.crawl.runSources(runId);
  } else {
    settings = { ...DEFAULT_SETTINGS, ...req.settings };
    sources = await chooseSources(store, req);
    runId = await store.crawl.startScrapeRun(sources, { councils: req.councils ?? [], all: Boolean(req.all), urls: req.urls ?? [], settings });
  }

  const pending = await store.crawl.frontierItems(runId, 'pending');
  req.onStart?.({ runId, resumed, sources, pending: pending.length });
  const fetcher = createFetcher({ ...settings.fetch, allowHosts: settings.allowHosts, userAgent: settings.userAgent, resolver: req.resolver });
  const robots = robotsOverFetcher(fetcher, req.signal);
  const snapshots = req.snapshots ?? createSnapshotFiles(req.snapshotsDir);
  await removeStaleTemp(snapshots.dir);
  const crawler = new Crawler(
    runId,
    new Map(sources.map((s) => [s.id, s])),
    { fetcher, robots, snapshots, adapters: req.adapters ?? shippedAdapters(), ports: store.crawl },
    {
      delayMs: settings.delayMs, concurrency: settings.concurrency, maxPagesPerSource: settings.maxPagesPerSource, maxFormPostsPerSearch: settings.maxFormPostsPerSearch,
      retry: { ...(req.retry ?? DEFAULT_RETRY_POLICY), maxRetryAfterMs: settings.retryAfterCapMs },
      hostLimits: { failures: settings.hostFailures, budgetMs: settings.hostBudgetMs },
      random: req.random, signal: req.signal, onPage: req.onPage,
    },
  );
  crawler.remember(await store.crawl.frontierItems(runId, 'all'));
  try {
    const { pages } = await crawler.run(pending);
    const status = req.signal?.aborted ? 'interrupted' : 'completed';
    const sources = await store.crawl.finishRun(runId, status, { pages_this_session: pages });
    return { runId, resumed, status, pages, skipped: sources.reduce((n, s) => n + s.pagesSkipped, 0), sources };
  } catch (e) {
    throw await failRun(store, runId, e);
  } finally {
    await fetcher.close();
    await removeStaleTemp(snapshots.dir);
  }
}

/** Ends a run that could not store a page as failed (resumable), saying what stopped it and what is left. */
async function failRun(store: Store, runId: string, e: unknown): Promise<unknown> {
  const message = (e as Error).message ?? String(e);
  try {
    await store.crawl.finishRun(runId, 'failed', { error: message });
  } catch {
    return e; // the database itself is failing: its error says more than ours would
  }
  const left = (await store.crawl.frontierItems(runId, 'pending')).length;
  const what = `${message}: run ${runId} stopped as failed, ${left} page${left === 1 ? '' : 's'} not stored left to resume`;
  return new AppError(isAppError(e) ? e.kind : 'unavailable', what, { code: isAppError(e) ? e.code : undefined, field: isAppError(e) ? e.field : undefined, cause: e });
}
