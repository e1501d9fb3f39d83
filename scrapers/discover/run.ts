// Runs discovery for councils through the crawler: the same fetcher (address guard, timeouts), robots.txt cache,
// per-host lanes with their delay, and retries as `sbb scrape`, with a "discover" adapter that reads each page
// into the council's session and says which links to follow. Nothing is written: pages are not kept.
import type { CrawlItem, CrawlSource, ItemResult } from '../../src/domain/index.js';
import type { Adapter } from '../adapters/adapter.js';
import { createAdapterRegistry } from '../adapters/registry.js';
import { Crawler, type PageEvent } from '../crawl/crawler.js';
import { robotsOverFetcher } from '../crawl/robots-over-fetcher.js';
import type { Resolver } from '../fetch/address-guard.js';
import { createFetcher, type FetcherOptions } from '../fetch/fetcher.js';
import type { RetryPolicy } from '../fetch/retry-policy.js';
import type { SnapshotFiles } from '../snapshots/snapshot-files.js';
import { sha256Of } from '../snapshots/snapshot-files.js';
import type { Candidate } from './evidence.js';
import { DEFAULT_LIMITS, DiscoverySession, type DiscoverLimits, type DiscoverTarget, type Label } from './session.js';

export interface DiscoverOptions {
  allowHosts?: readonly string[];
  /** Minimum time between requests to one host (robots.txt Crawl-delay can raise it). */
  delayMs: number;
  concurrency?: number;
  limits?: Partial<DiscoverLimits>;
  userAgent?: string;
  fetch?: Pick<FetcherOptions, 'connectTimeoutMs' | 'headersTimeoutMs' | 'bodyTimeoutMs' | 'totalTimeoutMs' | 'maxBodyBytes' | 'maxDecodedBytes' | 'maxRedirects'>;
  /** Test hooks: DNS (names to loopback) and retry timing. */
  resolver?: Resolver;
  retry?: RetryPolicy;
  random?: () => number;
  signal?: AbortSignal;
  onPage?: (event: PageEvent) => void;
}

export interface DiscoverResult {
  councilCode: string;
  councilName: string;
  site: string;
  /** Pages read (2xx). */
  pages: number;
  candidates: Candidate[];
  /** What stopped discovery seeing the site (the home page gone, refused, blocked). */
  problems: string[];
}

export const DISCOVER_ADAPTER = 'discover';

/** Snapshots are not kept by discovery: bodies are read once and dropped. */
const noSnapshots: SnapshotFiles = {
  dir: '',
  put: async (bytes) => ({ sha256: sha256Of(bytes), written: false }),
  get: () => undefined,
  has: () => false,
};

export async function runDiscovery(targets: readonly DiscoverTarget[], options: DiscoverOptions): Promise<DiscoverResult[]> {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const sessions = new Map<string, DiscoverySession>();
  const sources = new Map<string, CrawlSource>();
  for (const [i, t] of targets.entries()) {
    const id = `discover_${i}_${t.councilCode}`;
    sessions.set(id, new DiscoverySession(t, limits));
    sources.set(id, { id, url: t.site, council_code: t.councilCode, kind: 'other', platform: null, title: null, notes: null, adapter: DISCOVER_ADAPTER });
  }

  const fetcher = createFetcher({ ...options.fetch, allowHosts: options.allowHosts ?? [], userAgent: options.userAgent, resolver: options.resolver });
  const robots = robotsOverFetcher(fetcher, options.signal);
  const adapter: Adapter = {
    name: DISCOVER_ADAPTER,
    async parse(page) {
      const session = sessions.get(page.source.id)!;
      // The Sitemap lines of the site's robots.txt, already fetched by the crawler before this page (cached, no request).
      const sameOrigin = new URL(page.url).origin === new URL(session.target.site).origin;
      const sitemaps = sameOrigin ? (await robots.rulesFor(page.url)).sitemaps : undefined;
      return { records: [], links: session.onPage(page, sitemaps), layout: 'ok', problems: [] };
    },
  };
  const ports = {
    async completeItem(result: ItemResult) {
      const { item, outcome, reason } = result;
      if (outcome === 'ok' || outcome === 'not_modified' || outcome === 'layout_changed') return;
      sessions.get(item.sourceId)!.onFailure(item.url, item.label as Label, outcome === 'host_unavailable' ? 'error' : outcome, reason ?? outcome);
    },
    recordDetection: async () => undefined,
    validators: async () => undefined,
    async skipItems(_runId: string, items: readonly CrawlItem[], reason: string) {
      for (const item of items) sessions.get(item.sourceId)!.onFailure(item.url, item.label as Label, 'error', reason);
    },
  };
  const crawler = new Crawler(
    'discover',
    sources,
    { fetcher, robots, snapshots: noSnapshots, adapters: createAdapterRegistry([adapter]), ports },
    { delayMs: options.delayMs, concurrency: options.concurrency ?? 8, maxPagesPerSource: limits.maxPages, retry: options.retry, random: options.random, signal: options.signal, onPage: options.onPage },
  );
  const seeds = [...sessions].flatMap(([sourceId, s]) => s.seeds().map((l) => ({ url: l.url, sourceId, label: l.label, depth: 0 })));
  crawler.remember(seeds);
  try {
    await crawler.run(seeds);
  } finally {
    await fetcher.close();
  }
  return [...sessions.values()].map((s) => ({
    councilCode: s.target.councilCode,
    councilName: s.target.councilName,
    site: s.target.site,
    pages: s.pagesRead,
    candidates: s.candidates(),
    problems: s.problems,
  }));
}
