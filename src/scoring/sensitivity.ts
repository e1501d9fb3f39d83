// Sensitivity of the ranking to the weights: weights drawn around the chosen ones (a logistic-normal approximation
// of a Dirichlet, from scrambled Sobol points), the group re-ranked for each draw, and each rank's probability counted.
import { keptOnSecondAsk } from '../domain/kept-on-second-ask.js';
import { DIMENSIONS, type Dimension } from './config.js';
import type { MemberScore } from './group-scores.js';
import { sobolNormals } from './qmc.js';
import { digamma, trigamma } from './rng.js';
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
  /** The probability of holding the rank the chosen weights give (0 for unranked members; null when no samples were drawn). */
  p_same_rank: number | null;
  /** The 5th and 95th percentile of rank across the samples. */
  rank_interval: [number, number] | null;
  /** True when the rank under the chosen weights holds in at least robust_share of samples (never without samples). */
  robust: boolean;
}

export interface Sensitivity {
  settings: SensitivitySettings;
  members: MemberSensitivity[];
}

/**
 * Seeded banks of normal draws, keyed by seed, samples and dimensions: scrambled Sobol points through the inverse
 * normal distribution function (randomised quasi-Monte Carlo). They do not depend on the weights.
 */
const NORMALS = new Map<string, Float64Array>();
const MAX_BANKS = 8;
const MAX_CACHED_SAMPLES = 10_000;

function normalBank(samples: number, k: number, seed: number): Float64Array {
  const key = `${seed}|${samples}|${k}`;
  const hit = NORMALS.get(key);
  if (hit) return hit;
  const bank = sobolNormals(samples, k, seed);
  if (samples <= MAX_CACHED_SAMPLES) {
    NORMALS.set(key, bank);
    if (NORMALS.size > MAX_BANKS) NORMALS.delete(NORMALS.keys().next().value!);
  }
  return bank;
}

/**
 * `samples` weight vectors drawn around `mean` (which sums to 1), flat (sample s, dimension j at s * k + j), from the
 * logistic-normal approximation of the Dirichlet with alpha_j = concentration * mean_j (Aitchison and Shen, 1980):
 * each component's log is normal with the log-mean psi(alpha_j) and log-variance psi'(alpha_j) of the Dirichlet's
 * gamma component, then the components are normalised; a zero weight stays zero. The normal draws come from a seeded
 * bank that does not depend on the weights, so a weight vector never seen before costs samples x k exponentials; the
 * draws of the last few weight vectors are kept and handed out again (read, never changed). `normals` replaces the
 * bank (samples x k of them; the convergence study passes plain Monte Carlo draws) and is never kept.
 */
export function weightDraws(mean: readonly number[], settings: Pick<SensitivitySettings, 'samples' | 'concentration' | 'seed'>, normals?: Float64Array): Float64Array {
  if (normals) return drawsFrom(mean, settings, normals);
  // The same weights asked again (a new group under the default weights, say) draw the same samples: kept.
  const key = `${settings.seed}|${settings.samples}|${settings.concentration}|${mean.map((w) => (Object.is(w, -0) ? '-0' : String(w))).join(',')}`;
  const hit = DRAWS.get(key);
  if (hit) return hit;
  const draws = drawsFrom(mean, settings, normalBank(settings.samples, mean.length, settings.seed));
  // Kept the second time they are asked for: a stream of weights never seen before leaves no old arrays behind.
  if (settings.samples <= MAX_CACHED_SAMPLES) DRAWS.offer(key, draws);
  return draws;
}

/** Weight draws of the weight vectors asked for more than once, by seed, samples, concentration and weights (read, never changed). */
const DRAWS = keptOnSecondAsk<Float64Array>(16);

