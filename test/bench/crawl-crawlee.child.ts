// Crawl benchmark child: Crawlee's CheerioCrawler over the same synthetic site; prints one JSON line { pages, wall_s, peak_rss_mb }.
// node bin/run-ts.js test/bench/crawl-crawlee.child.ts --port P --hosts N --delay MS --concurrency N
// Run it with a scratch directory as cwd: Crawlee keeps its storage in memory here, but anything it writes lands there.
import dns, { type LookupAddress, type LookupOptions } from 'node:dns';
import { childArgs, cpuSeconds, hostNames, numberArg, peakRssMb, type CrawlChildResult } from './crawl-site.js';

// Resolve *.test to the loopback fixture server before Crawlee (and got) load; other names go to the real lookup,
// which the crawl never reaches because it only enqueues same-hostname links of *.test hosts.
type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;
const isTest = (host: string) => host.toLowerCase().endsWith('.test');
const realLookup = dns.lookup.bind(dns) as (...args: unknown[]) => void;
const lookup = (hostname: string, options: LookupOptions | number | LookupCallback, callback?: LookupCallback) => {
  const cb = (typeof options === 'function' ? options : callback)!;
  if (!isTest(hostname)) return realLookup(hostname, options, callback);
  const all = typeof options === 'object' && options?.all === true;
  process.nextTick(() => (all ? cb(null, [{ address: '127.0.0.1', family: 4 }]) : cb(null, '127.0.0.1', 4)));
};
(dns as { lookup: unknown }).lookup = lookup;
const realPromisesLookup = dns.promises.lookup.bind(dns.promises) as (...args: unknown[]) => Promise<unknown>;
(dns.promises as { lookup: unknown }).lookup = async (hostname: string, options?: LookupOptions | number) => {
  if (!isTest(hostname)) return realPromisesLookup(hostname, options);
  const address = { address: '127.0.0.1', family: 4 };
  return typeof options === 'object' && options?.all === true ? [address] : address;
};

const { CheerioCrawler, Configuration, log } = await import('crawlee');
log.setLevel(log.LEVELS.WARNING);

const args = childArgs();
const port = numberArg(args, 'port');
const hosts = hostNames(numberArg(args, 'hosts'));
const concurrency = numberArg(args, 'concurrency');

let pages = 0;
let failed = 0;
const crawler = new CheerioCrawler(
  {
    sameDomainDelaySecs: numberArg(args, 'delay') / 1000,
    minConcurrency: concurrency,
    maxConcurrency: concurrency,
    maxRequestRetries: 0,
    async requestHandler({ enqueueLinks }) {
      pages++;
      await enqueueLinks({ strategy: 'same-hostname' });
    },
    failedRequestHandler() {
      failed++;
    },
  },
  new Configuration({ persistStorage: false, purgeOnStart: true }),
);

const started = performance.now();
await crawler.run(hosts.map((h) => `http://${h}:${port}/`));
const wall = (performance.now() - started) / 1000;
if (failed) throw new Error(`Crawlee: ${failed} requests failed`);
const out: CrawlChildResult = { crawler: 'crawlee', pages, wall_s: wall, cpu_s: cpuSeconds(), peak_rss_mb: peakRssMb() };
console.log(JSON.stringify(out));
