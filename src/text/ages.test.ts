// Table-driven tests of the prose age parser, using phrasings real councils publish (and ones that must not match).
import { describe, expect, it } from 'vitest';
import { parseAges } from './ages.js';

describe('parseAges', () => {
  it.each([
    ['aged 4-19', 4, 19],
    ['aged 4–19 with SEND (most activities from 5)', 4, 19],
    ['4–19', 4, 19],
    ['0 to 25', 0, 25],
    ['0-17', 0, 17],
    ['ages 0–18 years', 0, 18],
    ['for children and young people aged 0 to 18', 0, 18],
    ['between the ages of 5 and 17', 5, 17],
    ['5 to 18 year olds', 5, 18],
    ['young people aged eleven to eighteen', 11, 18],
    ['from reception up to their 19th birthday', 4, 18],
    ['reception to 19th birthday', 4, 18],
    ['from start of academic year child turns 5 to end of academic year they turn 18', 4, 18],
    ['from the start of the academic year in which they turn 5 until the end of the academic year they become 18', 4, 18],
    ['under 18', undefined, 17],
    ['disabled child <18', undefined, 17],
    ['for under-18s', undefined, 17],
    ['up to 18th birthday', undefined, 17],
    ['up to their eighteenth birthday', undefined, 17],
    ['up to the age of 25', undefined, 25],
    ['The services are available to children up to 18 years, and to their parents.', undefined, 18],
    ['aged 5 and over', 5, undefined],
    ['from age 8, under 18', 8, 17],
  ])('%s -> %s..%s', (text, min, max) => {
    const ages = parseAges(text);
    expect(ages).toBeDefined();
    expect([ages!.min, ages!.max]).toEqual([min, max]);
    expect(ages!.note.length).toBeGreaterThan(0);
  });

  it('keeps the phrase it read the ages from', () => {
    expect(parseAges('Children aged 0 to 18 who live here')).toEqual({ min: 0, max: 18, note: 'aged 0 to 18' });
    expect(parseAges('from reception up to their 19th birthday')?.note).toBe('from reception; up to their 19th birthday');
  });

  it.each([
    'open 9 to 5pm',
    'min 10 h, max 50 h of activities a year',
    'between 10 and 50 hours',
    'the 2025-2026 statement',
    'household income under £21,000',
    'under 5 hours a week',
    '£2 to £5 a session',
    'A statement with no ages in it.',
  ])('finds no ages in %s', (text) => expect(parseAges(text)).toBeUndefined());
});

// Hard phrasings from real statements (issue 15, item 2), written for these tests, with cases that must not match.
const hardAges = (text: string) => {
  const a = parseAges(text);
  return a ? { min: a.min, max: a.max } : undefined;
};
describe('ages in hard phrasings', () => {
  it.each([
    // Conditional ranges: the first range is the offer's ages.
    ['0 to 18, or 19 to 25 with a personal budget', { min: 0, max: 18 }],
    ['5 to 18, may extend to 25 on assessed need', { min: 5, max: 18 }],
    ['for children aged 5 to 18, this may extend to 25 on assessed need', { min: 5, max: 18 }],
    // A birthday bound: up to the 19th birthday is 18.
    ['from reception up until their 19th birthday', { min: 4, max: 18 }],
    ['The child or young person is aged between 0 -18th birthday', { min: 0, max: 17 }],
    ['For children aged 0 to 18th birthday who are residents', { min: 0, max: 17 }],
    ['are aged from birth up to their 18th birthday', { min: 0, max: 17 }],
    // List prefixes.
    ['Age 0 -8 Day-care with a childminder', { min: 0, max: 8 }],
    ['Ages 8 – 18 : Riverside Youth Club', { min: 8, max: 18 }],
    ['Age 5+ After school clubs', { min: 5, max: undefined }],
  ])('reads %s', (text, expected) => {
    expect(hardAges(text)).toEqual(expected);
  });

  it.each([
    'Working parents may get 15-30 hours a week of funded childcare.',
    'Each club has up to 15 places.',
    'The centre is open 9 to 5, Monday to Friday.',
    'Staff offer 1:1 support where a child needs it.',
    'Sessions run 10:00 to 12:30 on Saturdays.',
  ])('finds no ages in %s', (text) => {
    expect(hardAges(text)).toBeUndefined();
  });
});
