// Convergence study behind method 2026.12.2 (docs/method.md): the published robustness figures (p_same_rank, the
// rank interval and the robust flag) from plain Monte Carlo at 1,000 samples and from scrambled Sobol points at
// 64-512, against a 200,000-sample Monte Carlo reference, for every ranked council of the shipped data within its
// default group, under several weightings and many seeds. Run: node bin/run-ts.js test/bench/qmc-convergence.ts
// [--db data/sbb.sqlite] [--seeds 16] [--reference 200000] (without --db, a database is built from data/ first).
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildDatabase } from '../../src/node/build-database.js';
import { openDatabase } from '../../src/node/open-database.js';
import { DATA_DIR } from '../../src/node/paths.js';
import { DIMENSIONS } from '../../src/scoring/config.js';
import { groupFor, prepareScoring, scoreMembers, type ScoringModel } from '../../src/scoring/compare.js';
import type { MemberScore } from '../../src/scoring/group-scores.js';
import { sobolNormals } from '../../src/scoring/qmc.js';
import { seededRandom, standardNormals } from '../../src/scoring/rng.js';
import { sensitivity, type SensitivitySettings } from '../../src/scoring/sensitivity.js';
import { parseWeights } from '../../src/scoring/weights.js';

export const WEIGHTINGS = ['balanced', 'equity-first', 'choice-first', 'quality-first', 'suitability-first', 'choice=5,equity=1,quality=1,suitability=1', 'choice=1,equity=3,quality=0.5,suitability=0'];
export const QMC_SIZES = [64, 128, 256, 512];
const K = DIMENSIONS.length;

/** One way of drawing the normal bank: its label, sample count and the bank for a seed. */
interface Method {
  label: string;
  samples: number;
  bank: (seed: number) => Float64Array;
}

const mc = (samples: number): Method => ({ label: `MC ${samples}`, samples, bank: (seed) => standardNormals(samples * K, seededRandom(seed)) });
const qmc = (samples: number): Method => ({ label: `QMC ${samples}`, samples, bank: (seed) => sobolNormals(samples, K, seed) });

interface Published {
  p: number;
  interval: string;
  robust: boolean;
}

/** Every ranked member's published figures (the robust flag as compare publishes it: never in a group of one ranked). */
function published(rows: readonly MemberScore[], weights: ReturnType<typeof parseWeights>, settings: SensitivitySettings, bank: Float64Array): Published[] {
  const s = sensitivity(rows, weights.weights, settings, bank);
  const ranked = rows.filter((r) => r.rank !== null).length;
  return s.members.flatMap((m, i) => (rows[i]!.rank === null ? [] : [{ p: m.p_same_rank!, interval: String(m.rank_interval), robust: m.robust && ranked >= 2 }]));
}

interface Tally {
  sq: number;
  /** The squared errors by seed, for the spread of the RMSE from one seed to another. */
  sqBySeed: number[];
  max: number;
  n: number;
  robustOff: number;
  intervalOff: number;
  localSq: number;
  localN: number;
  localRobustOff: number;
}

