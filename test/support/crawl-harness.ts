// Crawl test harness: a real database, a loopback fixture server, and a small HTML adapter that follows links.
import { join } from 'node:path';
import type { Adapter } from '../../scrapers/adapters/adapter.js';
import { emptyOutput } from '../../scrapers/adapters/adapter.js';
import { createAdapterRegistry } from '../../scrapers/adapters/registry.js';
import { runScrape, type ScrapeRequest } from '../../scrapers/crawl/scrape-run.js';
import { DEFAULT_RETRY_POLICY } from '../../scrapers/fetch/retry-policy.js';
import { openDatabase } from '../../src/node/open-database.js';
import type { Store } from '../../src/store/store.js';
import { startFixtureServer, type FixtureServer } from './fixture-server.js';
import { builtDb } from './temp-db.js';

export const COUNCIL = 'E10000017';

/** Follows same-host links, yields one record per page titled <title>; "NEW-LAYOUT" pages are layout changes, "THROW" pages crash it. */
export const testHtmlAdapter: Adapter = {
  name: 'test-html',
  parse(page) {
    const text = page.text ?? '';
    if (text.includes('THROW')) throw new Error('adapter exploded on purpose');
    if (text.includes('NEW-LAYOUT')) return { ...emptyOutput(), layout: 'changed', problems: ['no results list on the page'] };
    const base = new URL(page.finalUrl);
    const links = [...text.matchAll(/href="([^"#]+)"/g)]
      .map((m) => new URL(m[1]!, base))
      .filter((u) => u.host === base.host)
      .map((u) => ({ url: u.href, label: 'page' }));
    const title = /<title>([^<]*)<\/title>/i.exec(text)?.[1]?.trim();
    const slug = base.pathname.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '').toLowerCase() || 'home';
    const records = title && page.source.council_code
      ? [{
          kind: 'offer' as const, id: `test-page-${slug}`, council_code: page.source.council_code, name: title, type: null, statutory_categories: [],
          time_slots: [], access_tier: null, gates: [], cost: { status: 'unknown' as const, charges: [] }, allowances: [], districts: [], source_terms: [],
          origin: 'scraped' as const, source: { url: page.url, kind: 'local_offer_page' as const }, evidence_quote: title, published: null,
          retrieved: page.retrieved, confidence: 0.5,
        }]
      : [];
    return { records, links, layout: 'ok', problems: [] };
  },
};

export const FAST_RETRY = { ...DEFAULT_RETRY_POLICY, baseDelayMs: 20, maxDelayMs: 100 };

export interface Harness {
  server: FixtureServer;
  store: Store;
  dir: string;
  dbPath: string;
  snapshotsDir: string;
  scrape(paths: string[], extra?: Partial<ScrapeRequest> & { delayMs?: number; fetch?: Record<string, number> }): ReturnType<typeof runScrape>;
  close(): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  const db = await builtDb({ curated: [] });
  const store = await openDatabase(db.path);
  const server = await startFixtureServer();
  const snapshotsDir = join(db.dir, 'snapshots');
  return {
    server, store, dir: db.dir, dbPath: db.path, snapshotsDir,
    scrape: (paths, extra = {}) =>
      runScrape(store, {
        urls: paths.map((p) => ({ url: server.url + p, councilCode: COUNCIL, adapter: 'test-html' })),
        snapshotsDir,
        adapters: createAdapterRegistry([testHtmlAdapter]),
        retry: FAST_RETRY,
        random: () => 0.5,
        ...extra,
        settings: {
          allowHosts: ['127.0.0.1'],
          delayMs: extra.delayMs ?? 0,
          concurrency: 4,
          fetch: { headersTimeoutMs: 800, bodyTimeoutMs: 800, totalTimeoutMs: 1500, maxBodyBytes: 256 * 1024, maxDecodedBytes: 1024 * 1024, ...extra.fetch },
          ...extra.settings,
        },
      }),
    async close() {
      await server.close();
      await store.driver.close();
      db.cleanup();
    },
  };
}
