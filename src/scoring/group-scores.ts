// Scores within a comparator group: each metric rescaled 0-100 across the group's known values, dimension scores
// as the mean of their known metrics, a weighted composite over known dimensions, and a rank.
import { DIMENSIONS, type Dimension } from './config.js';
import type { CouncilMetrics } from './metrics.js';
import { METRICS } from './metric-defs.js';
import type { Weights } from './weights.js';

export interface DimensionScore {
  /** 0-100 within the group; null when none of its metrics is known. */
  score: number | null;
  /** Share of the dimension's metrics that were known. */
  coverage: number;
  known: number;
  of: number;
}

export interface MemberScore {
  code: string;
  /** Each metric rescaled within the group (0-100, higher is better); null when unknown. */
  metric_scores: Record<string, number | null>;
  dimensions: Record<Dimension, DimensionScore>;
  composite: number | null;
  /** Weighted share of the evidence the composite rests on: sum over dimensions of weight x coverage. */
  coverage: number;
  /** 1 = best in the group; equal composites share a rank; null when there is no composite or too little evidence. */
  rank: number | null;
  /** Why the council is not ranked. */
  unranked_reason?: string;
}

const METRICS_BY_DIM = new Map<Dimension, string[]>(DIMENSIONS.map((d) => [d, METRICS.filter((m) => m.dimension === d).map((m) => m.id)]));

/**
 * Min-max rescaling within the group: (x - min) / (max - min) x 100, reversed where lower is better.
 * When every known value is equal (or only one is known) each known value scores 50: the group cannot tell them apart.
 */
export function rescale(values: ReadonlyArray<number | null>, better: 'higher' | 'lower'): Array<number | null> {
  let min = Infinity;
  let max = -Infinity;
  for (const v of values)
    if (v !== null) {
      if (v < min) min = v;
      if (v > max) max = v;
    }
  return values.map((v) => {
    if (v === null) return null;
    if (max === min) return 50;
    const s = Math.round(((v - min) / (max - min)) * 1e8) / 1e6; // 0-100 to six places: no 50.000000000000014
    return better === 'higher' ? s : 100 - s;
  });
}

/** Weighted mean over the dimensions that have a score, the weights renormalised over them; null when none has. */
export function composite(dimScores: ReadonlyArray<number | null>, weights: ReadonlyArray<number>): number | null {
  let sum = 0;
  let w = 0;
  for (let i = 0; i < dimScores.length; i++) {
    const s = dimScores[i];
    if (s === null || s === undefined) continue;
    sum += s * weights[i]!;
    w += weights[i]!;
  }
  return w > 0 ? sum / w : null;
}

/** Standard competition ranking ("1224"), best first; null scores are unranked. Scores equal to 1e-9 tie. */
export function rankOf(scores: ReadonlyArray<number | null>): Array<number | null> {
  return scores.map((s) => {
    if (s === null) return null;
    let better = 0;
    for (const t of scores) if (t !== null && t > s + 1e-9) better++;
    return better + 1;
  });
}

/** The part of a group's scores that does not depend on the weights: each member's metric and dimension scores. */
export interface GroupBase {
  code: string;
  metric_scores: Record<string, number | null>;
  dimensions: Record<Dimension, DimensionScore>;
}

export function groupBase(members: readonly string[], metrics: ReadonlyMap<string, CouncilMetrics>): GroupBase[] {
  // Plain loops (this runs for every group never asked before): the same values, sums in the same order and keys
  // in the same order as mapping over METRICS and DIMENSIONS would give.
  const n = members.length;
  const own = members.map((c) => metrics.get(c));
  const scores = members.map(() => ({}) as Record<string, number | null>);
  const values = new Array<number | null>(n);
  for (const def of METRICS) {
    for (let i = 0; i < n; i++) values[i] = own[i]?.[def.id]?.value ?? null;
    const scaled = rescale(values, def.better);
    for (let i = 0; i < n; i++) scores[i]![def.id] = scaled[i]!;
  }
  return members.map((code, i) => {
    const ms = scores[i]!;
    const dimensions = {} as Record<Dimension, DimensionScore>;
    for (const d of DIMENSIONS) {
      const ids = METRICS_BY_DIM.get(d)!;
      let sum = 0;
      let known = 0;
      for (const id of ids) {
        const v = ms[id];
        if (v !== null && v !== undefined) {
          sum += v;
          known++;
        }
      }
      dimensions[d] = { score: known ? sum / known : null, coverage: known / ids.length, known, of: ids.length };
    }
    return { code, metric_scores: ms, dimensions };
  });
}

/**
 * Weights a group's base scores into composites and ranks. Councils whose composite rests on less than
 * `minCoverage` of their weighted inputs keep their composite but are not ranked: a rank on thin evidence would
 * mislead a room more than it informs it.
 */
export function rankGroup(base: readonly GroupBase[], weights: Weights, minCoverage = 0): MemberScore[] {
  const w = DIMENSIONS.map((d) => weights[d]);
  const rows = base.map(({ code, metric_scores, dimensions }) => {
    const comp = composite(DIMENSIONS.map((d) => dimensions[d].score), w);
    const coverage = DIMENSIONS.reduce((a, d, i) => a + w[i]! * dimensions[d].coverage, 0);
    return { code, metric_scores, dimensions, composite: comp, coverage, rank: null as number | null };
  });
  const eligible = (r: (typeof rows)[number]) => r.composite !== null && r.coverage >= minCoverage - 1e-9;
  const ranks = rankOf(rows.map((r) => (eligible(r) ? r.composite : null)));
  return rows.map((r, i) => {
    const row: MemberScore = { ...r, rank: ranks[i]! };
    if (r.composite === null) row.unranked_reason = 'no input is known';
    else if (!eligible(r)) row.unranked_reason = `evidence coverage ${(100 * r.coverage).toFixed(0)}% is below the ${(100 * minCoverage).toFixed(0)}% needed to rank`;
    return row;
  });
}

/** Scores a group: its base scores, weighted and ranked (see rankGroup). */
export function scoreGroup(members: readonly string[], metrics: ReadonlyMap<string, CouncilMetrics>, weights: Weights, minCoverage = 0): MemberScore[] {
  return rankGroup(groupBase(members, metrics), weights, minCoverage);
}
