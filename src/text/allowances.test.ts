// Table-driven tests of the allowance parser: hours, nights, sessions, days or pounds per period, and what is not one.
import { describe, expect, it } from 'vitest';
import { parseAllowances } from './allowances.js';

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

// Hard phrasings from real statements (issue 15, item 2), written for these tests, with cases that must not match.
const hardAllowances = (text: string) => parseAllowances(text).map(({ note: _note, ...a }) => a);
describe('allowances in hard phrasings', () => {
  it.each([
    // Weekly hours by age band: one allowance per band, in order.
    ['Children aged 2-5 can have 1.5 hours per week of support; young people aged 5-18 can have 3 hours per week.', [{ max: 1.5, unit: 'hours', per: 'week' }, { max: 3, unit: 'hours', per: 'week' }]],
    // A part-year allowance with a conditional second amount.
    ['From 1 October to 31 March families can apply for up to £400, or up to £75 if they already receive other services from the council.', [{ max: 400, unit: 'gbp', per: 'one_off' }, { max: 75, unit: 'gbp', per: 'one_off' }]],
    // An allowance with no period word, for a named year.
    ['The short breaks offer for 2025 to 2026 is 90 hours to be used flexibly at one of our providers.', [{ max: 90, unit: 'hours', per: 'year' }]],
    ['Our service gives young people access to 60 hours of free activities across the year.', [{ max: 60, unit: 'hours', per: 'year' }]],
    ['Families are entitled to 40 free hours a year.', [{ max: 40, unit: 'hours', per: 'year' }]],
    // The scheme's year stated before the amount.
    ['The year for Targeted Short Break activities runs from 1 February to 31 January. Eligible families get 76 free hours of activities.', [{ max: 76, unit: 'hours', per: 'year' }]],
    // Clock times in another sentence leave an allowance as it is.
    ['Each child can have up to 3 sessions a week. Sessions run from 10am to 3pm.', [{ max: 3, unit: 'sessions', per: 'week' }]],
    // Money onto a card, with no cue word before it.
    ['From 1st April the offer to families is: £900 per year via pre-paid card to allow choice.', [{ max: 900, unit: 'gbp', per: 'year' }]],
  ])('reads %s', (text, expected) => {
    expect(hardAllowances(text)).toEqual(expected);
  });

  it.each([
    // False friends: funded childcare, group capacity, opening hours, session lengths, 1:1 support.
    'Working parents may get 15-30 hours a week of funded childcare.',
    'Eligible two-year-olds can have 15 hours a week of free early education at a nursery.',
    'Each club has up to 15 places.',
    'Please book your place at least four days before the activity.',
    'Give us at least 2 weeks notice, or 3 days in advance for day trips.',
    'The centre is open 9am to 5pm, 7 days a week.',
    'Sessions run for 3 hours on Saturdays.',
    'Staff offer 1:1 support where a child needs it.',
    'Children needing 1.1 support are welcome.',
    'up to four hours at a time',
    // A timetable: a count of sessions beside the clock times they run.
    'Secondary school-aged children (max. 6 per session): 1.30pm – 4.30pm (2-3 sessions per week)',
    'Saturday club, 10am to 3pm, up to 2 sessions a week.',
    // The school year running is when sessions happen, not the period of an allowance.
    'The school year runs from September to July. Sessions give up to 6 hours of support.',
  ])('finds no allowance in %s', (text) => {
    expect(hardAllowances(text)).toEqual([]);
  });
});
