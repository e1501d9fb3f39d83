// Starts or resumes a scrape run: picks the sources, wires fetcher, robots, snapshots and adapters, records the end.
import type { CrawlSource, SourceSummary } from '../../src/domain/index.js';
import { invalid, notFound } from '../../src/domain/errors.js';
import type { Store } from '../../src/store/store.js';
import type { PageEvent } from './crawler.js';
import { Crawler } from './crawler.js';
import { detectFromUrl } from '../adapters/detect-platform.js';
import { shippedAdapters } from '../adapters/all.js';
import type { AdapterRegistry } from '../adapters/registry.js';
import type { Resolver } from '../fetch/address-guard.js';
import { createFetcher, type FetcherOptions } from '../fetch/fetcher.js';
import type { RetryPolicy } from '../fetch/retry-policy.js';
import { robotsOverFetcher } from './robots-over-fetcher.js';
import { createSnapshotFiles } from '../snapshots/snapshot-files.js';

/** Settings a run records, so `--resume` carries on with them. */
export interface ScrapeSettings {
  allowHosts: string[];
  concurrency: number;
  delayMs: number;
  maxPagesPerSource: number;
  userAgent?: string;
  fetch?: Pick<FetcherOptions, 'connectTimeoutMs' | 'headersTimeoutMs' | 'bodyTimeoutMs' | 'totalTimeoutMs' | 'maxBodyBytes' | 'maxDecodedBytes' | 'maxRedirects'>;
}

export const DEFAULT_SETTINGS: ScrapeSettings = { allowHosts: [], concurrency: 8, delayMs: 1000, maxPagesPerSource: 500 };

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
  signal?: AbortSignal;
  onStart?: (info: { runId: string; resumed: boolean; sources: CrawlSource[]; pending: number }) => void;
  onPage?: (event: PageEvent) => void;
}

export interface ScrapeResult {
  runId: string;
  resumed: boolean;
  status: 'completed' | 'interrupted';
  pages: number;
  sources: SourceSummary[];
}

async function chooseSources(store: Store, req: ScrapeRequest): Promise<CrawlSource[]> {
  const picked = new Map<string, CrawlSource>();
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
  const crawler = new Crawler(
    runId,
    new Map(sources.map((s) => [s.id, s])),
    { fetcher, robots, snapshots: createSnapshotFiles(req.snapshotsDir), adapters: req.adapters ?? shippedAdapters(), ports: store.crawl },
    { delayMs: settings.delayMs, concurrency: settings.concurrency, maxPagesPerSource: settings.maxPagesPerSource, retry: req.retry, random: req.random, signal: req.signal, onPage: req.onPage },
  );
  crawler.remember(await store.crawl.frontierItems(runId, 'all'));
  try {
    const { pages } = await crawler.run(pending);
    const status = req.signal?.aborted ? 'interrupted' : 'completed';
    const sources = await store.crawl.finishRun(runId, status, { pages_this_session: pages });
    return { runId, resumed, status, pages, sources };
  } finally {
    await fetcher.close();
  }
}
