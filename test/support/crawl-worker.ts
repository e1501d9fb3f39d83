// The Worker's crawl on Miniflare (Cron, Queue, Durable Objects, R2, D1) beside a Node store, for tests that compare the
// scheduled refresh on Workers with a Node scrape of the same fixture site.
import { join } from 'node:path';
import { Miniflare } from 'miniflare';
import { createBetterSqliteDriver } from '../../src/store/drivers/better-sqlite3.js';
import { createD1Driver } from '../../src/store/drivers/d1.js';
import { createStore, type Store } from '../../src/store/store.js';
import { loadMigrations } from '../../src/node/data-files.js';
import { migrate } from '../../src/store/migrate.js';
import { EXAMPLESHIRE, syntheticBundle, taxonomy } from './synthetic-reference.js';
import { d1Of } from './worker-on-d1.js';

/** A store migrated, with the synthetic reference data and one source for Exampleshire. */
export async function loadCrawlSource(store: Store, entry: string, source: { kind: 'other' | 'directory'; platform: string }) {
  await migrate(store.driver, loadMigrations());
  await store.loadReference(syntheticBundle(), taxonomy);
  await store.crawl.addSource({ url: entry, council_code: EXAMPLESHIRE, kind: source.kind, platform: source.platform as never });
}

/** The bundled Worker with the crawl's bindings: the queue, one Durable Object per host, R2 for snapshots, D1. */
export const crawlMiniflare = (script: string, delayMs: number) =>
  new Miniflare({
    modules: true,
    script,
    compatibilityDate: '2026-04-01',
    compatibilityFlags: ['nodejs_compat'],
    d1Databases: { DB: 'test' },
    r2Buckets: ['SNAPSHOTS'],
    durableObjects: { HOSTS: 'HostTurnsObject' },
    queueProducers: { CRAWL_QUEUE: { queueName: 'sbb-crawl' } },
    queueConsumers: { 'sbb-crawl': { maxBatchSize: 10, maxBatchTimeout: 1, maxRetries: 5 } },
    bindings: { CRAWL_DELAY_MS: String(delayMs), CRAWL_ALLOW_HOSTS: '127.0.0.1', REFRESH_INTERVAL_DAYS: '7' },
  });

/** Offers as a reader sees them, without the fields that differ between any two runs (run ids, times of reading). */
export const comparableOffers = (offers: unknown[], runFields: RegExp) => JSON.parse(JSON.stringify(offers, (k, v) => (runFields.test(k) ? undefined : v)));

/** The Worker's D1 store and a Node store (a file in `dir`), each loaded with the same source, to compare their crawls. */
export async function workerAndNodeStores(mf: Miniflare, dir: string, entry: string, source: { kind: 'other' | 'directory'; platform: string }) {
  const d1Store = createStore(createD1Driver(await d1Of(mf)));
  await loadCrawlSource(d1Store, entry, source);
  const nodeStore = createStore(createBetterSqliteDriver(join(dir, 'node.sqlite')));
  await loadCrawlSource(nodeStore, entry, source);
  return { d1Store, nodeStore };
}
