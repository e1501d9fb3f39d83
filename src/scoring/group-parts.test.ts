// The weight-independent parts of a comparison, kept per group once asked twice: a comparison served from them is
// exactly the comparison worked out afresh, whatever the weights, and the kept parts are shared, not copied.
import { describe, expect, it } from 'vitest';
import { compare, prepareScoring } from './compare.js';
import { EX, MOCK, SAMPLE, offer, scoringData } from '../../test/support/synthetic-scoring-data.js';

const data = () =>
  scoringData({
    offers: {
      [EX]: [offer(EX, { id: 'ex-club', name: 'Holiday club', type: 'holiday_play_scheme', access_tier: 'universal' })],
      [SAMPLE]: [offer(SAMPLE, { id: 'sample-overnight', name: 'Sampletown overnight unit', type: 'overnight_residential_unit', access_tier: 'specialist' })],
      [MOCK]: [offer(MOCK, { id: 'mock-dp', name: 'Mockborough direct payments', type: 'direct_payment', access_tier: 'targeted' })],
    },
    figures: { [EX]: { personal_budgets: 10, ehc_plans: 1000 }, [SAMPLE]: { personal_budgets: 20, ehc_plans: 1000 }, [MOCK]: { personal_budgets: 30, ehc_plans: 1000 }, E92000001: { ehc_plans: 600000 } },
    outcomes: { [MOCK]: 1, [SAMPLE]: 2, [EX]: 3 },
  });

describe('the parts of a comparison kept per group', () => {
  it('give the same comparison as a fresh model for every weighting, from the second time a group is asked', () => {
    const kept = prepareScoring(data());
    const weightings = ['balanced', 'equity=3', 'quality-first', 'choice=2,suitability=0', 'equity=3'];
    let ranked = 0;
    for (const group of [undefined, 'region', `custom:${SAMPLE},${MOCK}`])
      for (const weights of weightings) {
        const fresh = compare(prepareScoring(data()), EX, { group, weights, explain: 'all' });
        expect(JSON.stringify(compare(kept, EX, { group, weights, explain: 'all' }))).toBe(JSON.stringify(fresh));
        ranked += fresh.members.filter((m) => m.rank !== null).length;
      }
    expect(ranked).toBeGreaterThan(5);
  });

  it('are shared between comparisons of the same group once kept, and not kept for a group asked once', () => {
    const model = prepareScoring(data());
    const first = compare(model, EX, { weights: 'equity=2', samples: 0 });
    const second = compare(model, EX, { weights: 'equity=3', samples: 0 });
    const third = compare(model, EX, { weights: 'equity=4', samples: 0 });
    expect(second.context).not.toBe(first.context);
    expect(third.context).toBe(second.context);
    expect(third.members.find((m) => m.code === EX)!.metrics).toBe(second.members.find((m) => m.code === EX)!.metrics);
  });
});
