// What an offer costs: free phrases in prose, a labelled cost field, and cost in a description.
import { describe, expect, it } from 'vitest';
import { isFree, readCostField, readCostProse } from './cost.js';

describe('isFree', () => {
  it.each([
    ['Overnight short breaks are free of charge to families.', true],
    ['Eligible families get 76 free hours of activities.', true],
    ['There is no charge for this service.', true],
    ['Sessions are free for disabled children.', true],
    ['at no cost to families', true],
    ['Families pay £2 per hour.', false],
    ['Feel free to contact us.', false],
    ['Call our freephone number.', false],
  ])('%s -> %s', (text, expected) => expect(isFree(text)).toBe(expected));
});

describe('readCostField (a labelled field)', () => {
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
    expect(readCostField(text)).toEqual({ status: 'charged', charges, note: text });
  });

  it.each(['Free', 'Free of charge', 'No charge', 'There is no cost', '£0'])('%s is free', (text) => {
    expect(readCostField(text)).toEqual({ status: 'free', charges: [], note: text });
  });

  it.each(['Charges apply', 'A fee is charged by the provider', 'Families pay a charge; the source does not say how much', 'There is a charge for each session'])(
    '%s is charged, with no charge line',
    (text) => {
      expect(readCostField(text)).toEqual({ status: 'charged', charges: [], note: text });
    },
  );

  it.each(['Charges may apply', 'No charges apply', 'Not charged', 'There may be a cost for some activities', 'Contact the provider for costs'])('%s is not known to be charged', (text) => {
    expect(readCostField(text).status).not.toBe('charged');
  });

  it('a stated charge wins over "free"; an amount with no unit is charged without a charge line', () => {
    expect(readCostField('Free for families with an assessed need; otherwise £8 per hour')).toMatchObject({ status: 'charged', charges: [{ amount_gbp: 8, per: 'hour' }] });
    expect(readCostField('£15 for the trip')).toEqual({ status: 'charged', charges: [], note: '£15 for the trip' });
  });

  it('repairs mojibake and keeps unknown text as a note', () => {
    expect(readCostField('Â£10 a day, lunch included')).toEqual({ status: 'charged', charges: [{ amount_gbp: 10, per: 'day' }], note: '£10 a day, lunch included' });
    expect(readCostField('Please ask the provider')).toEqual({ status: 'unknown', charges: [], note: 'Please ask the provider' });
    expect(readCostField(undefined)).toEqual({ status: 'unknown', charges: [] });
  });
});

describe('readCostProse (prose)', () => {
  it('reads charges with a unit and free phrases, noting only those sentences', () => {
    expect(readCostProse('Fun every week. Sessions cost £2 per hour. Free parking.')).toEqual({
      status: 'charged',
      charges: [{ amount_gbp: 2, per: 'hour' }],
      note: 'Sessions cost £2 per hour.',
    });
    expect(readCostProse('It is free of charge to families. We have free time.')).toEqual({ status: 'free', charges: [], note: 'It is free of charge to families.' });
  });

  it('does not take a yearly budget or a bare "free" for a charge to families', () => {
    expect(readCostProse('Families can get a direct payment of £500 a year. Enjoy your free time.')).toEqual({ status: 'unknown', charges: [] });
  });
});
