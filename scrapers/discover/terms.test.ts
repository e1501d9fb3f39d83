// Tests for discovery's words: the phrases, following priority, URL words and council names in titles.
import { describe, expect, it } from 'vitest';
import { councilNamesIn, followInterest, hasLocalOffer, hasShortBreaks, hasStatement, isOwnName, urlWords } from './terms.js';

describe('phrases', () => {
  it.each([
    ['Short breaks', true, false],
    ['short-break services', true, false],
    ['shortbreaks', true, false],
    ['Short Breaks Services Statement 2024', true, true],
    ['Statement of short breaks', true, true],
    ['breaking news in short', false, false],
  ])('%s: short breaks %s, statement %s', (text, sb, st) => {
    expect(hasShortBreaks(text)).toBe(sb);
    expect(hasStatement(text)).toBe(st);
  });

  it('reads Local Offer in prose and glued in URLs', () => {
    expect(hasLocalOffer('SEND Local Offer')).toBe(true);
    expect(hasLocalOffer(urlWords('https://localoffer.exampleshire.example/'))).toBe(true);
  });

  it('turns a URL into words', () => {
    expect(urlWords('https://www.x.example/children/short-breaks_info?p=42&q=local+offer')).toBe('www x example children short breaks info 42 local offer');
  });
});

describe('followInterest', () => {
  it.each([
    ['Short breaks', '/a', 10],
    ['Read more', '/children/short-breaks', 10],
    ['Local Offer', '/x', 6],
    ['SEND', '/send', 4],
    ['Send us a message', '/contact', 0],
    ['Children with disabilities', '/x', 4],
    ['Children and families', '/x', 2],
    ['Bins and recycling', '/bins', 0],
    ['Short breaks news', '/news/1', 7],
  ])('%s (%s) -> %i', (text, path, want) => {
    expect(followInterest(text, `https://www.exampleshire.example${path}`)).toBe(want);
  });
});

describe('council names', () => {
  it.each([
    ['Short breaks | Otherborough Borough Council', ['Otherborough']],
    ['Royal Borough of Otherborough and Fenby', ['Otherborough and Fenby']],
    ['Short breaks - Otherborough Local Offer', ['Otherborough']],
    ['Exampleshire County Council (synthetic)', ['Exampleshire']],
    ['Pay your Council tax', []],
    ['Short breaks | SEND Local Offer', []],
  ])('%s names %j', (text, names) => {
    expect(councilNamesIn(text)).toEqual(names);
  });

  it('compares names loosely', () => {
    expect(isOwnName('Bristol City', ['Bristol, City of'])).toBe(true);
    expect(isOwnName('Exampleshire', ['Exampleshire'])).toBe(true);
    expect(isOwnName('Otherborough', ['Exampleshire'])).toBe(false);
  });
});
