// Ages in a labelled directory field and in a description's sentences.
import { describe, expect, it } from 'vitest';
import { readAgeField, readAgesProse } from './age-fields.js';

describe('readAgeField (a labelled field)', () => {
  it.each([
    ['Age range: 5 to 18', 5, 18],
    ['5-18 years', 5, 18],
    ['0-25', 0, 25],
    ['8 – 17 years old', 8, 17],
    ['Ages 11 to 25', 11, 25],
    ['18 months to 5 years', 1, 5],
    ['6 to 18 months', 0, 1],
    ['5-18yrs', 5, 18],
    ['5 to 11 and 12-17', 5, 17],
    ['Under 5s', undefined, 4],
    ['Up to 18', undefined, 18],
    ['16+', 16, undefined],
    ['From 5', 5, undefined],
  ])('%s -> %s..%s', (text, min, max) => {
    expect(readAgeField(text)).toEqual({ min, max, note: text });
  });

  it('keeps the raw text when no age can be read, and returns nothing for empty text', () => {
    expect(readAgeField('All ages welcome')).toEqual({ min: undefined, max: undefined, note: 'All ages welcome' });
    expect(readAgeField('  ')).toEqual({});
    expect(readAgeField(undefined)).toEqual({});
  });
});

describe('readAgesProse (prose)', () => {
  it('reads ages only where the sentence says they are ages, and notes that sentence', () => {
    const text = 'Open 10am-4pm on 5-6 May. A club for young people aged 8 to 18. Call 01632 960412.';
    expect(readAgesProse(text)).toEqual({ min: 8, max: 18, note: 'A club for young people aged 8 to 18.' });
  });

  it('reads "5 to 17 years" and ignores times and dates', () => {
    expect(readAgesProse('For children 5 to 17 years old.')).toMatchObject({ min: 5, max: 17 });
    expect(readAgesProse('Sessions run 10-12 on Saturdays, 3 to 4 times a term.')).toEqual({});
  });
});
