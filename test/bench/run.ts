// `npm run bench`: runs every benchmark and prints its figures (and writes them to test/out/bench.json).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../src/node/paths.js';
import { benchCrawl, crawlTable } from './crawl.bench.js';
import { benchImportOffers } from './import-offers.bench.js';
import { benchOfstedReports } from './ofsted.bench.js';
import { benchParseKb5 } from './parse-kb5.bench.js';
import { benchParseOruk } from './parse-oruk.bench.js';
import { benchScoring } from './scoring.bench.js';
import { benchApiLoad } from './api-load.bench.js';
import { benchUncachedCompare } from './api-uncached.bench.js';
import { benchPack } from './pack-bench.js';
import { benchPackBurst } from './pack-burst.bench.js';
import { benchQueueSchedule } from './queue-schedule.bench.js';
import { DEFAULT_HOLD_MS } from '../../scrapers/crawl/host-gate.js';
import { benchSoak } from './soak.bench.js';
import { benchStartup } from './startup.bench.js';
import { benchWorkshopLoad } from './workshop-load.bench.js';

const results: Record<string, unknown> = { node: process.version, at: new Date().toISOString() };

const peak = () => Math.round(process.resourceUsage().maxRSS / 1024);

console.log('startup: a new `sbb` process, median of 7 (target under 500 ms), compiled (dist/cli) and from the TypeScript sources');
const startup = await benchStartup();
results.startup = startup;
console.log(
  `  sbb --help ${startup.help_ms} ms, sbb council 888 ${startup.council_ms} ms (target ${startup.target_met ? 'met' : 'NOT met'}); ` +
    `from the sources through tsx: ${startup.help_from_source_ms} ms and ${startup.council_from_source_ms} ms`,
);

console.log('import: 100,000 synthetic offers into SQLite (validate with zod + taxonomy, then one atomic batch)');
const imp = await benchImportOffers(100_000);
results.import_offers = { ...imp, peak_rss_mb: peak() };
console.log(
  `  validate ${imp.validate_s.toFixed(2)} s, write ${imp.write_s.toFixed(2)} s: ` +
    `${imp.records_per_s_write.toLocaleString('en-GB')} records/s written, ` +
    `${imp.records_per_s_validate_and_write.toLocaleString('en-GB')} records/s validated and written; peak RSS ${peak()} MB`,
);

console.log('parse (single core): Idox kb5 service detail pages and ORUK v1 service details, after warm-up');
const kb5 = await benchParseKb5();
const oruk = await benchParseOruk();
results.parse = { kb5, oruk };
console.log(
  `  kb5: ${kb5.pages_per_s.toLocaleString('en-GB')} pages/s (${kb5.pages} pages of ~${Math.round(kb5.bytes_per_page / 1024)} KB in ${kb5.seconds.toFixed(2)} s; target 300)` +
    `\n  ORUK v1: ${oruk.services_per_s.toLocaleString('en-GB')} services/s (${oruk.services} services in ${oruk.seconds.toFixed(2)} s)`,
);

console.log('ofsted: reading the 25 area SEND report PDFs (text layer, header, sentences, short-break findings)');
const reports = await benchOfstedReports();
results.ofsted_reports = reports;
console.log(`  ${reports.mean_ms} ms per report on average (median ${reports.median_ms}, slowest ${reports.max_ms}); the first, loading pdf.js, ${reports.first_ms} ms`);

console.log('scoring: all 153 councils within their 10 statistical neighbours, 50,000 synthetic offers, 1,000 sensitivity samples each');
const scoring = await benchScoring(50_000, 1000);
results.scoring = scoring;
console.log(
  `  ${scoring.total_ms} ms in all (median of 5 warm runs; target under 1,000 ms: ${scoring.target_met ? 'met' : 'NOT met'}): ` +
    `metrics for every council ${scoring.prepare_ms} ms, groups, ranks and sensitivity ${scoring.score_all_with_sensitivity_ms} ms; ` +
    `first run ${scoring.cold_total_ms} ms; one full comparison with explanations ${scoring.one_compare_ms} ms, one gap analysis ${scoring.one_gaps_ms} ms`,
);

