// Ages, cost, postcode and contact parsing shared by the Jadu and LocalGov Drupal adapters.
import { describe, expect, it } from 'vitest';
import { emailOf, fieldKind, findPostcode, parseAges, parseCost, phoneOf, webUrlOf } from './directory-fields.js';

describe('parseAges (a labelled field)', () => {
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
    expect(parseAges(text)).toEqual({ ageMin: min, ageMax: max, ageNote: text });
  });

  it('keeps the raw text when no age can be read, and returns nothing for empty text', () => {
    expect(parseAges('All ages welcome')).toEqual({ ageMin: undefined, ageMax: undefined, ageNote: 'All ages welcome' });
    expect(parseAges('  ')).toEqual({});
    expect(parseAges(undefined)).toEqual({});
  });
});

describe('parseAges (prose)', () => {
  it('reads ages only where the sentence says they are ages, and notes that sentence', () => {
    const text = 'Open 10am-4pm on 5-6 May. A club for young people aged 8 to 18. Call 01632 960412.';
    expect(parseAges(text, 'prose')).toEqual({ ageMin: 8, ageMax: 18, ageNote: 'A club for young people aged 8 to 18.' });
  });

  it('reads "5 to 17 years" and ignores times and dates', () => {
    expect(parseAges('For children 5 to 17 years old.', 'prose')).toMatchObject({ ageMin: 5, ageMax: 17 });
    expect(parseAges('Sessions run 10-12 on Saturdays, 3 to 4 times a term.', 'prose')).toEqual({});
  });
});

describe('parseCost (a labelled field)', () => {
  it.each([
    ['£2 per hour', [{ amount_gbp: 2, per: 'hour' }]],
    ['£5 per session', [{ amount_gbp: 5, per: 'session' }]],
    ['£10 a day', [{ amount_gbp: 10, per: 'day' }]],
    ['£3.50/hour', [{ amount_gbp: 3.5, per: 'hour' }]],
    ['£6 per child per session', [{ amount_gbp: 6, per: 'session' }]],
    ['£25 one-off joining fee', [{ amount_gbp: 25, per: 'one_off' }]],
    ['£40 per night', [{ amount_gbp: 40, per: 'session', note: 'per night' }]],
    ['£2 an hour or £10 a day', [{ amount_gbp: 2, per: 'hour' }, { amount_gbp: 10, per: 'day' }]],
  ])('%s is charged', (text, charges) => {
    expect(parseCost(text)).toEqual({ costStatus: 'charged', charges, costNote: text });
  });

  it.each(['Free', 'Free of charge', 'No charge', 'There is no cost', '£0'])('%s is free', (text) => {
    expect(parseCost(text)).toEqual({ costStatus: 'free', charges: [], costNote: text });
  });

  it('a stated charge wins over "free"; an amount with no unit is charged without a charge line', () => {
    expect(parseCost('Free for families with an assessed need; otherwise £8 per hour')).toMatchObject({ costStatus: 'charged', charges: [{ amount_gbp: 8, per: 'hour' }] });
    expect(parseCost('£15 for the trip')).toEqual({ costStatus: 'charged', charges: [], costNote: '£15 for the trip' });
  });

  it('repairs mojibake and keeps unknown text as a note', () => {
    expect(parseCost('Â£10 a day, lunch included')).toEqual({ costStatus: 'charged', charges: [{ amount_gbp: 10, per: 'day' }], costNote: '£10 a day, lunch included' });
    expect(parseCost('Please ask the provider')).toEqual({ costStatus: 'unknown', charges: [], costNote: 'Please ask the provider' });
    expect(parseCost(undefined)).toEqual({ costStatus: 'unknown', charges: [] });
  });
});

describe('parseCost (prose)', () => {
  it('reads charges with a unit and free phrases, noting only those sentences', () => {
    expect(parseCost('Fun every week. Sessions cost £2 per hour. Free parking.', 'prose')).toEqual({
      costStatus: 'charged',
      charges: [{ amount_gbp: 2, per: 'hour' }],
      costNote: 'Sessions cost £2 per hour.',
    });
    expect(parseCost('It is free of charge to families. We have free time.', 'prose')).toEqual({ costStatus: 'free', charges: [], costNote: 'It is free of charge to families.' });
  });

  it('does not take a yearly budget or a bare "free" for a charge to families', () => {
    expect(parseCost('Families can get a direct payment of £500 a year. Enjoy your free time.', 'prose')).toEqual({ costStatus: 'unknown', charges: [] });
  });
});

describe('contact helpers', () => {
  it('finds and normalises a postcode', () => {
    expect(findPostcode('Mill Lane, Samplebury, sb1 4qt')).toBe('SB1 4QT');
    expect(findPostcode('MT27LR')).toBe('MT2 7LR');
    expect(findPostcode('no postcode here')).toBeUndefined();
  });

  it('reads email, phone and website values', () => {
    expect(emailOf('mailto:club@samplebury.example?subject=Hi', 'Email us')).toBe('club@samplebury.example');
    expect(emailOf(undefined, 'Email: elmhouse@mocktown.example')).toBe('elmhouse@mocktown.example');
    expect(phoneOf('Tel: 01632 960532')).toBe('01632 960532');
    expect(phoneOf('Ask at reception')).toBeUndefined();
    expect(webUrlOf('www.mocktown-holidays.example', 'http://127.0.0.1/x')).toBe('https://www.mocktown-holidays.example/');
    expect(webUrlOf('/about', 'http://127.0.0.1/x')).toBe('http://127.0.0.1/about');
    expect(webUrlOf('javascript:void(0)', 'http://127.0.0.1/x')).toBeUndefined();
  });

  it('classifies directory field labels', () => {
    expect(['Age range', 'Cost:', 'Contact name', 'Telephone', 'Email address', 'Website', 'Address', 'Postcode', 'Opening times', 'Description', 'Eligibility', 'Category', 'Fax'].map(fieldKind)).toEqual([
      'ages', 'cost', 'contactName', 'phone', 'email', 'website', 'address', 'postcode', 'schedule', 'description', 'eligibility', 'terms', undefined,
    ]);
  });
});
