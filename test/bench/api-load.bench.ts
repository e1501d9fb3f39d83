// Benchmark: the HTTP API under load on loopback with autocannon, 10 s per route (50 connections), on the database
// built from data/: requests per second and latency percentiles. Targets: at least 5,000 req/s, p99 under 20 ms.
import autocannon from 'autocannon';
import { openDatabase } from '../../src/node/open-database.js';
import { startServer } from '../../src/node/serve.js';
import { builtDb } from '../helpers/temp-db.js';

const ROUTES = ['/api/compare/E10000017', '/api/offers?council=E10000017'];

function load(url: string, seconds: number): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon({ url, connections: 50, pipelining: 1, duration: seconds }, (err, result) => (err ? reject(err) : resolve(result)));
  });
}

export async function benchApiLoad(seconds = 10) {
  const db = await builtDb();
  const store = await openDatabase(db.path, { readonly: true });
  const server = await startServer(store, 0, '127.0.0.1', { writeToken: '' });
  try {
    const out: Record<string, { requests_per_s: number; p50_ms: number; p99_ms: number; errors: number; non_2xx: number; target_met: boolean }> = {};
    for (const route of ROUTES) {
      await load(server.url + route, 1); // warm: the first request scores the model and fills the response cache
      const r = await load(server.url + route, seconds);
      out[route] = {
        requests_per_s: Math.round(r.requests.average),
        p50_ms: r.latency.p50,
        p99_ms: r.latency.p99,
        errors: r.errors,
        non_2xx: r.non2xx,
        target_met: r.requests.average >= 5000 && r.latency.p99 < 20,
      };
    }
    return out;
  } finally {
    await server.close();
    await store.driver.close();
    db.cleanup();
  }
}

if (process.argv[1]?.endsWith('api-load.bench.ts')) console.log(await benchApiLoad(Number(process.argv[2] ?? 10)));
