// Benchmark: compare when no cache can help, beside a plain read, in the same run (issue 16, item 5). A dashboard
// that varies weights or groups asks for a URL never seen before each time; the target is at least half the rate
// of a plain uncached read of the same council's offers (/api/offers?council=CODE), with p99 under 50 ms at 50
// connections. The server runs as `sbb serve` in its own process; autocannon runs in this one, on the same 2 cores.
// The uncached scenarios take turns in three rounds, so that other work on a shared machine weighs on each alike.
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
  /** The worst round's p99 (each round's in p99_by_round). */
  p99_ms: number;
  p99_by_round?: number[];
  non_2xx: number;
  errors: number;
}

const figure = (r: autocannon.Result): LoadFigure => ({ requests_per_s: Math.round(r.requests.average), p50_ms: r.latency.p50, p99_ms: r.latency.p99, non_2xx: r.non2xx, errors: r.errors });

const ROUNDS = 3;

/** Rounds of the results of one scenario as one figure: requests over seconds, the median p50, the worst p99. */
function combined(rs: readonly autocannon.Result[]): LoadFigure {
  const p50s = rs.map((r) => r.latency.p50).sort((a, b) => a - b);
  return {
    requests_per_s: Math.round(rs.reduce((a, r) => a + r.requests.total, 0) / rs.reduce((a, r) => a + r.duration, 0)),
    p50_ms: p50s[p50s.length >> 1]!,
    p99_ms: Math.max(...rs.map((r) => r.latency.p99)),
    p99_by_round: rs.map((r) => r.latency.p99),
    non_2xx: rs.reduce((a, r) => a + r.non2xx, 0),
    errors: rs.reduce((a, r) => a + r.errors, 0),
  };
}

/**
 * Each scenario for `seconds` in all, in turns: ROUNDS rounds of every scenario one after the other. Round r asks
 * for paths from index 20,000 x r on, so no URL, weighting or group of one round comes back in another.
 */
async function inTurns(url: string, seconds: number, scenarios: Record<string, (i: number) => string>): Promise<Record<string, LoadFigure>> {
  const results: Record<string, autocannon.Result[]> = {};
  for (let round = 0; round < ROUNDS; round++)
    for (const [name, pathOf] of Object.entries(scenarios)) (results[name] ??= []).push(await load(url, Math.max(1, Math.round(seconds / ROUNDS)), (i) => pathOf(i + 20_000 * round)));
  return Object.fromEntries(Object.entries(results).map(([name, rs]) => [name, combined(rs)]));
}

export async function benchUncachedCompare(seconds = 10) {
  const db = await builtDb();
  const codes = await fetchCodes(db.path);
  const out: Record<string, LoadFigure> = {};
  // Without the response cache: the plain read and the compare misses, as every request would be.
  const off = await serveInChild(db.path, false);
  try {
    const scenarios: Record<string, (i: number) => string> = {
      offers_uncached: () => `/api/offers?council=${CODE}`,
      compare_new_weights: newWeights,
      compare_new_group: newGroup(codes),
      // A slider that needs scores and ranks only: samples=0 skips the rank probabilities (no rank is then robust).
      compare_new_weights_samples_0: (i) => `${newWeights(i)}&samples=0`,
    };
    // Warm every scenario for a second first (the scoring model is read once per data version, and each path's code
    // is compiled on first use), with weights no measured round asks for: the rounds measure a server in its stride.
    for (const pathOf of Object.values(scenarios)) await load(off.url + '/', 1, (i) => pathOf(900_000 + i));
    Object.assign(out, await inTurns(off.url, seconds, scenarios));
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