console.log('packs: a full pack for Lancashire (HTML, easy read, annex CSV+XLSX, ZIP without PDF), and the PDFs printed by Chromium');
const pack = await benchPack();
results.pack = pack;
console.log(`  ${JSON.stringify(pack)}`);

console.log('pack burst: 24 PDF packs asked at once of `sbb serve` (2 built at a time, 16 waiting, the rest 503 + Retry-After), then the same 24 again');
const burst = await benchPackBurst(24);
results.pack_burst = burst;
for (const [label, b] of [['first', burst.first], ['again', burst.again]] as const)
  console.log(`  ${label}: ${b.seconds} s, ${b.ok} built or kept (200), ${b.busy_503} told to come back (503), ${b.other} other; server with Chromium peak ${b.peak_mb} MB (idle ${burst.idle_mb} MB)`);

console.log('soak: `sbb serve` under 50 connections of mixed reads for 60 s while API imports, sbb import, classify --all, db build --fresh and db build run');
const soak = await benchSoak(60);
results.soak = soak;
console.log(
  `  reads: ${soak.reads.requests.toLocaleString('en-GB')} (${soak.reads.requests_per_s} req/s, p99 ${soak.reads.p99_ms} ms), ${soak.reads.status_5xx} 5xx, ${soak.reads.non_2xx} non-2xx; ` +
    `writes: ${soak.writes.confirmed} confirmed, ${soak.writes.lost} lost, ${soak.writes.refused_409} refused 409 while another process wrote, ${soak.writes.failed_5xx} 5xx; ` +
    `commands exit ${JSON.stringify(soak.cli_exit_codes)}; memory ${soak.memory_mb.after_warm_up} MB after warm-up, ${soak.memory_mb.end} MB at the end, peak ${soak.memory_mb.peak} MB`,
);

console.log('API under load: autocannon on loopback, 50 connections, 10 s per route (targets: at least 5,000 req/s, p99 under 20 ms)');
const api = await benchApiLoad(10);
results.api_load = api;
for (const [route, r] of Object.entries(api))
  console.log(`  ${route}: ${r.requests_per_s.toLocaleString('en-GB')} req/s, p50 ${r.p50_ms} ms, p99 ${r.p99_ms} ms, ${r.bytes_per_response.toLocaleString('en-GB')} bytes each, ${r.errors} errors, ${r.non_2xx} non-2xx: target ${r.target_met ? 'met' : 'NOT met'}`);
const uncached = await benchApiLoad(5, { responseCache: false });
results.api_load_without_response_cache = uncached;
for (const [route, r] of Object.entries(uncached))
  console.log(`  without the response cache (SBB_RESPONSE_CACHE=off), 5 s: ${route}: ${r.requests_per_s.toLocaleString('en-GB')} req/s, p50 ${r.p50_ms} ms, p99 ${r.p99_ms} ms`);

console.log('compare when no cache helps (new weights or a new group each request) beside a plain uncached read, 50 connections, 10 s each (target: at least half the plain read\'s rate, p99 under 50 ms)');
const fresh = await benchUncachedCompare(10);
results.api_uncached_compare = fresh;
for (const [name, r] of Object.entries(fresh.figures)) console.log(`  ${name}: ${r.requests_per_s.toLocaleString('en-GB')} req/s, p50 ${r.p50_ms} ms, p99 ${r.p99_ms} ms, ${r.non_2xx} non-2xx`);
console.log(`  compare with new weights at ${fresh.ratio_new_weights}x, with a new group at ${fresh.ratio_new_group}x the plain read: target ${fresh.target_met ? 'met' : 'NOT met'}`);

