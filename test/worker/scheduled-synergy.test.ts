// A Synergy search on the Worker: the queue carries each form post (its body in the message and the frontier), the
// consumer posts it with the Workers fetch, and the records equal those of a Node scrape of the same live fixture site.
import { join } from 'node:path';
import type { Miniflare } from 'miniflare';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runScrape } from '../../scrapers/crawl/scrape-run.js';
import { nodeFiles } from '../../src/node/node-files.js';
import { afterScrape } from '../../src/services/scrape.js';
import type { Store } from '../../src/store/store.js';
import { startFixtureServer, type FixtureServer } from '../support/fixture-server.js';
import { SEARCHES, synergySite } from '../support/synergy-site.js';
import { EXAMPLESHIRE } from '../support/synthetic-reference.js';
import { comparableOffers, crawlMiniflare, workerAndNodeStores } from '../support/crawl-worker.js';
import { tempDir } from '../support/temp-db.js';
import { bundleWorker, d1Of } from '../support/worker-on-d1.js';

/** An offer as a reader sees it, without what differs between any two runs (ids of runs, times of reading). */
const comparable = (offers: unknown[]) => comparableOffers(offers, /^(run_id|first_seen_at|last_seen_at|recorded_at|updated_at|scraped_at|retrieved)$/);

describe('Synergy postbacks on the Worker (Miniflare: Cron, Queue, Durable Objects, R2, D1)', () => {
  const t = tempDir('sbb-synergy-worker-');
  let server: FixtureServer;
  let mf: Miniflare;
  let d1Store: Store;
  let nodeStore: Store;

  beforeAll(async () => {
    server = await startFixtureServer();
    server.routes(synergySite());
    const entry = server.url + SEARCHES['226']!.path;
    mf = crawlMiniflare(bundleWorker(t.dir), 20);
    ({ d1Store, nodeStore } = await workerAndNodeStores(mf, t.dir, entry, { kind: 'directory', platform: 'servelec_synergy' }));
  }, 120_000);

  afterAll(async () => {
    await nodeStore?.driver.close();
    await mf?.dispose();
    await server?.close();
    t.cleanup();
  });

  it('the scheduled run posts the search and its pages through the queue, and stores what the Node scrape stores', async () => {
    await (await mf.getWorker()).scheduled({ cron: '0 3 * * 1' });
    const db = await d1Of(mf);
    const end = Date.now() + 90_000;
    let run: { id: string; status: string } | null = null;
    while (!run && Date.now() < end) {
      run = await db.prepare("SELECT id, status FROM runs WHERE kind = 'scrape' AND status != 'running'").first<{ id: string; status: string }>();
      if (!run) await new Promise((r) => setTimeout(r, 200));
    }
    expect(run?.status).toBe('completed');
    const posts = server.requests.filter((q) => q.method === 'POST');
    expect(posts.map((q) => new URLSearchParams(q.body).get('__EVENTTARGET'))).toEqual([
      'ctl00$ContentPlaceHolder1$StartNextLinkButton', 'ctl00$ContentPlaceHolder1$topPager$ctl01$ctl02', 'ctl00$ContentPlaceHolder1$topPager$ctl01$ctl03',
    ]);
    const rows = (await db.prepare("SELECT url, outcome FROM frontier WHERE run_id = ? AND form IS NOT NULL").bind(run!.id).all<{ url: string; outcome: string }>()).results;
    expect(rows.map((r) => r.outcome)).toEqual(['ok', 'ok', 'ok']);
    const fromWorker = await d1Store.offersOf(EXAMPLESHIRE);
    expect(fromWorker.map((o) => o.id).sort()).toEqual(SEARCHES['226']!.pages.flat().map((p) => `synergy:${EXAMPLESHIRE.toLowerCase()}:${p.id}-1`).sort());

    const r = await runScrape(nodeStore, { councils: [EXAMPLESHIRE], snapshotsDir: join(t.dir, 'snapshots'), settings: { allowHosts: ['127.0.0.1'], delayMs: 20 } });
    expect(r.status).toBe('completed');
    await afterScrape(nodeStore, r, nodeFiles());
    expect(comparable(fromWorker)).toEqual(comparable(await nodeStore.offersOf(EXAMPLESHIRE)));
  }, 150_000);
});