function drawsFrom(mean: readonly number[], settings: Pick<SensitivitySettings, 'samples' | 'concentration' | 'seed'>, normals: Float64Array): Float64Array {
  const k = mean.length;
  const out = new Float64Array(settings.samples * k);
  // The log-mean and log-spread of each component are the same for every sample: worked out once.
  const mu = mean.map((w) => (w > 0 ? digamma(settings.concentration * w) : 0));
  const sd = mean.map((w) => (w > 0 ? Math.sqrt(trigamma(settings.concentration * w)) : 0));
  for (let s = 0; s < settings.samples; s++) {
    const o = s * k;
    let total = 0;
    for (let j = 0; j < k; j++) {
      const g = mean[j]! > 0 ? Math.exp(mu[j]! + sd[j]! * normals[o + j]!) : 0;
      out[o + j] = g;
      total += g;
    }
    for (let j = 0; j < k; j++) out[o + j] = total === 0 ? mean[j]! : out[o + j]! / total;
  }
  return out;
}

export function sensitivity(rows: readonly MemberScore[], weights: Weights, settings: SensitivitySettings, normals?: Float64Array): Sensitivity {
  const n = rows.length;
  const dims: Dimension[] = [...DIMENSIONS];
  const k = dims.length;
  const mean = dims.map((d) => weights[d]);
  // Only ranked members take part; their dimension scores flat in one typed array, with a 0/1 mask of which are
  // known. Adding 0 for an unknown score leaves the sum as skipping it would, so the composite is the same sum in
  // the same order as group-scores' composite(), and the ranks match it exactly.
  const ranked = rows.flatMap((r, i) => (r.rank !== null ? [i] : []));
  const m = ranked.length;
  const scores = new Float64Array(m * k);
  const known = new Float64Array(m * k);
  ranked.forEach((i, a) =>
    dims.forEach((d, j) => {
      const v = rows[i]!.dimensions[d].score;
      scores[a * k + j] = v ?? 0;
      known[a * k + j] = v === null ? 0 : 1;
    }),
  );
  const counts = new Float64Array(n * n);
  const draws = weightDraws(mean, settings, normals);
  const comp = new Float64Array(m);
  const better = new Int32Array(m);
  for (let s = 0; s < settings.samples; s++) {
    const o = s * k;
    if (k === 4) {
      // The four dimensions unrolled, each weight read once per sample: the same products summed in the same order.
      const w0 = draws[o]!;
      const w1 = draws[o + 1]!;
      const w2 = draws[o + 2]!;
      const w3 = draws[o + 3]!;
      for (let a = 0; a < m; a++) {
        const ao = a * 4;
        let sum = 0;
        sum += scores[ao]! * w0;
        sum += scores[ao + 1]! * w1;
        sum += scores[ao + 2]! * w2;
        sum += scores[ao + 3]! * w3;
        let wt = 0;
        wt += known[ao]! * w0;
        wt += known[ao + 1]! * w1;
        wt += known[ao + 2]! * w2;
        wt += known[ao + 3]! * w3;
        comp[a] = wt > 0 ? sum / wt : NaN;
        better[a] = 0;
      }
    } else
      for (let a = 0; a < m; a++) {
        let sum = 0;
        let wt = 0;
        const ao = a * k;
        for (let j = 0; j < k; j++) {
          const wj = draws[o + j]!;
          sum += scores[ao + j]! * wj;
          wt += known[ao + j]! * wj;
        }
        comp[a] = wt > 0 ? sum / wt : NaN;
        better[a] = 0;
      }
    // How many score better than each, every pair compared once (a NaN composite is never better, nor counted).
    for (let a = 0; a < m; a++) {
      const ca = comp[a]!;
      for (let b = a + 1; b < m; b++) {
        const cb = comp[b]!;
        if (cb > ca + 1e-9) better[a]!++;
        else if (ca > cb + 1e-9) better[b]!++;
      }
    }
    for (let a = 0; a < m; a++) if (comp[a] === comp[a]) counts[ranked[a]! * n + better[a]!]! += 1;
  }
  const members = rows.map((r, i) => {
    const total = settings.samples;
    const mine = counts.subarray(i * n, (i + 1) * n);
    const p_rank = Array.from(mine, (c) => (total ? c / total : 0));
    // Without samples the rank was not tested: its probability is unknown, and an untested rank is never robust.
    const p_same_rank = r.rank === null ? 0 : total ? p_rank[r.rank - 1]! : null;
    return { code: r.code, p_rank, p_same_rank, rank_interval: r.rank === null ? null : interval(mine, total, r.rank), robust: p_same_rank !== null && r.rank !== null && p_same_rank >= settings.robust_share };
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
