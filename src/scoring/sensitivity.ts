// Sensitivity of the ranking to the weights: weights drawn from a Dirichlet centred on the chosen ones, the group
// re-ranked for each draw, and each council's probability of each rank counted.
import { DIMENSIONS, type Dimension } from './config.js';
import type { MemberScore } from './group-scores.js';
import { dirichletAround, seededRandom } from './rng.js';
import type { Weights } from './weights.js';

export interface SensitivitySettings {
  samples: number;
  concentration: number;
  seed: number;
  robust_share: number;
}

export interface MemberSensitivity {
  code: string;
  /** p_rank[k] is the probability of rank k + 1 (unranked members have all zeros). */
  p_rank: number[];
  /** The probability of holding the rank the chosen weights give. */
  p_same_rank: number;
  /** The 5th and 95th percentile of rank across the samples. */
  rank_interval: [number, number] | null;
  /** True when the rank under the chosen weights holds in at least robust_share of samples. */
  robust: boolean;
}

export interface Sensitivity {
  settings: SensitivitySettings;
  members: MemberSensitivity[];
}

/** Recent weight draws, keyed by what decides them: a new group under weights seen before reuses them. */
const DRAWS = new Map<string, Float64Array>();
const MAX_DRAWS = 64;
const MAX_CACHED_SAMPLES = 10_000;

/** `samples` weight vectors drawn from the Dirichlet around `mean`, flat (sample s, dimension j at s * k + j). */
export function weightDraws(mean: readonly number[], settings: Pick<SensitivitySettings, 'samples' | 'concentration' | 'seed'>): Float64Array {
  const k = mean.length;
  const key = `${mean.join(',')}|${settings.concentration}|${settings.seed}|${settings.samples}`;
  const hit = DRAWS.get(key);
  if (hit) {
    DRAWS.delete(key);
    DRAWS.set(key, hit);
    return hit;
  }
  const out = new Float64Array(settings.samples * k);
  const random = seededRandom(settings.seed);
  const w = new Array<number>(k).fill(0);
  for (let s = 0; s < settings.samples; s++) {
    dirichletAround(mean, settings.concentration, random, w);
    for (let j = 0; j < k; j++) out[s * k + j] = w[j]!;
  }
  if (settings.samples <= MAX_CACHED_SAMPLES) {
    DRAWS.set(key, out);
    if (DRAWS.size > MAX_DRAWS) DRAWS.delete(DRAWS.keys().next().value!);
  }
  return out;
}

export function sensitivity(rows: readonly MemberScore[], weights: Weights, settings: SensitivitySettings): Sensitivity {
  const n = rows.length;
  const dims: Dimension[] = [...DIMENSIONS];
  const k = dims.length;
  const mean = dims.map((d) => weights[d]);
  // Only ranked members take part; their dimension scores flat in one typed array, NaN where unknown. The composite
  // is the same sum in the same order as group-scores' composite(), so the ranks match it exactly.
  const ranked = rows.flatMap((r, i) => (r.rank !== null ? [i] : []));
  const m = ranked.length;
  const scores = new Float64Array(m * k);
  ranked.forEach((i, a) => dims.forEach((d, j) => (scores[a * k + j] = rows[i]!.dimensions[d].score ?? NaN)));
  const counts = rows.map(() => new Float64Array(n));
  const draws = weightDraws(mean, settings);
  const comp = new Float64Array(m);
  const better = new Int32Array(m);
  for (let s = 0; s < settings.samples; s++) {
    const o = s * k;
    for (let a = 0; a < m; a++) {
      let sum = 0;
      let wt = 0;
      for (let j = 0; j < k; j++) {
        const v = scores[a * k + j]!;
        if (v !== v) continue;
        const wj = draws[o + j]!;
        sum += v * wj;
        wt += wj;
      }
      comp[a] = wt > 0 ? sum / wt : NaN;
    }
    // How many score better than each, every pair compared once (a NaN composite is never better, nor counted).
    better.fill(0);
    for (let a = 0; a < m; a++) {
      const ca = comp[a]!;
      for (let b = a + 1; b < m; b++) {
        const cb = comp[b]!;
        if (cb > ca + 1e-9) better[a]!++;
        else if (ca > cb + 1e-9) better[b]!++;
      }
    }
    for (let a = 0; a < m; a++) if (comp[a] === comp[a]) counts[ranked[a]!]![better[a]!]! += 1;
  }
  const members = rows.map((r, i) => {
    const total = settings.samples;
    const p_rank = Array.from(counts[i]!, (c) => (total ? c / total : 0));
    const p_same_rank = r.rank !== null && total ? p_rank[r.rank - 1]! : r.rank !== null ? 1 : 0;
    return { code: r.code, p_rank, p_same_rank, rank_interval: r.rank === null ? null : interval(counts[i]!, total, r.rank), robust: r.rank !== null && p_same_rank >= settings.robust_share };
  });
  return { settings, members };
}

function interval(counts: Float64Array, total: number, fallback: number): [number, number] {
  if (!total) return [fallback, fallback];
  let lo = 0;
  let hi = 0;
  let acc = 0;
  let loSet = false;
  for (let k = 0; k < counts.length; k++) {
    acc += counts[k]!;
    if (!loSet && acc / total >= 0.05) {
      lo = k + 1;
      loSet = true;
    }
    if (acc / total >= 0.95) {
      hi = k + 1;
      break;
    }
  }
  return [lo, hi];
}
