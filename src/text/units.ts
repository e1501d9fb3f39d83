// The one table of units and periods that phrases use: what a price is charged per, what an allowance counts, how often.
import type { Allowance, Charge } from '../domain/offer.js';

export interface ChargeUnit {
  per: Charge['per'];
  /** What the unit adds when it is not the schema's own word: "£40 per night" is per session, "per night". */
  qualifier?: string;
}

/** Unit words a price is charged per ("£2 per hour", "£40 a night", "£5 per trip"), singular. */
export const CHARGE_UNIT_WORDS: Record<string, ChargeUnit> = {
  hour: { per: 'hour' }, hr: { per: 'hour' }, h: { per: 'hour' },
  session: { per: 'session' },
  class: { per: 'session', qualifier: 'per class' }, club: { per: 'session', qualifier: 'per club' },
  lesson: { per: 'session', qualifier: 'per lesson' }, workshop: { per: 'session', qualifier: 'per workshop' },
  visit: { per: 'session', qualifier: 'per visit' }, night: { per: 'session', qualifier: 'per night' },
  day: { per: 'day' }, week: { per: 'week' }, wk: { per: 'week' }, month: { per: 'month' }, year: { per: 'year' }, annum: { per: 'year' },
  activity: { per: 'activity' }, trip: { per: 'activity' }, outing: { per: 'activity' }, event: { per: 'activity' },
};

/** Words that say how often on their own ("£10 weekly", "a one-off fee"). */
export const CHARGE_ADVERBS: Record<string, Charge['per']> = {
  hourly: 'hour', daily: 'day', weekly: 'week', monthly: 'month', yearly: 'year', annually: 'year', 'one-off': 'one_off', 'one off': 'one_off',
};

/** The unit words as a pattern, plurals included ("hours", "activities", "classes"). */
export const CHARGE_UNIT_PATTERN = '(?:hour|hr|h|session|class|club|lesson|workshop|visit|night|day|week|wk|month|year|annum|activit(?:y|ie)|trip|outing|event)(?:e?s)?';

/** The charge unit a word names, plural or not; undefined for a word that is not a unit ("term"). */
export function chargeUnitOf(word: string): ChargeUnit | undefined {
  const w = word.toLowerCase();
  return CHARGE_UNIT_WORDS[w] ?? CHARGE_UNIT_WORDS[w.replace(/ies$/, 'y')] ?? CHARGE_UNIT_WORDS[w.replace(/es$/, '')] ?? CHARGE_UNIT_WORDS[w.replace(/s$/, '')];
}

/** What an allowance counts, by the word a statement uses. */
export const ALLOWANCE_UNIT_WORDS: Record<string, Allowance['unit']> = {
  h: 'hours', hr: 'hours', hrs: 'hours', hour: 'hours', hours: 'hours', night: 'nights', nights: 'nights',
  session: 'sessions', sessions: 'sessions', day: 'days', days: 'days',
};

/** The period a word names ("a year", "annually", "weekly"), for allowances. */
export function periodOf(word: string): Allowance['per'] | undefined {
  const w = word.toLowerCase();
  if (/^(?:year|annum|annual|annually|yearly)$/.test(w)) return 'year';
  if (/^(?:week|weekly)$/.test(w)) return 'week';
  if (/^(?:month|monthly)$/.test(w)) return 'month';
  return undefined;
}
