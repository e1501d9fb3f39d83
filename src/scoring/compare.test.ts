// Comparator groups, weights, gaps and the whole comparison on invented councils: deterministic, versioned,
// and honest about what is missing.
import { describe, expect, it } from 'vitest';
import { compare, gaps, prepareScoring, scoreAll } from './compare.js';
import { AppError } from '../domain/errors.js';
import { METHOD_VERSION } from './config.js';
import { parseGroup } from './groups.js';
import { parseWeights } from './weights.js';
import { EX, MOCK, NOWHERE, SAMPLE, offer, scoringData } from '../../test/support/synthetic-scoring-data.js';

const data = () =>
  scoringData({
    offers: {
      [EX]: [offer(EX, { id: 'ex-club', name: 'Holiday club', type: 'holiday_play_scheme', access_tier: 'universal', cost: { status: 'free', charges: [] }, age_min: 5, age_max: 17 })],
      [SAMPLE]: [
        offer(SAMPLE, { id: 'sample-overnight', name: 'Sampletown overnight unit', type: 'overnight_residential_unit', access_tier: 'specialist', cost: { status: 'charged', charges: [{ amount_gbp: 3, per: 'hour' }] }, gates: ['social_care_assessment'] }),
        offer(SAMPLE, { id: 'sample-dp', name: 'Sampletown direct payments', type: 'direct_payment', access_tier: 'specialist' }),
      ],
      [MOCK]: [offer(MOCK, { id: 'mock-overnight', name: 'Mockborough overnight breaks', type: 'overnight_residential_unit', access_tier: 'targeted', confidence: 0.7, gates: ['benefit_dla'] })],
    },
    figures: { [EX]: { personal_budgets: 10, ehc_plans: 1000 }, [SAMPLE]: { personal_budgets: 20, ehc_plans: 1000 }, [MOCK]: { personal_budgets: 30, ehc_plans: 1000 }, E12999999: { ehc_plans: 5000 }, E92000001: { ehc_plans: 600000 } },
    outcomes: { [MOCK]: 1, [SAMPLE]: 2 },
  });

describe('comparator groups', () => {
  const model = prepareScoring(data());

  it('puts the local council first, then its statistical neighbours in rank order', () => {
    const r = compare(model, EX, { samples: 0 });
    expect(r.group).toMatchObject({ id: 'sn2025', members: [EX, SAMPLE, MOCK, NOWHERE], version: 'dfe_sn_2025@2025-05' });
  });

  it('builds region, type, positive-inspection and custom groups', () => {
    expect(compare(model, EX, { group: 'region', samples: 0 }).group.members).toEqual([EX, MOCK, SAMPLE]);
    expect(compare(model, EX, { group: 'type', samples: 0 }).group.members).toEqual([EX, NOWHERE]);
    expect(compare(model, EX, { group: 'positive-inspection', samples: 0 }).group.members).toEqual([EX, MOCK]);
    const custom = compare(model, EX, { group: 'custom:992,E09999903', samples: 0 });
    expect(custom.group.members).toEqual([EX, SAMPLE, MOCK]);
    // A list naming a council the data does not hold fails, naming it, rather than comparing without it.
    expect(() => compare(model, EX, { group: 'custom:992,E09999903,E10000000', samples: 0 })).toThrow(/group: no council with code "E10000000"/);
  });

  it('rejects unknown groups and malformed custom lists, naming the problem', () => {
    expect(() => parseGroup('neighbours')).toThrow(/unknown group "neighbours"/);
    expect(() => parseGroup('custom:')).toThrow(/at least one council code/);
    expect(() => parseGroup("custom:E10000017,'; DROP TABLE offers")).toThrow(/is not a GSS code/);
    expect(() => compare(model, 'E00000000')).toThrow(AppError);
  });
});

describe('weights', () => {
  it('start from the balanced preset and adjust the dimensions named', () => {
    expect(parseWeights(undefined).weights).toEqual({ choice: 0.25, equity: 0.25, quality: 0.25, suitability: 0.25 });
    expect(parseWeights('equity=2').weights).toEqual({ choice: 0.2, equity: 0.4, quality: 0.2, suitability: 0.2 });
    expect(parseWeights('quality-first').weights.quality).toBeCloseTo(0.4);
    expect(parseWeights('quality-first,suitability=0')).toMatchObject({ preset: 'quality-first', spec: 'choice=1,equity=1,quality=2,suitability=0' });
  });

  it('say what was given: the preset they equal once normalised, else custom', () => {
    expect(parseWeights(undefined).label).toBe('balanced');
    expect(parseWeights('choice=2,equity=2,quality=2,suitability=2').label).toBe('balanced');
    expect(parseWeights('equity=2').label).toBe('equity-first');
    expect(parseWeights('equity=3').label).toBe('custom');
    expect(parseWeights('quality-first,suitability=0').label).toBe('custom');
  });

  it('refuse unknown names, bad numbers, repeats and all zeros', () => {
    expect(() => parseWeights('kindness=1')).toThrow(/unknown dimension "kindness"/);
    expect(() => parseWeights('equity=-1')).toThrow(/number from 0 to 1000/);
    expect(() => parseWeights('equity=two')).toThrow(/number from 0 to 1000/);
    expect(() => parseWeights('equity=1,equity=2')).toThrow(/given twice/);
    expect(() => parseWeights('choice=0,equity=0,quality=0,suitability=0')).toThrow(/above 0/);
    expect(() => parseWeights('generous')).toThrow(/unknown preset "generous"/);
  });
});

