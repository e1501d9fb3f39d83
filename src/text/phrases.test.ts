// Table-driven tests of the statement phrase parsers, using phrasings real councils publish (and ones that must not match).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isFree, normaliseNumbers, parseAges, parseAllowances, parseCharges, parseDirectPaymentRates, parseGates, parseTier, TIER_SCHEMES } from './phrases.js';

describe('normaliseNumbers', () => {
  it.each([
    ['up to five hours a week', 'up to 5 hours a week'],
    ['forty-five minutes', '45 minutes'],
    ['twenty one days', '21 days'],
    ['one hundred hours', '100 hours'],
    ['their nineteenth birthday', 'their 19th birthday'],
    ['a one-off grant', 'a one-off grant'],
    ['aged 4–19', 'aged 4-19'],
    ['often someone', 'often someone'],
  ])('%s -> %s', (input, expected) => expect(normaliseNumbers(input)).toBe(expected));
});

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

describe('parseAllowances', () => {
  it.each([
    ['min 10 h, max 50 h of activities a year', [{ min: 10, max: 50, unit: 'hours', per: 'year' }]],
    ['a minimum of 10 hours and a maximum of 50 hours of activities a year', [{ min: 10, max: 50, unit: 'hours', per: 'year' }]],
    ['Up to 40 hours of funded activities a year', [{ max: 40, unit: 'hours', per: 'year' }]],
    ['up to five hours a week', [{ max: 5, unit: 'hours', per: 'week' }]],
    ['Up to 5 hours of short breaks a week (more in school holidays)', [{ max: 5, unit: 'hours', per: 'week' }]],
    ['York offers up to 100 hours per year', [{ max: 100, unit: 'hours', per: 'year' }]],
    ['up to one hundred hours a year', [{ max: 100, unit: 'hours', per: 'year' }]],
    ['between 10 and 50 hours per year', [{ min: 10, max: 50, unit: 'hours', per: 'year' }]],
    ['10-50 hours each year', [{ min: 10, max: 50, unit: 'hours', per: 'year' }]],
    ['Short Break Grant up to £400 per family per year', [{ max: 400, unit: 'gbp', per: 'year' }]],
    ['up to a maximum of £400 per family', [{ max: 400, unit: 'gbp', per: 'one_off' }]],
    ['an annual grant of up to £400', [{ max: 400, unit: 'gbp', per: 'year' }]],
    ['a grant of £1,250 per family', [{ max: 1250, unit: 'gbp', per: 'one_off' }]],
    ['Families can have up to 36 nights a year', [{ max: 36, unit: 'nights', per: 'year' }]],
    ['up to twelve sessions a year', [{ max: 12, unit: 'sessions', per: 'year' }]],
    ['up to 5 days a week in the holidays', [{ max: 5, unit: 'days', per: 'week' }]],
    ['at least 2 hours a month', [{ min: 2, unit: 'hours', per: 'month' }]],
    // York: no period, but a total before the next step ("before a social work assessment") -> one_off.
    ['Up to 100 hours support before a social work assessment (reviewed Dec 2018)', [{ max: 100, unit: 'hours', per: 'one_off' }]],
    ['up to 80 hours of support before a social work assessment is needed', [{ max: 80, unit: 'hours', per: 'one_off' }]],
    ['up to 30 hours in total', [{ max: 30, unit: 'hours', per: 'one_off' }]],
    // A per-visit limit does not borrow the period of the next quantity.
    ['for up to three hours at a time, and for no more than 12 hours a month', [{ max: 12, unit: 'hours', per: 'month' }]],
    ['for up to five hours a day. Each child can have up to 60 hours of play scheme a year.', [{ max: 60, unit: 'hours', per: 'year' }]],
    // A stated amount with only "for" before it.
    ['Young people are matched with a buddy for 2 hours a week.', [{ max: 2, unit: 'hours', per: 'week' }]],
  ])('%s', (text, expected) => {
    expect(parseAllowances(text).map(({ note: _note, ...a }) => a)).toEqual(expected);
  });

  it('reads two allowances in one text, in order, each with its phrase', () => {
    const found = parseAllowances('Up to 40 hours a year of activities. A grant of up to £400 a year is also available.');
    expect(found).toEqual([
      { max: 40, unit: 'hours', per: 'year', note: 'Up to 40 hours' },
      { max: 400, unit: 'gbp', per: 'year', note: 'up to £400' },
    ]);
  });

  it.each([
    'up to £15 per activity',
    'Families pay £2 per hour',
    'up to 6 hours of support',
    'up to their 19th birthday',
    'up to age 18',
    'Sessions last 2 hours',
    'up to four hours at a time',
    'for up to five hours a day',
    'Sessions run for 3 hours every Saturday',
    'high-cost activities capped at £15 standard / £7.50 reduced',
  ])('finds no allowance in %s', (text) => expect(parseAllowances(text)).toEqual([]));
});

