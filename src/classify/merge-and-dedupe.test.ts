// Merging decisions (curation over record over rules; unknown stays unknown) and finding duplicates across sources.
import { describe, expect, it } from 'vitest';
import type { Classification } from './classify.js';
import { findDuplicates, nameKey } from './dedupe.js';
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

describe('findDuplicates', () => {
  const rec = (id: string, name: string, over: Partial<Parameters<typeof findDuplicates>[0][number]> = {}) => ({ id, council_code: 'E09000003', name, postcode: null, origin: 'scraped', confidence: 0.8, richness: 5, ...over });
  it('reduces names to their distinctive words', () => {
    expect(nameKey('The Saturday Splash Club (synthetic)')).toBe('saturday splash club');
    expect(nameKey('Saturday Splash Club')).toBe(nameKey('saturday-splash club'));
  });
  it('links records of one council with the same name, keeping the richest as canonical', () => {
    const d = findDuplicates([rec('feed:1', 'Saturday Splash Club', { richness: 9 }), rec('page:1', 'The Saturday Splash Club'), rec('other', 'Holiday scheme')]);
    expect([...d]).toEqual([['page:1', 'feed:1']]);
  });
  it('keeps apart same-named offers in different places or councils', () => {
    expect(findDuplicates([rec('a', 'Youth club', { postcode: 'ZZ1 1AA' }), rec('b', 'Youth club', { postcode: 'ZZ9 9ZZ' })]).size).toBe(0);
    expect(findDuplicates([rec('a', 'Youth club'), rec('b', 'Youth club', { council_code: 'E09000004' })]).size).toBe(0);
  });
});
