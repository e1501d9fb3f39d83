// Finding the same offer published in several places (duplicates across sources).
import { describe, expect, it } from 'vitest';
import { findDuplicates, nameKey } from './dedupe.js';

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