describe('parseCharges', () => {
  it.each([
    ['£2 per hour', [{ amount_gbp: 2, per: 'hour' }]],
    ['parental contribution £2 per hour per activity', [{ amount_gbp: 2, per: 'hour' }]],
    ['a charge of £5 per day', [{ amount_gbp: 5, per: 'day' }]],
    ['£4.50 per session', [{ amount_gbp: 4.5, per: 'session' }]],
    ['£1 an hour', [{ amount_gbp: 1, per: 'hour' }]],
    ['£2/h', [{ amount_gbp: 2, per: 'hour' }]],
    ['50p a session', [{ amount_gbp: 0.5, per: 'session' }]],
    ['£1 per hour (activity clubs), £4.50 per swimming session? no: £4.50 per session', [{ amount_gbp: 1, per: 'hour' }, { amount_gbp: 4.5, per: 'session' }]],
    ['£20 per night', [{ amount_gbp: 20, per: 'session' }]],
    ['a £20 annual membership fee', [{ amount_gbp: 20, per: 'year' }]],
    ['a one-off registration fee of £10', [{ amount_gbp: 10, per: 'one_off' }]],
    ['structured swimming sessions … £4.50 (swimming session)', [{ amount_gbp: 4.5, per: 'session' }]],
    ['£10 (per day)', [{ amount_gbp: 10, per: 'day' }]],
    ['grants of £400 (one-off)', []],
    // Buckinghamshire: caps on the fee for high-cost activities, standard and reduced.
    ['high-cost activities capped at £15 standard / £7.50 reduced', [{ amount_gbp: 15, per: 'activity' }, { amount_gbp: 7.5, per: 'activity' }]],
    // A list of prices named by the lesson or session they buy (Buckinghamshire FIS listing).
    ['lessons are 1 hour from just £15, £20 7 days a week', [{ amount_gbp: 15, per: 'session' }, { amount_gbp: 20, per: 'session' }]],
    ['Sessions cost £5 each.', [{ amount_gbp: 5, per: 'session' }]],
    ['Lessons cost £10 per hour', [{ amount_gbp: 10, per: 'hour' }]],
    ['a grant of £1,250 per family; sessions cost £2', [{ amount_gbp: 2, per: 'session' }]],
    // "per child" between the price and its unit, and a length before the unit.
    ['A place costs £12 per child per day.', [{ amount_gbp: 12, per: 'day' }]],
    ['There is a charge of £7.50 per child for each day.', [{ amount_gbp: 7.5, per: 'day' }]],
    ['Places cost £3 per child per session.', [{ amount_gbp: 3, per: 'session' }]],
    ['It costs £3.50 per 2-hour session.', [{ amount_gbp: 3.5, per: 'session' }]],
    ['£25 for a full-day session', [{ amount_gbp: 25, per: 'session' }]],
    ['members pay £4 per workshop', [{ amount_gbp: 4, per: 'session' }]],
  ])('%s', (text, expected) => {
    expect(parseCharges(text).map(({ note: _note, ...c }) => c)).toEqual(expected);
  });

  it('notes the unit a charge was mapped from', () => {
    expect(parseCharges('£20 per night')[0]!.note).toBe('£20 per night (per night)');
  });

  it.each([
    'Direct payments are paid at £13 per hour.',
    'The council pays personal assistants £16.29 per hour.',
    'Short Break Grant up to £400 per family per year',
    'a grant of £400 a year',
    'up to £15 per activity',
    'Free of charge.',
    'a grant capped at £400',
    'a grant of £1,250 per family',
  ])('finds no parental charge in %s', (text) => expect(parseCharges(text)).toEqual([]));
});

