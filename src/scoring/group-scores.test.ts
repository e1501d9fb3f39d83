// Rescaling, dimension scores, the composite, ranks and the evidence rule, on hand-made metrics.
import { describe, expect, it } from 'vitest';
import { composite, rankOf, rescale, scoreGroup } from './group-scores.js';
import type { CouncilMetrics, MetricValue } from './metrics.js';

const mv = (id: string, value: number | null): MetricValue => ({ id, value, n: null, inputs: [], evidence: [] });
const metrics = (values: Record<string, number | null>): CouncilMetrics => Object.fromEntries(Object.entries(values).map(([id, v]) => [id, mv(id, v)]));

describe('within-group rescaling', () => {
  it('maps the lowest known value to 0 and the highest to 100, keeping unknowns unknown', () => {
    expect(rescale([2, 4, null, 6], 'higher')).toEqual([0, 50, null, 100]);
    expect(rescale([2, 4, null, 6], 'lower')).toEqual([100, 50, null, 0]);
  });

  it('scores 50 when the group cannot tell its members apart', () => {
    expect(rescale([3, 3, null], 'higher')).toEqual([50, 50, null]);
    expect(rescale([null, 7], 'higher')).toEqual([null, 50]);
    expect(rescale([null, null], 'higher')).toEqual([null, null]);
  });
});

describe('composite and rank', () => {
  it('weights the known dimensions, renormalising the weights over them', () => {
    expect(composite([80, null, 40, 60], [0.25, 0.25, 0.25, 0.25])).toBeCloseTo(60);
    expect(composite([80, null, 40, 60], [0.5, 0.5, 0, 0])).toBeCloseTo(80);
    expect(composite([null, null, null, null], [0.25, 0.25, 0.25, 0.25])).toBeNull();
  });

  it('ranks best first, ties sharing a rank, unknowns unranked', () => {
    expect(rankOf([90, 80, 80, null, 70])).toEqual([1, 2, 2, null, 4]);
  });
});

describe('a group scored by hand', () => {
  const m = new Map<string, CouncilMetrics>([
    ['X', metrics({ grid_coverage: 0.2, free_share: 1 })],
    ['Y', metrics({ grid_coverage: 0.6, free_share: 0.5, area_send_outcome: 1 })],
    ['Z', metrics({ grid_coverage: 0.4 })],
  ]);
  const weights = { choice: 0.5, equity: 0.25, quality: 0.25, suitability: 0 };

  it('averages the known metric scores of each dimension and states its coverage', () => {
    const [x, y, z] = scoreGroup(['X', 'Y', 'Z'], m, weights);
    expect(x!.dimensions.choice).toEqual({ score: 0, coverage: 1 / 6, known: 1, of: 6 });
    expect(y!.dimensions.choice.score).toBe(100);
    expect(z!.dimensions.choice.score).toBe(50);
    expect(x!.dimensions.equity.score).toBe(100);
    expect(y!.dimensions.equity.score).toBe(0);
    expect(z!.dimensions.equity.score).toBeNull();
    expect(y!.dimensions.quality.score).toBe(50); // the only known outcome in the group
    expect(x!.dimensions.suitability).toEqual({ score: null, coverage: 0, known: 0, of: 2 });
  });

  it('combines them with the weights and ranks the group', () => {
    const rows = scoreGroup(['X', 'Y', 'Z'], m, weights);
    expect(rows.map((r) => r.composite)).toEqual([expect.closeTo(100 / 3), expect.closeTo(62.5), expect.closeTo(50)]);
    expect(rows.map((r) => r.rank)).toEqual([3, 1, 2]);
    expect(rows[0]!.coverage).toBeCloseTo(0.5 / 6 + 0.25 / 5);
  });

  it('does not rank a council whose score rests on too little evidence, and says why', () => {
    const rows = scoreGroup(['X', 'Y', 'Z'], m, weights, 0.1);
    expect(rows.map((r) => r.rank)).toEqual([2, 1, null]);
    expect(rows[2]!.composite).toBeCloseTo(50);
    expect(rows[2]!.unranked_reason).toMatch(/coverage 8% is below the 10%/);
  });
});
