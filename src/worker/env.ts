// The Worker's bindings (wrangler.toml) and the crawl settings read from its variables.
import type { CrawlItem } from '../domain/index.js';

/** One page of a scheduled run, as it travels through the queue. */
export interface CrawlMessage extends CrawlItem {
  runId: string;
}

export interface WorkerEnv {
  DB: D1Database;
  /** A secret (wrangler secret put SBB_WRITE_TOKEN): who may create workshops here; creating is off without it. */
  SBB_WRITE_TOKEN?: string;
  /** Scheduled refresh: absent on a Worker that only serves reads. */
  CRAWL_QUEUE?: Queue<CrawlMessage>;
  HOSTS?: DurableObjectNamespace;
  SNAPSHOTS?: R2Bucket;
  /** Days after which a source is due again (default 7). */
  REFRESH_INTERVAL_DAYS?: string;
  /** Milliseconds between requests to one host (default 1000; a robots.txt Crawl-delay may raise it). */
  CRAWL_DELAY_MS?: string;
  /** Comma-separated hosts that may be fetched at private addresses (tests: 127.0.0.1). */
  CRAWL_ALLOW_HOSTS?: string;
  MAX_PAGES_PER_SOURCE?: string;
}

export interface CrawlSettings {
  refreshIntervalMs: number;
  delayMs: number;
  allowHosts: string[];
  maxPagesPerSource: number;
}

const num = (v: string | undefined, fallback: number) => (v !== undefined && v.trim() !== '' && Number.isFinite(Number(v)) ? Number(v) : fallback);

export function crawlSettings(env: WorkerEnv): CrawlSettings {
  return {
    refreshIntervalMs: num(env.REFRESH_INTERVAL_DAYS, 7) * 86_400_000,
    delayMs: num(env.CRAWL_DELAY_MS, 1000),
    allowHosts: (env.CRAWL_ALLOW_HOSTS ?? '').split(',').map((h) => h.trim()).filter(Boolean),
    maxPagesPerSource: num(env.MAX_PAGES_PER_SOURCE, 500),
  };
}

/** The bindings scheduled refresh needs, or an error naming the missing ones. */
export function crawlBindings(env: WorkerEnv): { queue: Queue<CrawlMessage>; hosts: DurableObjectNamespace; snapshots: R2Bucket } {
  const missing = (['CRAWL_QUEUE', 'HOSTS', 'SNAPSHOTS'] as const).filter((k) => !env[k]);
  if (missing.length) throw new Error(`scheduled refresh needs the ${missing.join(', ')} binding(s) (wrangler.toml)`);
  return { queue: env.CRAWL_QUEUE!, hosts: env.HOSTS!, snapshots: env.SNAPSHOTS! };
}
