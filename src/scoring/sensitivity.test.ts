// Weight sampling and rank probabilities: centred on the chosen weights, spread as the Dirichlet they approximate,
// repeatable for a seed, and as close to a large-sample answer at the default sample count as 1,000 random draws.
import { describe, expect, it } from 'vitest';
import { SCORING_CONFIG } from './config.js';
import { scoreGroup } from './group-scores.js';
import type { CouncilMetrics } from './metrics.js';
import { digamma, seededRandom, standardNormals, trigamma } from './rng.js';
import { sobolNormals } from './qmc.js';
import { sensitivity, weightDraws } from './sensitivity.js';

const settings = { samples: 2000, concentration: 20, seed: 42, robust_share: 0.8 };
const metrics = (values: Record<string, number>): CouncilMetrics => Object.fromEntries(Object.entries(values).map(([id, value]) => [id, { id, value, n: null, inputs: [], evidence: [] }]));

describe('weight draws', () => {
  const draw = (mean: number[], samples = 5000, seed = 1) => weightDraws(mean, { samples, concentration: 20, seed });

  it('average out at the chosen weights, sum to 1, and keep a zero weight at zero', () => {
    const mean = [0.4, 0.3, 0.3, 0];
    const w = draw(mean);
    const sum = [0, 0, 0, 0];
    for (let s = 0; s < 5000; s++) {
      expect(w[s * 4]! + w[s * 4 + 1]! + w[s * 4 + 2]! + w[s * 4 + 3]!).toBeCloseTo(1, 9);
      expect(w[s * 4 + 3]).toBe(0);
      for (let j = 0; j < 4; j++) sum[j]! += w[s * 4 + j]!;
    }
    sum.forEach((x, j) => expect(x / 5000).toBeCloseTo(mean[j]!, 2));
  });

  it('spread each weight as the Dirichlet does: a share of 0.4 at concentration 20 has a variance near 0.4 x 0.6 / 21', () => {
    const w = draw([0.4, 0.3, 0.3], 20_000);
    let sq = 0;
    for (let s = 0; s < 20_000; s++) sq += (w[s * 3]! - 0.4) ** 2;
    expect(sq / 20_000).toBeGreaterThan(0.9 * ((0.4 * 0.6) / 21));
    expect(sq / 20_000).toBeLessThan(1.1 * ((0.4 * 0.6) / 21));
  });

  it('repeat exactly for the same seed, whatever was drawn before, and differ for another seed', () => {
    const first = draw([0.25, 0.25, 0.5], 100, 7);
    draw([0.7, 0.1, 0.2], 100, 7);
    expect(draw([0.25, 0.25, 0.5], 100, 7)).toEqual(first);
    expect(draw([0.25, 0.25, 0.5], 100, 8)).not.toEqual(first);
  });

  it('are the same when weights asked for again are handed out kept (the default weights for group after group)', () => {
    const settings = { samples: 256, concentration: 20, seed: 20261122 };
    for (const mean of [[0.25, 0.25, 0.25, 0.25], [0.4, 0.2, 0.4, 0], [0.1, 0.2, 0.3, 0.4]]) {
      const fresh = weightDraws(mean, settings, sobolNormals(256, 4, settings.seed));
      for (let ask = 0; ask < 4; ask++) expect(weightDraws(mean, settings)).toEqual(fresh);
    }
  });

  it('rest on digamma and trigamma values that match their known values', () => {
    const cases: Array<[number, number, number]> = [
      [1, -0.5772156649015329, Math.PI ** 2 / 6],
      [0.5, -1.9635100260214235, Math.PI ** 2 / 2],
      [5, 1.5061176684318, 0.221322955737115],
      [20, 2.97052399224215, 0.05127082293520312],
    ];
    for (const [x, psi, psi1] of cases) {
      expect(digamma(x)).toBeCloseTo(psi, 11);
      expect(trigamma(x)).toBeCloseTo(psi1, 11);
    }
  });

  it('give standard normals: mean 0 and variance 1', () => {
    const z = standardNormals(20_001, seededRandom(3));
    const mean = z.reduce((a, b) => a + b, 0) / z.length;
    const variance = z.reduce((a, b) => a + (b - mean) ** 2, 0) / z.length;
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(variance).toBeCloseTo(1, 1);
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

  it('at the default sample count (scrambled Sobol), come as close to a 200,000-sample reference as 1,000 random draws do', () => {
    // Four councils each leading on one dimension: every order is possible, the probabilities spread over the ranks.
    const m = new Map([
      ['A', metrics({ grid_coverage: 0.9, free_share: 0.45, area_send_outcome: 0.5, need_profile_fit: 0.6 })],
      ['B', metrics({ grid_coverage: 0.45, free_share: 0.9, area_send_outcome: 0.5, need_profile_fit: 0.55 })],
      ['C', metrics({ grid_coverage: 0.6, free_share: 0.6, area_send_outcome: 0.3, need_profile_fit: 0.8 })],
      ['D', metrics({ grid_coverage: 0.5, free_share: 0.7, area_send_outcome: 1, need_profile_fit: 0.3 })],
      ['E', metrics({ grid_coverage: 0.2, free_share: 0.3, area_send_outcome: 0.5, need_profile_fit: 0.4 })],
    ]);
    const rows = scoreGroup(['A', 'B', 'C', 'D', 'E'], m, weights);
    const reference = sensitivity(rows, weights, { ...settings, samples: 200_000 }, standardNormals(800_000, seededRandom(99)));
    const samples = SCORING_CONFIG.sensitivity.samples;
    expect(samples).toBeLessThanOrEqual(512);
    const error = (seed: number, normals?: Float64Array) => {
      const s = sensitivity(rows, weights, { ...settings, seed, samples: normals ? normals.length / 4 : samples }, normals);
      return s.members.flatMap((x, i) => x.p_rank.map((p, r) => p - reference.members[i]!.p_rank[r]!));
    };
    const seeds = Array.from({ length: 16 }, (_, i) => i + 1);
    const rmse = (errors: number[]) => Math.sqrt(errors.reduce((a, e) => a + e * e, 0) / errors.length);
    const qmc = seeds.flatMap((seed) => error(seed));
    const mc1000 = seeds.flatMap((seed) => error(seed, standardNormals(4000, seededRandom(seed))));
    // Stated tolerance: an RMSE over every council and rank no larger than 1,000 random draws give (about 0.011
    // here), and no probability off by more than 0.05.
    expect(rmse(qmc)).toBeLessThanOrEqual(rmse(mc1000));
    expect(Math.max(...qmc.map(Math.abs))).toBeLessThan(0.05);
    expect(Math.max(...error(SCORING_CONFIG.sensitivity.seed).map(Math.abs))).toBeLessThan(0.04);
  });

  it('calls no rank robust and gives no probability when no samples are drawn (samples=0)', () => {
    const m = new Map([
      ['A', metrics({ grid_coverage: 0.9, free_share: 0.9, area_send_outcome: 1, need_profile_fit: 0.9 })],
      ['B', metrics({ grid_coverage: 0.1, free_share: 0.1, area_send_outcome: 0, need_profile_fit: 0.1 })],
    ]);
    const s = sensitivity(scoreGroup(['A', 'B'], m, weights), weights, { ...settings, samples: 0 });
    expect(s.members.map((x) => [x.p_same_rank, x.robust])).toEqual([
      [null, false],
      [null, false],
    ]);
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
