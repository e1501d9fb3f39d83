// Benchmark (soak): `sbb serve` under 50 connections of mixed reads while writers run: imports through the API every
// half second, `sbb import`, `sbb classify --all`, `db build --fresh` early and `db build` (in place) later, each a
// real process. Counts: 5xx answers (target 0), writes the API confirmed after the fresh build that are missing from
// the file after the server stops (target 0), 409s (a write refused while another process writes), and the server's
// memory after warm-up against the end (flat). Standalone: node bin/run-ts.js test/bench/soak.bench.ts [seconds]
import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { PROJECT_ROOT } from '../../src/node/paths.js';
import { runSbb, spawnSbb } from '../support/sbb-process.js';
import { builtDb } from '../support/temp-db.js';
import { peakOf, treeRssMb } from './process-memory.js';

const TOKEN = 'soak-token';
const FILE = join(PROJECT_ROOT, 'data/curated/E06000001-hartlepool.json');
const RECORD = (JSON.parse(readFileSync(FILE, 'utf8')) as { records: unknown[] }).records[0];
const READS = ['/api/councils', '/api/compare/E10000017', '/api/offers?council=E10000017', '/api/councils/E08000019', '/api/gaps/E10000017', '/-/health', '/-/version', '/', '/api/coverage'];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function benchSoak(seconds = 60) {
  const db = await builtDb();
  const server = spawnSbb(['serve', '--port', '0', '--db', db.path], { SBB_WRITE_TOKEN: TOKEN });
  try {
    const url = (await server.waitFor(/listening on (http:\/\/\S+)/))[1]!;
    const pid = server.child.pid!;
    const load = new Promise<autocannon.Result>((resolve, reject) =>
      autocannon({ url, connections: 50, duration: seconds, requests: READS.map((path) => ({ method: 'GET', path })) }, (e, r) => (e ? reject(e) : resolve(r))),
    );
    const end = Date.now() + seconds * 1000;
    const writes = { confirmed_after_fresh: [] as string[], confirmed: 0, refused_409: 0, failed_5xx: 0, other: 0 };
    let freshDone = false;
    const apiImports = (async () => {
      while (Date.now() < end - 1000) {
        const res = await fetch(`${url}/api/import`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${TOKEN}` }, body: JSON.stringify({ records: [RECORD] }) });
        const body = (await res.json()) as { data?: { run_id: string } };
        if (res.status === 200) {
          writes.confirmed++;
          if (freshDone) writes.confirmed_after_fresh.push(body.data!.run_id);
        } else if (res.status === 409) writes.refused_409++;
        else if (res.status >= 500) writes.failed_5xx++;
        else writes.other++;
        await sleep(500);
      }
    })();
    const cli: Record<string, number | null> = {};
    const writers = (async () => {
      await sleep(3000);
      cli.build_fresh = (await runSbb(['db', 'build', '--fresh', '--db', db.path])).code;
      freshDone = true;
      await sleep(2000);
      cli.import = (await runSbb(['import', FILE, '--db', db.path])).code;
      cli.classify = (await runSbb(['classify', '--all', '--db', db.path])).code;
      await sleep(Math.max(0, seconds * 500 - 15_000));
      cli.build_in_place = (await runSbb(['db', 'build', '--db', db.path])).code;
    })();
    await sleep(Math.min(10_000, seconds * 200));
    const warm_mb = treeRssMb(pid);
    const peak = peakOf(() => treeRssMb(pid), 250);
    const every_10_s: number[] = [warm_mb];
    const sampler = setInterval(() => every_10_s.push(treeRssMb(pid)), 10_000);
    const [r] = await Promise.all([load, apiImports, writers]);
    clearInterval(sampler);
    const end_mb = treeRssMb(pid);
    const peak_mb = peak.stop();
    await server.kill();
    const file = new Database(db.path, { readonly: true });
    const present = (id: string) => Boolean(file.prepare('SELECT 1 FROM runs WHERE id = ?').get(id));
    const lost = writes.confirmed_after_fresh.filter((id) => !present(id)).length;
    file.close();
    return {
      seconds,
      reads: { requests: r.requests.total, requests_per_s: Math.round(r.requests.average), p99_ms: r.latency.p99, non_2xx: r.non2xx, status_5xx: r['5xx'], errors: r.errors },
      writes: { confirmed: writes.confirmed, confirmed_after_fresh_build: writes.confirmed_after_fresh.length, lost, refused_409: writes.refused_409, failed_5xx: writes.failed_5xx, other: writes.other },
      cli_exit_codes: cli,
      memory_mb: { after_warm_up: warm_mb, end: end_mb, peak: peak_mb, every_10_s },
    };
  } finally {
    await server.kill();
    db.cleanup();
  }
}

if (process.argv[1]?.endsWith('soak.bench.ts')) console.log(JSON.stringify(await benchSoak(Number(process.argv[2] ?? 60)), null, 2));