describe('isFree', () => {
  it.each([
    ['Overnight short breaks are free of charge to families.', true],
    ['There is no charge for this service.', true],
    ['Sessions are free for disabled children.', true],
    ['at no cost to families', true],
    ['Families pay £2 per hour.', false],
    ['Feel free to contact us.', false],
    ['Call our freephone number.', false],
  ])('%s -> %s', (text, expected) => expect(isFree(text)).toBe(expected));
});

describe('parseDirectPaymentRates', () => {
  it('reads hourly rates paid as direct payments, with the sentence', () => {
    expect(parseDirectPaymentRates('Direct payments are paid at £13 per hour. Families pay £2 per hour for clubs.')).toEqual([
      { amount_gbp: 13, per: 'hour', cue: 'Direct payments are paid at £13 per hour.' },
    ]);
    expect(parseDirectPaymentRates('PA £16.29/h, care agency £21.36/h').map((r) => r.amount_gbp)).toEqual([16.29, 21.36]);
  });
});

describe('parseGates', () => {
  it.each([
    ['middle or higher rate DLA or any PIP', [['benefit_dla', 'middle or higher rate DLA'], ['benefit_pip', 'any PIP']]],
    ['get the higher rate of DLA or enhanced PIP', [['benefit_dla', 'higher rate of DLA'], ['benefit_pip', 'enhanced PIP']]],
    ['high-rate DLA', [['benefit_dla', 'high-rate DLA']]],
    ['household income < £21,000', [['household_income', 'household income < £21,000']]],
    ['your household income must be under £21,000', [['household_income', 'household income must be under £21,000']]],
    ['in receipt of means-tested benefits', [['household_income', 'means-tested benefits']]],
    ['children with an EHCP', [['ehc_plan', 'EHCP']]],
    ['an Education, Health and Care Plan', [['ehc_plan', 'Education, Health and Care Plan']]],
    ['the Hampshire Gateway Card', [['registration_card', 'Gateway Card']]],
    ['your Short Breaks passport id number', [['registration_card', 'Short Breaks passport']]],
    ["the Children's Disability Register", [['registration_card', "Children's Disability Register"]]],
    ['register for the Exampleshire Short Breaks Card', [['registration_card', 'register for the Exampleshire Short Breaks Card']]],
    ['letter from GP/SENCo/professional', [['professional_letter', 'letter from GP/SENCo/professional']]],
    ['a letter from a GP, SENCo or other professional', [['professional_letter', 'letter from a GP, SENCo or other professional']]],
    ['RAS questionnaire: score ≥70', [['ras_score', 'RAS questionnaire: score ≥70']]],
    ['a resource allocation score', [['ras_score', 'resource allocation score']]],
    ['only after a social care assessment', [['social_care_assessment', 'social care assessment']]],
    ['an assessment by a social worker', [['social_care_assessment', 'assessment by a social worker']]],
    ['referred through Early Help', [['early_help_referral', 'Early Help']]],
    ['live in Lancashire', [['residence', 'live in Lancashire']]],
    ['must live in Stoke-on-Trent', [['residence', 'live in Stoke-on-Trent']]],
    ['living in the county', [['residence', 'living in the county']]],
    ['a diagnosis of autism', [['diagnosis_evidence', 'diagnosis']]],
  ])('%s', (text, expected) => {
    expect(parseGates(text).map((g) => [g.code, g.cue])).toEqual(expected);
  });

  it('lists every gate in the order the text gives them', () => {
    const text = 'Children who live in Exampleshire can have a card if they have an EHC plan, get the middle or higher rate of DLA or any rate of PIP, or have a letter from a GP.';
    expect(parseGates(text).map((g) => g.code)).toEqual(['residence', 'ehc_plan', 'benefit_dla', 'benefit_pip', 'professional_letter']);
  });

  it.each([
    'You do not need a social care assessment.',
    'No social care assessment is needed.',
    'Universal Credit claimants are welcome at universal services.',
    'Bring a passport or birth certificate.',
    'Register for our newsletter.',
  ])('sets no gate from %s', (text) => expect(parseGates(text).filter((g) => g.code !== 'household_income')).toEqual([]));
});

