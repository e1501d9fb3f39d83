// Invented offers (Exampleshire, Sampletown) covering what the Open Referral UK 3.0 feed maps: every charge unit, free,
// a charge of unstated amount, unknown cost, one age bound, no provider, allowances, a source URL with a space.
import type { Offer } from '../../src/domain/index.js';
import { SAMPLETOWN, syntheticOffer } from './synthetic-reference.js';

/** Offers covering what the feed maps: every charge unit, free, unstated costs, one age bound, no provider, allowances. */
export const OFFERS: Offer[] = [
  syntheticOffer(),
  syntheticOffer({
    id: 'exampleshire-summer-scheme', name: 'Summer Sunshine Holiday Scheme (synthetic)', description: 'A holiday play scheme for disabled children in the summer holidays.',
    provider: undefined, type: 'holiday_play_scheme', statutory_categories: ['educational_leisure', 'carer_support_out_of_hours'], time_slots: ['school_holiday'], access_tier: 'universal', tier_label: undefined,
    gates: [], eligibility: undefined, age_min: 8, age_max: 18, age_note: undefined, cost: { status: 'free', charges: [], note: 'No charge to families' }, allowances: [], schedule: 'Weekdays in August', contact: undefined, districts: [], postcode: undefined,
    evidence_quote: 'Summer Sunshine runs on weekdays in August for disabled children aged 8 to 18, free of charge.',
  }),
  syntheticOffer({
    id: 'exampleshire-direct-payments', name: 'Short Breaks Direct Payments (synthetic)', description: 'Money to arrange your own short breaks.', provider: undefined, type: 'direct_payment',
    statutory_categories: [], time_slots: [], access_tier: 'specialist', gates: ['social_care_assessment'], age_min: undefined, age_max: undefined, age_note: undefined,
    cost: { status: 'unknown', charges: [] }, allowances: [{ max: 1500, unit: 'gbp', per: 'year' }], schedule: undefined, contact: { phone: '01234 567890' },
    eligibility: 'After an assessment by the disabled children\'s team.', evidence_quote: 'Direct payments of up to £1,500 a year let families arrange their own short breaks.',
  }),
  syntheticOffer({
    id: 'exampleshire-overnight-unit', name: 'Willow House Overnight Breaks (synthetic)', description: 'Overnight short breaks in a small residential unit.', provider: 'Example Care Ltd', type: 'overnight_residential_unit',
    statutory_categories: ['overnight_care'], time_slots: ['overnight', 'weekend'], access_tier: 'specialist', gates: ['social_care_assessment'], age_min: 10, age_max: undefined, age_note: undefined,
    cost: {
      status: 'charged',
      charges: [
        { amount_gbp: 12.5, per: 'session', note: 'contribution to meals' }, { amount_gbp: 30, per: 'day' }, { amount_gbp: 60, per: 'week', note: 'for a full week' },
        { amount_gbp: 100, per: 'month' }, { amount_gbp: 20, per: 'year', note: 'membership' }, { amount_gbp: 15, per: 'activity' }, { amount_gbp: 5, per: 'one_off', note: 'registration' },
      ],
    },
    allowances: [{ min: 10, max: 30, unit: 'nights', per: 'year' }], schedule: undefined, contact: undefined, published: null, published_note: undefined,
    evidence_quote: 'Willow House offers 10 to 30 nights a year; families contribute £12.50 a night towards meals.',
  }),
  syntheticOffer({
    id: 'sampletown-youth-club', council_code: SAMPLETOWN, name: 'Sampletown Friday Youth Club (synthetic)', description: 'An inclusive youth club.', provider: undefined, type: 'youth_club',
    statutory_categories: ['educational_leisure'], time_slots: ['term_time_after_school'], access_tier: 'targeted', gates: [], age_min: undefined, age_max: 25,
    age_note: undefined, cost: { status: 'charged', charges: [], note: 'a small charge' }, allowances: [], schedule: 'Fridays 18:00-20:00', contact: undefined,
    source: { url: 'https://sampletown.example/youth club?x=1', kind: 'directory' }, eligibility: undefined, evidence_quote: 'Friday Youth Club: a small charge each week.',
  }),
];

