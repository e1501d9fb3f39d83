// Merging decisions: curation over record over rules; unknown stays unknown.
import { describe, expect, it } from 'vitest';
import type { Classification } from './classify.js';
import { mergeClassification, type Stated } from './merge-classification.js';

const none = <T>() => ({ value: null as T | null, confidence: 0.1, evidence: [] });
const cls = (over: Partial<Classification> = {}): Classification => ({
  rules_version: 'test', type: none(), access_tier: none(), statutory_categories: none(), time_slots: none(), gates: none(),
  ages: none(), allowances: none(), charges: none(), cost_status: none(), ...over,
});
const stated = (over: Partial<Stated> = {}): Stated => ({
  type: null, access_tier: null, statutory_categories: [], time_slots: [], gates: [], age_min: null, age_max: null,
  cost: { status: 'unknown', charges: [] }, allowances: [], ...over,
});

describe('mergeClassification', () => {
  const rulesSay = cls({ type: { value: 'youth_club', confidence: 0.8, evidence: [{ field: 'name', phrase: 'youth club' }] }, ages: { value: { min: 11, max: 19 }, confidence: 0.9, evidence: [{ field: 'description', phrase: '11 to 19' }] } });

  it('takes the rules when the record says nothing, with their evidence', () => {
    const m = mergeClassification(stated(), rulesSay);
    expect(m).toMatchObject({ type: 'youth_club', age_min: 11, age_max: 19 });
    expect(m.explanation.fields.type).toEqual({ by: 'rules', confidence: 0.8, evidence: [{ field: 'name', phrase: 'youth club' }] });
  });
  it('keeps what the record states over the rules', () => {
    expect(mergeClassification(stated({ type: 'weekend_club', age_min: 8, age_max: 18 }), rulesSay)).toMatchObject({ type: 'weekend_club', age_min: 8, age_max: 18 });
  });
  it('puts a curated correction first, and says so', () => {
    const m = mergeClassification(stated({ type: 'weekend_club' }), rulesSay, { set: { type: 'holiday_play_scheme' }, reason: 'runs in the holidays' });
    expect(m.type).toBe('holiday_play_scheme');
    expect(m.explanation.curated).toEqual(['type']);
    expect(m.explanation.fields.type).toMatchObject({ by: 'curation', reason: 'runs in the holidays' });
  });
  it('leaves a field unknown (null, never zero) when nobody knows it', () => {
    const m = mergeClassification(stated(), cls());
    expect(m).toMatchObject({ type: null, access_tier: null, age_min: null, age_max: null, cost: { status: 'unknown' } });
    expect(m.explanation.fields.type!.by).toBe('unknown');
  });
});
