// Weight sampling and rank probabilities: centred on the chosen weights, repeatable for a seed.
import { describe, expect, it } from 'vitest';
import { scoreGroup } from './group-scores.js';
import type { CouncilMetrics } from './metrics.js';
import { dirichletAround, seededRandom } from './rng.js';
import { sensitivity } from './sensitivity.js';

const settings = { samples: 2000, concentration: 20, seed: 42, robust_share: 0.8 };
const metrics = (values: Record<string, number>): CouncilMetrics => Object.fromEntries(Object.entries(values).map(([id, value]) => [id, { id, value, n: null, inputs: [], evidence: [] }]));

describe('Dirichlet weights', () => {
  it('average out at the chosen weights, sum to 1, and keep a zero weight at zero', () => {
    const random = seededRandom(1);
    const mean = [0.4, 0.3, 0.3, 0];
    const sum = [0, 0, 0, 0];
    const w = [0, 0, 0, 0];
    for (let i = 0; i < 5000; i++) {
      dirichletAround(mean, 20, random, w);
      expect(w.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
      expect(w[3]).toBe(0);
      w.forEach((x, j) => (sum[j]! += x));
    }
    sum.forEach((s, j) => expect(s / 5000).toBeCloseTo(mean[j]!, 2));
  });

  it('repeat exactly for the same seed', () => {
    const a = seededRandom(7);
    const b = seededRandom(7);
    expect(Array.from({ length: 5 }, a)).toEqual(Array.from({ length: 5 }, b));
  });
});

describe('rank probabilities', () => {
  const weights = { choice: 0.25, equity: 0.25, quality: 0.25, suitability: 0.25 };

  it('call a council that leads on every dimension robust', () => {
    const m = new Map([
      ['A', metrics({ grid_coverage: 0.9, free_share: 0.9, area_send_outcome: 1, need_profile_fit: 0.9 })],
      ['B', metrics({ grid_coverage: 0.5, free_share: 0.5, area_send_outcome: 0.5, need_profile_fit: 0.5 })],
      ['C', metrics({ grid_coverage: 0.1, free_share: 0.1, area_send_outcome: 0, need_profile_fit: 0.1 })],
    ]);
    const s = sensitivity(scoreGroup(['A', 'B', 'C'], m, weights), weights, settings);
    expect(s.members.map((x) => x.p_same_rank)).toEqual([1, 1, 1]);
    expect(s.members[0]).toMatchObject({ robust: true, rank_interval: [1, 1], p_rank: [1, 0, 0] });
  });

  it('show a close call as not robust, with probabilities that sum to 1 and repeat for the seed', () => {
    // A leads on choice, B on equity, by the same margin: the order turns on the weights.
    const m = new Map([
      ['A', metrics({ grid_coverage: 0.9, free_share: 0.45, area_send_outcome: 0.5 })],
      ['B', metrics({ grid_coverage: 0.45, free_share: 0.9, area_send_outcome: 0.5 })],
      ['C', metrics({ grid_coverage: 0.1, free_share: 0.1, area_send_outcome: 0.5 })],
    ]);
    const rows = scoreGroup(['A', 'B', 'C'], m, weights);
    const s = sensitivity(rows, weights, settings);
    const a = s.members[0]!;
    expect(a.p_rank.reduce((x, y) => x + y, 0)).toBeCloseTo(1, 9);
    expect(a.p_rank[0]).toBeGreaterThan(0.2);
    expect(a.p_rank[1]).toBeGreaterThan(0.2);
    expect(a.robust).toBe(false);
    expect(s.members[2]!.p_rank[2]).toBe(1);
    expect(sensitivity(rows, weights, settings)).toEqual(s);
  });

  it('leaves unranked members out of the draw', () => {
    const m = new Map([
      ['A', metrics({ grid_coverage: 0.9 })],
      ['B', metrics({})],
    ]);
    const s = sensitivity(scoreGroup(['A', 'B'], m, weights), weights, settings);
    expect(s.members[1]).toMatchObject({ p_same_rank: 0, rank_interval: null, robust: false, p_rank: [0, 0] });
  });
});
