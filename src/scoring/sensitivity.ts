// Sensitivity of the ranking to the weights: weights drawn from a Dirichlet centred on the chosen ones, the group
// re-ranked for each draw, and each council's probability of each rank counted.
import { DIMENSIONS, type Dimension } from './config.js';
import { composite, type MemberScore } from './group-scores.js';
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

export function sensitivity(rows: readonly MemberScore[], weights: Weights, settings: SensitivitySettings): Sensitivity {
  const n = rows.length;
  const dims: Dimension[] = [...DIMENSIONS];
  const mean = dims.map((d) => weights[d]);
  const dimScores = rows.map((r) => dims.map((d) => r.dimensions[d].score));
  const counts = rows.map(() => new Float64Array(n));
  const random = seededRandom(settings.seed);
  const w = new Array<number>(dims.length).fill(0);
  const comp = new Array<number | null>(n).fill(null);
  const ranked = rows.map((r) => r.rank !== null);
  for (let s = 0; s < settings.samples; s++) {
    dirichletAround(mean, settings.concentration, random, w);
    for (let i = 0; i < n; i++) comp[i] = ranked[i] ? composite(dimScores[i]!, w) : null;
    for (let i = 0; i < n; i++) {
      const ci = comp[i];
      if (ci === null || ci === undefined) continue;
      let better = 0;
      for (let j = 0; j < n; j++) {
        const cj = comp[j];
        if (cj !== null && cj !== undefined && cj > ci + 1e-9) better++;
      }
      counts[i]![better]! += 1;
    }
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
