// Benchmark: crawling 100 hosts x 50 pages on loopback with a 200 ms per-host delay, ours against Crawlee's CheerioCrawler.
// Each crawler runs in its own child process (so peak RSS is its own) against a fixture server in this process,
// which checks what was fetched and the per-host gaps between requests.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildDatabase } from '../../src/node/build-database.js';
import { PROJECT_ROOT } from '../../src/node/paths.js';
import { startFixtureServer, syntheticSite, type Behaviour, type FixtureServer } from '../support/fixture-server.js';
import { BYTES_PER_PAGE, DELAY_MS, FLOOR_S, HOSTS, PAGES_PER_HOST, hostName, hostNames, type CrawlChildResult } from './crawl-site.js';

const CHILD_TIMEOUT_MS = 5 * 60_000;
const TARGET_RATIO = 1.15;

export interface CrawlFigures {
  /** Pages fetched, counted at the server (index pages included, robots.txt not). */
  pages: number;
  /** Every request the server saw (robots.txt included). */
  requests: number;
  /** Pages the crawler itself reported. */
  pages_reported: number;
  wall_s: number;
  ratio_to_floor: number;
  pages_per_s: number;
  /** CPU seconds the crawler's process used (start-up included). */
  cpu_s: number;
  peak_rss_mb: number;
  /** The smallest gap between two requests to the same host, over all hosts. */
  min_host_gap_ms: number;
}

/** One host's site: '/' links to all 50 pages (~21 KB each), robots.txt allows all. Built once, relabelled per host. */
function sitesByHost(): Map<string, Record<string, Behaviour>> {
  const template = hostName(0);
  const base = syntheticSite({ pages: PAGES_PER_HOST, bytesPerPage: BYTES_PER_PAGE, host: template });
  const sites = new Map<string, Record<string, Behaviour>>();
  for (const host of hostNames()) {
    const site: Record<string, Behaviour> = {};
    for (const [path, b] of Object.entries(base))
      site[path] = b.kind === 'static' && typeof b.body === 'string' ? { ...b, body: b.body.replaceAll(template, host) } : b;
    sites.set(host, site);
  }
  return sites;
}

/** Runs one child to completion and returns its JSON line. */
function runChild(script: string, args: string[], cwd: string): Promise<CrawlChildResult> {
  return new Promise((resolve, reject) => {
    // CRAWL_BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the children.
    const nodeArgs = (process.env.CRAWL_BENCH_NODE_ARGS ?? '').split(/\s+/).filter(Boolean);
    const child = spawn(process.execPath, [...nodeArgs, join(PROJECT_ROOT, 'bin', 'run-ts.js'), fileURLToPath(new URL(script, import.meta.url)), ...args], {
      cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill(), CHILD_TIMEOUT_MS);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const line = stdout.trim().split('\n').reverse().find((l) => l.startsWith('{'));
      if (code !== 0 || !line) return reject(new Error(`${script} exited with ${code ?? signal}:\n${stderr.slice(-4000) || stdout.slice(-4000)}`));
      resolve(JSON.parse(line) as CrawlChildResult);
    });
  });
}

/** Checks that every host's index and 50 pages were fetched exactly once and nothing else but robots.txt. */
function checkRequests(server: FixtureServer, who: string): { pages: number; minGapMs: number } {
  const hosts = new Set(hostNames());
  const expected = new Set(['/', ...Array.from({ length: PAGES_PER_HOST }, (_, i) => `/page/${i + 1}`)]);
  const counts = new Map<string, number>();
  let pages = 0;
  for (const r of server.requests) {
    if (!hosts.has(r.host)) throw new Error(`${who}: request for an unknown host ${r.host}${r.path}`);
    if (r.path === '/robots.txt') continue;
    if (!expected.has(r.path)) throw new Error(`${who}: unexpected request ${r.host}${r.path}`);
    const key = `${r.host}${r.path}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
    pages++;
  }
  const missing = hostNames().flatMap((h) => [...expected].filter((p) => !counts.has(`${h}${p}`)).map((p) => `${h}${p}`));
  const twice = [...counts].filter(([, n]) => n > 1).map(([k]) => k);
  if (missing.length || twice.length)
    throw new Error(`${who}: ${missing.length} pages not fetched (${missing.slice(0, 3).join(', ')}), ${twice.length} fetched more than once (${twice.slice(0, 3).join(', ')})`);
  const minGapMs = Math.min(...hostNames().map((h) => Math.min(...server.gapsMs(h))));
  return { pages, minGapMs };
}

/** Serves the site on a fresh server, runs one crawler's child against it, and checks the server's log. */
async function crawlWith(who: string, script: string, args: string[], cwd: string, sites: Map<string, Record<string, Behaviour>>): Promise<CrawlFigures> {
  const server = await startFixtureServer();
  try {
    for (const [host, site] of sites) server.routes(site, host);
    const child = await runChild(script, ['--port', String(server.port), '--hosts', String(HOSTS), '--delay', String(DELAY_MS), ...args], cwd);
    const { pages, minGapMs } = checkRequests(server, who);
    return {
      pages,
      requests: server.requests.length,
      pages_reported: child.pages,
      wall_s: round(child.wall_s, 2),
      ratio_to_floor: round(child.wall_s / FLOOR_S, 3),
      pages_per_s: Math.round(pages / child.wall_s),
      cpu_s: round(child.cpu_s, 1),
      peak_rss_mb: child.peak_rss_mb,
      min_host_gap_ms: round(minGapMs, 1),
    };
  } finally {
    await server.close();
  }
}

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

export async function benchCrawl() {
  const tmp = mkdtempSync(join(tmpdir(), 'sbb-bench-crawl-'));
  try {
    const dbPath = join(tmp, 'bench.sqlite');
    await buildDatabase(dbPath, { curated: [] });
    const sites = sitesByHost();
    const ours = await crawlWith('ours', './crawl-ours.child.ts', ['--db', dbPath, '--snapshots', join(tmp, 'snapshots')], tmp, sites);
    const crawlee = await crawlWith('crawlee', './crawl-crawlee.child.ts', ['--concurrency', String(HOSTS)], tmp, sites);
    return {
      site: { hosts: HOSTS, pages_per_host: PAGES_PER_HOST, bytes_per_page: BYTES_PER_PAGE, delay_ms: DELAY_MS, floor_s: FLOOR_S },
      ours,
      crawlee,
      targets: {
        ours_within_floor_target: ours.ratio_to_floor <= TARGET_RATIO,
        ours_polite: ours.min_host_gap_ms >= DELAY_MS,
        faster_than_crawlee: ours.wall_s < crawlee.wall_s,
        leaner_than_crawlee: ours.peak_rss_mb < crawlee.peak_rss_mb,
      },
    };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** The figures as a small table. */
export function crawlTable(rows: Record<string, CrawlFigures>): string {
  const head = ['crawler', 'pages', 'requests', 'wall s', 'x floor', 'pages/s', 'CPU s', 'peak RSS MB', 'min host gap ms'];
  const body = Object.entries(rows).map(([name, f]) => [
    name, String(f.pages), String(f.requests), f.wall_s.toFixed(2), f.ratio_to_floor.toFixed(3), String(f.pages_per_s), f.cpu_s.toFixed(1), String(f.peak_rss_mb), f.min_host_gap_ms.toFixed(1),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]!.length)));
  const line = (cells: string[]) => '  ' + cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}
