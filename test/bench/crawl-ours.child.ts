// Crawl benchmark child: our crawler (runScrape) over the synthetic site; prints one JSON line { pages, wall_s, peak_rss_mb }.
// node bin/run-ts.js test/bench/crawl-ours.child.ts --port P --db PATH --snapshots DIR --hosts N --delay MS
import type { Adapter } from '../../scrapers/adapters/adapter.js';
import { createAdapterRegistry } from '../../scrapers/adapters/registry.js';
import { runScrape } from '../../scrapers/crawl/scrape-run.js';
import type { Resolver } from '../../scrapers/fetch/address-guard.js';
import { openDatabase } from '../../src/node/open-database.js';
import { childArgs, cpuSeconds, hostNames, numberArg, peakRssMb, type CrawlChildResult } from './crawl-site.js';

/** Follows same-host href="..." links and keeps no records: the crawl's own cost, not an adapter's. */
const linkAdapter: Adapter = {
  name: 'bench-links',
  parse(page) {
    const base = new URL(page.finalUrl);
    const links: Array<{ url: string; label: string }> = [];
    for (const m of (page.text ?? '').matchAll(/href="([^"#]+)"/g)) {
      const u = new URL(m[1]!, base);
      if (u.host === base.host) links.push({ url: u.href, label: 'page' });
    }
    return { records: [], links, layout: 'ok', problems: [] };
  },
};

/** Every *.test name is the loopback fixture server; anything else is refused (nothing leaves loopback). */
const resolver: Resolver = async (host) => {
  if (host.toLowerCase().endsWith('.test')) return ['127.0.0.1'];
  throw new Error(`bench resolver: ${host} is not a .test host`);
};

const args = childArgs();
const port = numberArg(args, 'port');
const hosts = hostNames(numberArg(args, 'hosts'));
const store = await openDatabase(args.db!);
const councils = [...(await store.knownCouncilCodes())];
if (councils.length < hosts.length) throw new Error(`need ${hosts.length} councils, the database has ${councils.length}`);

const started = performance.now();
const result = await runScrape(store, {
  urls: hosts.map((h, i) => ({ url: `http://${h}:${port}/`, councilCode: councils[i]!, adapter: linkAdapter.name })),
  settings: { allowHosts: ['*.test'], delayMs: numberArg(args, 'delay'), concurrency: hosts.length, maxPagesPerSource: 1000 },
  resolver,
  adapters: createAdapterRegistry([linkAdapter]),
  snapshotsDir: args.snapshots!,
});
const wall = (performance.now() - started) / 1000;
await store.driver.close();

const failed = result.sources.filter((s) => s.status !== 'ok');
if (result.status !== 'completed' || failed.length) throw new Error(`crawl ${result.status}; sources not ok: ${JSON.stringify(failed.slice(0, 3))}`);
const out: CrawlChildResult = { crawler: 'ours', pages: result.pages, wall_s: wall, cpu_s: cpuSeconds(), peak_rss_mb: peakRssMb() };
console.log(JSON.stringify(out));
