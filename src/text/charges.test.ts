// Table-driven tests of the parental charge parser and the direct-payment rates, using phrasings councils publish.
import { describe, expect, it } from 'vitest';
import { parseCharges, parseDirectPaymentRates } from './charges.js';

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
    '£900 per year via pre-paid card to allow families choice',
    '£300 a year as a direct payment',
  ])('finds no parental charge in %s', (text) => expect(parseCharges(text)).toEqual([]));
});

describe('parseDirectPaymentRates', () => {
  it('reads hourly rates paid as direct payments, with the sentence', () => {
    expect(parseDirectPaymentRates('Direct payments are paid at £13 per hour. Families pay £2 per hour for clubs.')).toEqual([
      { amount_gbp: 13, per: 'hour', cue: 'Direct payments are paid at £13 per hour.' },
    ]);
    expect(parseDirectPaymentRates('PA £16.29/h, care agency £21.36/h').map((r) => r.amount_gbp)).toEqual([16.29, 21.36]);
  });
});