console.log('workshop: 200 participants submitting 8 options x 6 factors to `sbb serve` (no write token), five rounds all at once and five arriving within a second, the facilitator polling results every second (target: every score counted once, p99 under 100 ms)');
const workshop = await benchWorkshopLoad(200, 5);
results.workshop_load = workshop;
console.log(
  `  ${workshop.submissions} submissions of ${workshop.scores_per_submission} scores, ${workshop.failed} failed, every score counted once: ${workshop.every_score_counted_once ? 'yes' : 'NO'}; ` +
    `all at once p50 ${workshop.at_once.p50_ms} ms, p99 ${workshop.at_once.p99_ms} ms (server's own p50 ${workshop.server_at_once.app.p50_ms} ms, p99 ${workshop.server_at_once.app.p99_ms} ms); ` +
    `within a second p50 ${workshop.within_1s.p50_ms} ms, p99 ${workshop.within_1s.p99_ms} ms (server's own p99 ${workshop.server_within_1s.app.p99_ms} ms); ` +
    `server CPU per 200 at once ${workshop.server_cpu_ms_per_200.at_once.join(', ')} ms; a bare Node HTTP server under the same client p99 ${workshop.bare_http_floor_at_once.p99_ms} ms; ` +
    `results polled ${workshop.facilitator_polls} times (p99 ${workshop.poll_p99_ms} ms); the app alone takes 200 at once in ${workshop.app_only_200_at_once_ms.join(', ')} ms: target ${workshop.target_met ? 'met' : 'NOT met'}`,
);

console.log('crawl: 100 hosts x 50 pages (~21 KB) on loopback, 200 ms per-host delay, politeness floor 10 s; ours against Crawlee CheerioCrawler');
const crawl = await benchCrawl();
results.crawl = crawl;
console.log(crawlTable({ ours: crawl.ours, crawlee: crawl.crawlee }));
const t = crawl.targets;
const mark = (ok: boolean) => (ok ? 'met' : 'NOT met');
console.log(
  `  targets: within 1.15x of the floor ${mark(t.ours_within_floor_target)}, per-host gap >= 200 ms ${mark(t.ours_polite)}, ` +
    `faster than Crawlee ${mark(t.faster_than_crawlee)}, leaner than Crawlee ${mark(t.leaner_than_crawlee)}`,
);

console.log('scheduled refresh on Workers (simulated clock, in-process): 153 invented councils x 50 pages through the queue (batches of 10) and one host gate per council (the Durable Object\'s HostGate), 1 s delay, requests of 80-600 ms');
results.queue_schedule = [];
for (const consumers of [25, 250])
  for (const holdMs of [Infinity, DEFAULT_HOLD_MS]) {
    const q = await benchQueueSchedule({ consumers, holdMs });
    (results.queue_schedule as unknown[]).push(q);
    console.log(
      `  ${consumers} consumers, ${holdMs === Infinity ? 'every page waits for its turn' : `pages back to the queue beyond ${holdMs / 1000} s of waiting (${q.retried.toLocaleString('en-GB')} sent back)`}: ` +
        `${q.pages.toLocaleString('en-GB')} pages in ${q.simulated_s} s simulated (${q.pages_per_s} pages/s; floor ${q.floor_s} s), ` +
        `smallest per-host gap ${q.min_gap_after_end_ms} ms after a request ended (${q.min_gap_between_starts_ms} ms between starts): ${q.min_gap_after_end_ms >= q.delay_ms ? 'never below the delay' : 'BELOW THE DELAY'}; ` +
        `longest wait for a turn ${q.max_turn_wait_s} s; ${q.wall_ms} ms to simulate`,
    );
  }

const out = join(PROJECT_ROOT, 'test', 'out');
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'bench.json'), JSON.stringify(results, null, 2) + '\n');
console.log(`figures written to ${join('test', 'out', 'bench.json')}`);