export async function convergenceStudy(model: ScoringModel, opts: { seeds: number; reference: number; log?: (line: string) => void }) {
  const base = model.config.sensitivity;
  const methods = [mc(1000), ...QMC_SIZES.map(qmc)];
  const seeds = Array.from({ length: opts.seeds }, (_, r) => base.seed + r);
  // Banks depend on the seed and size only (not the weights): drawn once, shared by every case.
  const banks = methods.map((m) => seeds.map((seed) => m.bank(seed)));
  const refBank = standardNormals(opts.reference * K, seededRandom(base.seed + 1_000_003));
  const tallies = methods.map((): Tally => ({ sq: 0, sqBySeed: seeds.map(() => 0), max: 0, n: 0, robustOff: 0, intervalOff: 0, localSq: 0, localN: 0, localRobustOff: 0 }));
  let cases = 0;
  let members = 0;
  let nearThreshold = 0;
  for (const weighting of WEIGHTINGS) {
    const weights = parseWeights(weighting, model.config);
    for (const council of model.data.councils) {
      const group = groupFor(model, council, undefined);
      const rows = scoreMembers(model, group.members, weights);
      if (rows[0]!.rank === null || rows.filter((r) => r.rank !== null).length < 2) continue;
      cases++;
      const settings = (samples: number): SensitivitySettings => ({ ...base, samples });
      const ref = published(rows, weights, settings(opts.reference), refBank);
      members += ref.length;
      nearThreshold += ref.filter((r) => Math.abs(r.p - base.robust_share) < 0.05).length;
      methods.forEach((m, mi) => {
        const t = tallies[mi]!;
        banks[mi]!.forEach((bank, si) => {
          const got = published(rows, weights, settings(m.samples), bank);
          got.forEach((g, a) => {
            const e = g.p - ref[a]!.p;
            t.sq += e * e;
            t.sqBySeed[si]! += e * e;
            t.max = Math.max(t.max, Math.abs(e));
            t.n++;
            if (g.robust !== ref[a]!.robust) t.robustOff++;
            if (g.interval !== ref[a]!.interval) t.intervalOff++;
          });
          // The local council is the first row (and ranked): its figures are the sentence a room reads.
          const e = got[0]!.p - ref[0]!.p;
          t.localSq += e * e;
          t.localN++;
          if (got[0]!.robust !== ref[0]!.robust) t.localRobustOff++;
        });
      });
    }
    opts.log?.(`  ${weighting}: ${cases} cases so far`);
  }
  const ms = methods.map((m, mi) => timeOne(model, m, banks[mi]![0]!));
  return {
    reference_samples: opts.reference,
    seeds: seeds.length,
    weightings: WEIGHTINGS,
    cases,
    ranked_members: members,
    members_within_5_points_of_threshold: nearThreshold,
    rows: methods.map((m, mi) => {
      const t = tallies[mi]!;
      // The RMSE of each seed alone: its standard deviation over the seeds, divided by the square root of their
      // number, is the standard error of the pooled figure.
      const bySeed = t.sqBySeed.map((sq) => Math.sqrt(sq / (t.n / seeds.length)));
      const mean = bySeed.reduce((a, b) => a + b, 0) / bySeed.length;
      const sd = Math.sqrt(bySeed.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, bySeed.length - 1));
      return {
        method: m.label,
        rmse: t.sq / t.n > 0 ? Math.sqrt(t.sq / t.n) : 0,
        rmse_standard_error: sd / Math.sqrt(bySeed.length),
        rmse_shipped_seed: bySeed[0]!,
        max_abs: t.max,
        robust_disagree_pct: (100 * t.robustOff) / t.n,
        interval_disagree_pct: (100 * t.intervalOff) / t.n,
        local_rmse: Math.sqrt(t.localSq / t.localN),
        local_robust_disagree_pct: (100 * t.localRobustOff) / t.localN,
        sensitivity_ms: ms[mi]!,
      };
    }),
  };
}

/** Median time of one sensitivity run for a 10-neighbour group (the first council that ranks), in milliseconds. */
function timeOne(model: ScoringModel, m: Method, bank: Float64Array): number {
  const weights = parseWeights('balanced', model.config);
  const council = model.data.councils.find((c) => scoreMembers(model, groupFor(model, c, undefined).members, weights)[0]!.rank !== null)!;
  const rows = scoreMembers(model, groupFor(model, council, undefined).members, weights);
  const settings = { ...model.config.sensitivity, samples: m.samples };
  const times: number[] = [];
  for (let i = 0; i < 200; i++) {
    const t0 = performance.now();
    sensitivity(rows, weights.weights, settings, bank);
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b)[100]!;
}

/** The study as a markdown table, as docs/method.md carries it. */
export function studyTable(r: Awaited<ReturnType<typeof convergenceStudy>>): string {
  const f = (x: number, d = 4) => x.toFixed(d);
  const lines = [
    '| Draws | RMSE of p_same_rank (± s.e.) | Max abs error | `robust` differs | Interval differs | RMSE, local council | `robust` differs, local | Sensitivity run |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...r.rows.map((x) => `| ${x.method} | ${f(x.rmse, 5)} ± ${f(x.rmse_standard_error, 5)} | ${f(x.max_abs, 3)} | ${f(x.robust_disagree_pct, 2)}% | ${f(x.interval_disagree_pct, 2)}% | ${f(x.local_rmse, 5)} | ${f(x.local_robust_disagree_pct, 2)}% | ${f(x.sensitivity_ms, 3)} ms |`),
  ];
  return lines.join('\n');
}

async function main() {
  const { values } = parseArgs({ options: { db: { type: 'string' }, seeds: { type: 'string', default: '16' }, reference: { type: 'string', default: '200000' } } });
  const shipped = join(DATA_DIR, 'sbb.sqlite');
  let path = values.db ?? (existsSync(shipped) ? shipped : undefined);
  let tmp: string | undefined;
  if (!path) {
    tmp = mkdtempSync(join(tmpdir(), 'sbb-qmc-'));
    path = join(tmp, 'sbb.sqlite');
    console.error(`building the database from data/ into ${path} ...`);
    await buildDatabase(path);
  }
  const store = await openDatabase(path, { readonly: true });
  try {
    const model = prepareScoring(await store.scoringData());
    console.error(`${model.data.councils.length} councils; reference ${values.reference} samples, ${values.seeds} seeds, ${WEIGHTINGS.length} weightings`);
    const started = performance.now();
    const r = await convergenceStudy(model, { seeds: Number(values.seeds), reference: Number(values.reference), log: (l) => console.error(l) });
    console.error(`done in ${((performance.now() - started) / 1000).toFixed(0)} s`);
    console.log(JSON.stringify(r, null, 2));
    console.log(studyTable(r));
  } finally {
    await store.driver.close();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith('qmc-convergence.ts')) await main();
