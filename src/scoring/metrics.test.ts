// Each metric pinned on a small invented council whose numbers were worked out by hand, and missing inputs kept
// missing (null with a reason), never zero.
import { describe, expect, it } from 'vitest';
import { prepareScoring } from './compare.js';
import { METRICS } from './metric-defs.js';
import { EX, MOCK, NOWHERE, SAMPLE, fact, offer, scoringData } from '../../test/support/synthetic-scoring-data.js';

const exOffers = [
  offer(EX, { name: 'Holiday club', type: 'holiday_play_scheme', access_tier: 'universal', cost: { status: 'free', charges: [] }, age_min: 11, age_max: 17, provider: 'Play Ltd', districts: ['North Ward'], published: '2026-01', eligibility: 'Open to all disabled children', contact: { phone: '01234 000000' }, description: 'A club for autistic children and their friends' }),
  offer(EX, { name: 'Overnight unit', type: 'overnight_residential_unit', access_tier: 'specialist', cost: { status: 'charged', charges: [{ amount_gbp: 2, per: 'hour' }] }, age_min: 0, age_max: 4, provider: ' play ltd ', schedule: 'Fridays' }),
  offer(EX, { name: 'Direct payments', type: 'direct_payment', access_tier: 'specialist', provider: 'Care Co', postcode: 'EX1 2AB', published: '2024' }),
  offer(EX, { name: 'Something unclassified', published: '2023-05' }),
];

const data = () =>
  scoringData({
    offers: {
      [EX]: exOffers,
      [SAMPLE]: [offer(SAMPLE, { name: 'Weekend sport', type: 'sport_arts_leisure_inclusion', time_slots: ['weekend'], access_tier: 'universal', cost: { status: 'free', charges: [] } })],
    },
    facts: { [EX]: [fact(EX, '2025-06-01')] },
    figures: {
      [EX]: { personal_budgets: 30, ehc_plans: 1500, ehc_plans_age_0_17: 1000, pop_0_17: 100_000, iod2019_idaci_score: 0.2, ehcp_need_pct_asd: 30, ehcp_need_pct_semh: 10, ehcp_need_pct_pmld: 5, ehcp_need_pct_sld: 5, ehcp_need_pct_hi: 2, ehcp_need_pct_vi: 3, ehcp_need_pct_mld: 20, ehcp_need_pct_slcn: 25 },
      [SAMPLE]: { iod2019_idaci_score: 0.1, personal_budgets: 40, ehc_plans: 1000 },
      [MOCK]: { iod2019_idaci_score: 0.3 },
    },
    outcomes: { [EX]: 2 },
    findings: { [EX]: [{ topic: 'short_breaks', polarity: 'strength' }, { topic: 'short_breaks', polarity: 'strength' }, { topic: 'respite', polarity: 'strength' }, { topic: 'direct_payments', polarity: 'weakness' }, { topic: 'short_breaks', polarity: 'neutral' }] },
    providers: { [EX]: { Outstanding: 1, Good: 1, 'Requires improvement to be good': 2 } },
  });

describe('metrics of one council, by hand', () => {
  const model = prepareScoring(data());
  const m = model.metrics.get(EX)!;
  const value = (id: string) => m[id]!.value;

  it('measures the grid against every cell any council covers plus the taxonomy defaults', () => {
    // 8 default cells + direct_payment|any (Exampleshire) + sport|weekend (Sampletown) = 10; Exampleshire covers 3.
    expect(model.grid).toHaveLength(10);
    expect(value('grid_coverage')).toBeCloseTo(3 / 10);
  });

  it('counts providers by normalised name and their concentration', () => {
    expect(value('provider_count')).toBe(2);
    expect(value('provider_concentration')).toBeCloseTo((2 / 3) ** 2 + (1 / 3) ** 2);
  });

  it('reads ages, self-direction and personal budgets', () => {
    expect(value('age_coverage')).toBeCloseTo(12 / 18); // 0-4 and 11-17
    expect(value('self_directed')).toBeCloseTo(1 / 3);
    expect(value('personal_budgets_rate')).toBeCloseTo(2);
  });

  it('measures equity: openness, cost, places and provision for need and deprivation', () => {
    expect(value('open_access_share')).toBeCloseTo(1 / 3);
    expect(value('free_share')).toBeCloseTo(1 / 2);
    expect(value('geographic_spread')).toBe(2);
    expect(value('offers_per_1000_ehcp')).toBeCloseTo(4);
    // median IDACI of the councils with one is 0.2, Exampleshire's own: factor 1.
    expect(value('offers_per_10000_children_adjusted')).toBeCloseTo(0.4);
  });

  it('measures quality from inspection, providers and the published information', () => {
    expect(value('area_send_outcome')).toBe(0.5);
    expect(value('inspection_short_breaks')).toBeCloseTo(3 / 4);
    expect(value('provider_ratings')).toBeCloseTo(7 / 12);
    expect(value('information_completeness')).toBeCloseTo((5 + 4 + 2 + 1) / 24);
    // 24 months before 2026-11-22: 2026-01 and "2024" (to 31 Dec) and the 2025 fact are current; undated and 2023-05 are not.
    expect(value('information_currency')).toBeCloseTo(3 / 5);
  });

  it('measures suitability against the local age and need profile', () => {
    expect(value('age_profile_fit')).toBeCloseTo((2 / 3) * (12 / 18));
    // complex 10 (overnight unit), autism/SEMH 40 ("autistic"), sensory 5 (none), learning 45 (holiday club).
    expect(value('need_profile_fit')).toBeCloseTo(95 / 100);
  });

  it('gives every metric its inputs and the offers behind it', () => {
    expect(m.grid_coverage!.evidence).toHaveLength(3);
    expect(m.offers_per_1000_ehcp!.inputs).toContainEqual(expect.objectContaining({ name: 'EHC plans, ages 0-17', value: 1000 }));
    expect(m.inspection_short_breaks!.evidence).toHaveLength(4);
  });
});

describe('missing inputs', () => {
  const model = prepareScoring(data());

  it('leaves a council with no offers found null on every offer-based metric, with the reason', () => {
    const m = model.metrics.get(NOWHERE)!;
    for (const def of METRICS) {
      expect(m[def.id]!.value, def.id).toBeNull();
      expect(m[def.id]!.missing, def.id).toBeTruthy();
    }
    expect(m.grid_coverage!.missing).toMatch(/not found is not the same as not provided/);
  });

  it('keeps a known zero apart from an unknown: Sampletown states no ages, so ages are unknown, not 0', () => {
    const m = model.metrics.get(SAMPLE)!;
    expect(m.age_coverage!.value).toBeNull();
    expect(m.self_directed!.value).toBe(0); // it has typed offers and none is self-directed
    expect(m.area_send_outcome!.value).toBeNull();
    expect(m.personal_budgets_rate!.value).toBeCloseTo(4);
  });

  it('refuses to divide figures from different years', () => {
    const d = data();
    d.figures.get(SAMPLE)!.set('personal_budgets', { value: 40, period: '2024', dataset_id: 'synthetic' });
    const m = prepareScoring(d).metrics.get(SAMPLE)!;
    expect(m.personal_budgets_rate!.value).toBeNull();
    expect(m.personal_budgets_rate!.missing).toMatch(/different years/);
  });
});