describe('a comparison', () => {
  it('is deterministic and versioned: same data, weights and seed give the same result', () => {
    const a = compare(prepareScoring(data()), EX, { weights: 'equity=2', seed: 5 });
    const b = compare(prepareScoring(data()), EX, { weights: 'equity=2', seed: 5 });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(a.method_version).toBe(METHOD_VERSION);
    expect(a.sensitivity.settings).toMatchObject({ samples: 256, seed: 5 });
  });

  it('keeps a council with no offers found unscored on offer-based dimensions and unranked', () => {
    const r = compare(prepareScoring(data()), EX, { samples: 0 });
    const nowhere = r.members.find((m) => m.code === NOWHERE)!;
    expect(nowhere).toMatchObject({ composite: null, rank: null, offers_found: 0, unranked_reason: 'no input is known' });
    expect(nowhere.dimensions.choice.score).toBeNull();
    expect(nowhere.ranked).toBe(false);
    expect(r.warnings.some((w) => /1 of 4 councils in the group has no current offers/.test(w))).toBe(true);
  });

  it('explains each score with its formula, inputs and the offers behind it, with sources', () => {
    const r = compare(prepareScoring(data()), EX, { samples: 0 });
    const grid = r.explanations[EX]!.find((e) => e.metric === 'grid_coverage')!;
    expect(grid.formula).toMatch(/cells of the reference grid/);
    expect(grid.evidence).toEqual([{ id: 'ex-club', name: 'Holiday club', url: expect.stringMatching(/^https:\/\/e10999901\.example\//), published: null, retrieved: '2026-11-22' }]);
    const pb = r.explanations[EX]!.find((e) => e.metric === 'personal_budgets_rate')!;
    expect(pb).toMatchObject({ value: 1, score: 0, inputs: [expect.objectContaining({ value: 10 }), expect.objectContaining({ value: 1000 })] });
  });

  it('shows each measure beside the group, region and England medians', () => {
    const r = compare(prepareScoring(data()), EX, { samples: 0 });
    expect(r.context.metrics.find((c) => c.id === 'personal_budgets_rate')).toMatchObject({ local: 1, group_median: 2, region_median: 2, england_median: 2, known_in_group: 3 });
    expect(r.context.figures.find((f) => f.measure === 'ehc_plans')).toMatchObject({ local: 1000, region: 5000, england: 600000 });
  });
});

describe('gaps', () => {
  const g = gaps(prepareScoring(data()), EX);

  it('lists the cells comparators cover and the local council does not, most-offered first', () => {
    expect(g.analysis.gaps.map((x) => x.cell)).toEqual(['overnight_residential_unit|overnight', 'direct_payment|any']);
    expect(g.analysis.gaps[0]!.peers.map((p) => p.code)).toEqual([SAMPLE, MOCK]);
    expect(g.analysis.gaps[0]!.peer_share).toBe(1);
  });

  it('prefers exemplars from councils with positive inspection evidence, each with its source and date', () => {
    const ex = g.analysis.gaps[0]!.exemplars;
    expect(ex.map((e) => e.offer_id)).toEqual(['mock-overnight', 'sample-overnight']);
    expect(ex[0]).toMatchObject({ council_name: 'Mockborough', inspection: { outcome_code: 1 }, source: { url: expect.stringMatching(/^https:/) }, retrieved: '2026-11-22' });
  });

  it('compares gates, tiers and charges, and says which comparators have nothing in the data', () => {
    expect(g.analysis.gates.find((x) => x.gate === 'social_care_assessment')).toMatchObject({ local_offers: 0, local_share: 0, peers_using: 1, peer_offer_share: 1 / 3 });
    expect(g.analysis.tiers.find((t) => t.tier === 'universal')).toMatchObject({ local_share: 1, peer_share: 0 });
    expect(g.analysis.charges).toMatchObject({ local_hourly: [], peer_hourly_median: 3, local_free_share: 1, peer_free_share: 0 });
    expect(g.analysis.peers_without_offers).toEqual([{ code: NOWHERE, name: 'Nowhereshire' }]);
  });

  it('warns that every peer cell is a "gap" when nothing was found locally', () => {
    const none = gaps(prepareScoring(data()), NOWHERE, { group: `custom:${EX},${SAMPLE}` });
    expect(none.analysis.local_offers).toBe(0);
    expect(none.analysis.notes[0]).toMatch(/Not found is not the same as not provided/);
  });
});

describe('scores for every council', () => {
  it('scores each council within its own group', () => {
    const r = scoreAll(prepareScoring(data()), { group: 'region' });
    expect(r.scores.map((s) => [s.code, s.group_size])).toEqual([
      [EX, 3],
      [MOCK, 3],
      [NOWHERE, 1],
      [SAMPLE, 3],
    ]);
  });
});