describe('parseTier', () => {
  it.each([
    ['Universal short breaks', 'universal', undefined],
    ['Targeted short breaks', 'targeted', undefined],
    ['Specialist', 'specialist', undefined],
    ['There is no assessment.', 'targeted', undefined],
    ['You do not need a social care assessment.', 'targeted', undefined],
    ['self-referral', 'targeted', undefined],
    ['Access is by assessment by a social worker.', 'specialist', undefined],
    ['only if need identified by a social care assessment', 'specialist', undefined],
    ['open to all children', 'universal', undefined],
    ['Break-time', 'targeted', 'Break-time'],
    ['Night-time short breaks', 'specialist', 'Night-time'],
    ['Activities Extra', 'targeted', 'Activities Extra'],
    ['SBLO Plus', 'specialist', 'SBLO Plus'],
    ['SBLO Intensive', 'specialist', 'SBLO Intensive'],
    ['Level 1', 'universal', 'Level 1'],
    ['Level 2', 'targeted', 'Level 2'],
    ['Level three', 'specialist', 'Level 3'],
    ['lots of support', 'specialist', 'lots of'],
    ['Additional services', 'targeted', 'additional'],
  ])('%s -> %s', (text, tier, label) => {
    const found = parseTier(text);
    expect(found?.tier).toBe(tier);
    expect(found?.label).toBe(label);
  });

  it('quotes the words that decided the tier', () => {
    expect(parseTier('You do not need a social care assessment.')?.cue).toBe('do not need a social care assessment');
    expect(parseTier('Targeted short breaks are for...')?.cue).toBe('Targeted short breaks');
  });

  it.each(['Universal Credit', 'a specialist nurse visits', 'Holiday play schemes', 'day-time care in the home'])('finds no tier in %s', (text) =>
    expect(parseTier(text)).toBeUndefined(),
  );

  it('knows every council tier vocabulary in taxonomy.json, mapped the same way', () => {
    const taxonomy = JSON.parse(readFileSync(new URL('../../data/taxonomy/taxonomy.json', import.meta.url), 'utf8')) as {
      tier_schemes: Array<{ council_name: string; mapping: Record<string, string> }>;
    };
    for (const scheme of taxonomy.tier_schemes)
      for (const [name, tier] of Object.entries(scheme.mapping)) {
        if (['universal', 'targeted', 'specialist'].includes(name.toLowerCase())) {
          expect(parseTier(name)?.tier, `${scheme.council_name} ${name}`).toBe(tier);
          continue;
        }
        const known = TIER_SCHEMES.find((s) => s.council === scheme.council_name && s.name.toLowerCase() === name.toLowerCase());
        expect(known, `${scheme.council_name} "${name}" missing from TIER_SCHEMES`).toBeDefined();
        expect(known!.tier, `${scheme.council_name} ${name}`).toBe(tier);
      }
  });
});
