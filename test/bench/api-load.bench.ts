// Benchmark: the HTTP API under load on loopback with autocannon, 10 s per route (50 connections), on the database
// built from data/. The server runs as `sbb serve` in its own process, as it does in use; the load generator runs
// in this one, on the same 2 cores. Targets: at least 5,000 req/s and p99 under 20 ms.
import { spawn } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { PROJECT_ROOT } from '../../src/node/paths.js';
import { builtDb } from '../support/temp-db.js';

const ROUTES = ['/api/compare/E10000017', '/api/offers?council=E10000017'];

/** Loads `url`; with `pathOf`, each request asks for the path it gives (a new one each time defeats every cache). */
export function load(url: string, seconds: number, pathOf?: (i: number) => string): Promise<autocannon.Result> {
  let i = 0;
  const requests = pathOf ? [{ setupRequest: (req: autocannon.Request) => ({ ...req, path: pathOf(i++) }) }] : undefined;
  return new Promise((resolve, reject) => {
    autocannon({ url, connections: 50, pipelining: 1, duration: seconds, ...(requests ? { requests } : {}) }, (err, result) => (err ? reject(err) : resolve(result)));
  });
}

/**
 * SBB_BENCH_CPU_PROF=DIR: the server writes a CPU profile (.cpuprofile, for Chrome's DevTools) into DIR when it stops;
 * SBB_BENCH_NODE_FLAGS: more flags for the server's node (e.g. --trace-gc); SBB_BENCH_SERVER_LOG=FILE: its output.
 */
const profileArgs = () => [
  ...(process.env.SBB_BENCH_CPU_PROF ? ['--cpu-prof', '--cpu-prof-dir', process.env.SBB_BENCH_CPU_PROF] : []),
  ...(process.env.SBB_BENCH_NODE_FLAGS?.split(/\s+/).filter(Boolean) ?? []),
];

/** `sbb serve` over `dbPath` in its own process; resolves to its URL and a stop function. */
export async function serveInChild(dbPath: string, responseCache: boolean): Promise<{ url: string; pid: number; stop: () => void }> {
  const child = spawn(process.execPath, [...profileArgs(), join(PROJECT_ROOT, 'bin', 'sbb.js'), 'serve', '--port', '0', '--db', dbPath], { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, SBB_WRITE_TOKEN: '', SBB_RESPONSE_CACHE: responseCache ? 'on' : 'off' } });
  const url = await new Promise<string>((resolve, reject) => {
    let seen = '';
    const log = process.env.SBB_BENCH_SERVER_LOG;
    child.stdout!.on('data', (chunk: Buffer) => {
      if (log) appendFileSync(log, chunk);
      seen += chunk.toString();
      const m = /listening on (http:\/\/\S+)/.exec(seen);
      if (m) resolve(m[1]!);
    });
    child.once('exit', (code) => reject(new Error(`sbb serve exited with ${code}: ${seen}`)));
  });
  return { url, pid: child.pid!, stop: () => child.kill('SIGTERM') };
}

export async function benchApiLoad(seconds = 10, options: { responseCache?: boolean } = {}) {
  const db = await builtDb();
  const server = await serveInChild(db.path, options.responseCache !== false);
  try {
    const url = server.url;
    const out: Record<string, { requests_per_s: number; p50_ms: number; p99_ms: number; bytes_per_response: number; errors: number; non_2xx: number; target_met: boolean }> = {};
    for (const route of ROUTES) {
      await load(url + route, 2); // warm: the first request scores the model and fills the response cache
      const r = await load(url + route, seconds);
      out[route] = {
        requests_per_s: Math.round(r.requests.average),
        p50_ms: r.latency.p50,
        p99_ms: r.latency.p99,
        bytes_per_response: Math.round(r.throughput.total / Math.max(1, r.requests.total)),
        errors: r.errors,
        non_2xx: r.non2xx,
        target_met: r.requests.average >= 5000 && r.latency.p99 < 20,
      };
    }
    return out;
  } finally {
    server.stop();
    db.cleanup();
  }
}

if (process.argv[1]?.endsWith('api-load.bench.ts')) console.log(await benchApiLoad(Number(process.argv[2] ?? 10), { responseCache: process.argv[3] !== 'nocache' }));
