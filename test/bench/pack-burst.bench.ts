// Benchmark: 24 PDF pack requests at once at `sbb serve` (its own process, real Chromium), each with different
// options so none is shared: how long the burst takes, how many are built (200) and how many told to come back
// (503 + Retry-After), and the peak memory of the server with its browser; then the same 24 again, served from the
// packs it kept. Standalone: node bin/run-ts.js test/bench/pack-burst.bench.ts
import { spawnSbb } from '../support/sbb-process.js';
import { builtDb } from '../support/temp-db.js';
import { peakOf, treeRssMb } from './process-memory.js';

export async function benchPackBurst(requests = 24) {
  const db = await builtDb();
  const server = spawnSbb(['serve', '--port', '0', '--db', db.path], { SBB_WRITE_TOKEN: '' });
  try {
    const url = (await server.waitFor(/listening on (http:\/\/\S+)/))[1]!;
    const idle_mb = treeRssMb(server.child.pid!);
    const paths = Array.from({ length: requests }, (_, i) => `/api/packs/E10000017.pdf?contact=${encodeURIComponent(`Team ${i + 1}`)}`);
    const burst = async () => {
      const peak = peakOf(() => treeRssMb(server.child.pid!));
      const t = performance.now();
      const statuses = await Promise.all(paths.map((p) => fetch(url + p).then(async (r) => (await r.arrayBuffer(), r.status))));
      const seconds = (performance.now() - t) / 1000;
      return { seconds: Math.round(seconds * 10) / 10, ok: statuses.filter((s) => s === 200).length, busy_503: statuses.filter((s) => s === 503).length, other: statuses.filter((s) => s !== 200 && s !== 503).length, peak_mb: peak.stop() };
    };
    const first = await burst();
    const again = await burst();
    return { requests, idle_mb, first, again };
  } finally {
    await server.kill();
    db.cleanup();
  }
}

if (process.argv[1]?.endsWith('pack-burst.bench.ts')) console.log(JSON.stringify(await benchPackBurst(Number(process.argv[2] ?? 24)), null, 2));
