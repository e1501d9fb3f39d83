// Benchmark: compare when no cache can help, beside a plain read, in the same run (issue 16, item 5). A dashboard
// that varies weights or groups asks for a URL never seen before each time; the target is at least half the rate
// of a plain uncached read of the same council's offers (/api/offers?council=CODE), with p99 under 50 ms at 50
// connections. The server runs as `sbb serve` in its own process; autocannon runs in this one, on the same 2 cores.
import type autocannon from 'autocannon';
import { builtDb } from '../support/temp-db.js';
import { load, serveInChild } from './api-load.bench.js';

const CODE = 'E10000017';

/** Weights never asked for before: a fresh choice weight per request (two decimals, so a million of them). */
const newWeights = (i: number) => `/api/compare/${CODE}?weights=choice=${(1 + i / 100).toFixed(2)}`;

/** Groups never asked for before: the council with a different set of five others each time. */
function newGroup(codes: readonly string[]) {
  return (i: number) => {
    const picked = new Set<string>();
    for (let k = 1; picked.size < 5; k++) picked.add(codes[(i * 7 + k * k * 13 + k) % codes.length]!);
    return `/api/compare/${CODE}?group=custom:${[CODE, ...picked].join(',')}`;
  };
}

export interface LoadFigure {
  requests_per_s: number;
  p50_ms: number;
  p99_ms: number;
  non_2xx: number;
  errors: number;
}

const figure = (r: autocannon.Result): LoadFigure => ({ requests_per_s: Math.round(r.requests.average), p50_ms: r.latency.p50, p99_ms: r.latency.p99, non_2xx: r.non2xx, errors: r.errors });

export async function benchUncachedCompare(seconds = 10) {
  const db = await builtDb();
  const codes = await fetchCodes(db.path);
  const out: Record<string, LoadFigure> = {};
  // Without the response cache: the plain read and the compare misses, as every request would be.
  const off = await serveInChild(db.path, false);
  try {
    await load(off.url + '/', 2, newWeights); // warm: the scoring model is read once per data version
    out.offers_uncached = figure(await load(off.url, seconds, () => `/api/offers?council=${CODE}`));
    out.compare_new_weights = figure(await load(off.url, seconds, newWeights));
    out.compare_new_group = figure(await load(off.url, seconds, newGroup(codes)));
    // A slider that needs scores and ranks only: samples=0 skips the rank probabilities (no rank is then robust).
    out.compare_new_weights_samples_0 = figure(await load(off.url, seconds, (i) => `${newWeights(i)}&samples=0`));
  } finally {
    off.stop();
  }
  // With it (as served): the same compare asked again, and new weights that miss the cache and fill it.
  const on = await serveInChild(db.path, true);
  try {
    await load(on.url + '/', 2, () => `/api/compare/${CODE}`);
    out.compare_cached = figure(await load(on.url, seconds, () => `/api/compare/${CODE}`));
    out.compare_new_weights_cache_on = figure(await load(on.url, seconds, (i) => `${newWeights(i)},equity=2`));
  } finally {
    on.stop();
    db.cleanup();
  }
  const plain = out.offers_uncached!.requests_per_s;
  const ratio = (f: LoadFigure) => Math.round((100 * f.requests_per_s) / Math.max(1, plain)) / 100;
  const target = (f: LoadFigure) => ratio(f) >= 0.5 && f.p99_ms < 50 && f.non_2xx === 0;
  return {
    figures: out,
    ratio_new_weights: ratio(out.compare_new_weights!),
    ratio_new_group: ratio(out.compare_new_group!),
    ratio_new_weights_samples_0: ratio(out.compare_new_weights_samples_0!),
    target_met: target(out.compare_new_weights!) && target(out.compare_new_group!),
  };
}

async function fetchCodes(dbPath: string): Promise<string[]> {
  const { openDatabase } = await import('../../src/node/open-database.js');
  const store = await openDatabase(dbPath, { readonly: true });
  try {
    return (await store.listCouncils()).map((c) => c.code).filter((c) => c !== CODE);
  } finally {
    await store.driver.close();
  }
}

if (process.argv[1]?.endsWith('api-uncached.bench.ts')) console.log(JSON.stringify(await benchUncachedCompare(Number(process.argv[2] ?? 10)), null, 2));
