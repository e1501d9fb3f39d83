// A change between two versions of an offer, in words an officer or a parent carer can read: money and hours as
// amounts, lists joined, never JSON.
import { describe, expect, it } from 'vitest';
import { describeChanges, fieldChanges } from './offer-changes.js';

describe('describeChanges', () => {
  it.each([
    [{ charges: [{ amount_gbp: 2, per: 'hour' }] }, { charges: [{ amount_gbp: 2.5, per: 'session', note: 'plus entry' }] }, 'charges: £2 per hour -> £2.50 per session (plus entry)'],
    [{ allowances: [] }, { allowances: [{ min: 10, max: 50, unit: 'hours', per: 'year' }] }, 'allowances: none -> 10-50 hours per year'],
    [{ allowances: [{ max: 400, unit: 'gbp', per: 'year' }] }, { allowances: [{ min: 100, max: 100, unit: 'hours', per: 'year' }] }, 'allowances: up to 400 gbp per year -> up to 100 hours per year'],
    [{ gates: ['benefit_dla'] }, { gates: ['benefit_dla', 'social_care_assessment'] }, 'gates: benefit_dla -> benefit_dla, social_care_assessment'],
    [{ type: null, age_max: 17 }, { type: 'weekend_club', age_max: 18 }, 'type: - -> weekend_club; age_max: 17 -> 18'],
  ])('%j -> %j reads "%s"', (before, after, words) => {
    expect(describeChanges(fieldChanges(before, after))).toBe(words);
  });

  it('finds nothing when only fields a family would not notice differ', () => {
    expect(fieldChanges({ name: 'A', description: 'x' }, { name: 'A', description: 'y' })).toEqual([]);
  });
});
