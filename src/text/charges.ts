// Parental charges in prose: rates, prices named by the session they buy, capped fees, prices with the unit in brackets.
import type { Charge } from '../domain/offer.js';
import { AMOUNT, findPrices, LENGTH, PER, PRICE, type PriceHit } from './money.js';
import { normaliseNumbers, num, squash } from './numbers.js';
import { CHARGE_UNIT_PATTERN, chargeUnitOf } from './units.js';

/** More prices after the first: ", £20", " / £7.50 reduced". */
const MORE_PRICES = `((?:\\s*(?:,|\\/|or|and)\\s*£\\s?${AMOUNT})*)`;
const pricesIn = (first: string, more: string) => [first, ...[...more.matchAll(new RegExp(PRICE, 'g'))].map((x) => x[1]!)];
const SESSION_NOUNS = 'sessions?|classes|class|lessons?|workshops?|visits?';
/** A price followed by a unit is a rate, read by findPrices, not by the list patterns. */
const PER_HEAD = '(?:(?:per|a|for each|each)\\s+(?:child|person|young person|participant|place)\\s+)?';
const RATE_UNIT_AFTER = new RegExp(`^\\s*${PER_HEAD}${PER}\\s*${LENGTH}(?:${CHARGE_UNIT_PATTERN})\\b`, 'i');
/** Money given to families or paid to carers, not charged to them. */
/** Money paid to the family onto a card or as a direct payment: "£1200 per year via pre-paid card". */
const GIVEN_AFTER = /^[^.;]{0,40}?\b(?:via|on|onto|loaded onto|paid onto|paid into)\s+(?:a |an |your |the )?(?:pre-?paid|payment|money)\s+cards?\b|^[^.;]{0,40}?\bas an? (?:direct payment|personal budget)\b/i;
const NOT_A_CHARGE = /\b(?:up to|maximum(?: of)?|max\.?|grants?|budgets?|awards?|allowance|worth|direct payments?|personal assistants?|rates?|paid at|we pay|council pays|will pay you)\b[^.;]*$/i;

/** One charge found in prose, with the words it was read from. */
export type ChargeHit = Required<Pick<PriceHit, 'amount_gbp' | 'per' | 'phrase' | 'at'>> & Pick<PriceHit, 'qualifier'>;

const LISTED = new RegExp(`\\b(${SESSION_NOUNS})\\s+(?:are|is|cost|costs|priced at|at)\\s+(?:(?:\\d+(?:\\.\\d+)?|an?|one)\\s+(?:hours?|minutes?|mins?)\\s+)?(?:(?:from|at)\\s+)?(?:just\\s+|only\\s+)?${PRICE}${MORE_PRICES}`, 'gi');
const CAPPED = new RegExp(`\\b(activit(?:y|ies)|${SESSION_NOUNS}|fees?|charges?)\\b[^.;£]{0,20}?\\b(?:are |is )?(?:capped|limited) at\\s+${PRICE}((?:\\s+[a-z]+)?(?:\\s*(?:,|\\/|or|and)\\s*£\\s?${AMOUNT}(?:\\s+[a-z]+)?)*)`, 'gi');
const BRACKETED = /£\s?(\d[\d,]*(?:\.\d{1,2})?)\s*\(\s*(?:per\s+|an?\s+)?(?:[a-z-]+\s+){0,3}?(hour|session|day|visit|class|night)s?\s*\)/gi;
const FEE_OF = /\b(one-off|registration|joining|annual|yearly|membership)\s+(?:fee|charge|cost)\s+of\s+£\s?(\d[\d,]*(?:\.\d{1,2})?)(?!\s*(?:per|an?|each)\s)/gi;

/**
 * The parental charges a text states. A price with its unit ("£2 per hour") always counts; with `lists`, so do the ways
 * statements write prices (sessions that cost £5 each, capped fees, units in brackets, fees), in that order after the
 * rates. Money given to families ("a grant of up to £400 a year") is not a charge. Each amount and unit once.
 */
export function findCharges(text: string, options: { lists?: boolean } = {}): ChargeHit[] {
  const t = normaliseNumbers(text);
  const out: ChargeHit[] = [];
  const add = (amount_gbp: number, per: Charge['per'], phrase: string, at: number, qualifier?: string) => {
    if (NOT_A_CHARGE.test(t.slice(Math.max(0, at - 60), at)) || GIVEN_AFTER.test(t.slice(at + 1))) return;
    if (!out.some((c) => c.amount_gbp === amount_gbp && c.per === per)) out.push({ amount_gbp, per, phrase: squash(phrase), at, ...(qualifier ? { qualifier } : {}) });
  };
  const prices = findPrices(t);
  for (const p of prices) if (p.kind === 'rate') add(p.amount_gbp, p.per!, p.phrase, p.at, p.qualifier);
  if (!options.lists) return out;
  // Prices named by the session they buy: "Sessions cost £5 each", "lessons are 1 hour from just £15, £20".
  for (const m of t.matchAll(LISTED)) {
    if (RATE_UNIT_AFTER.test(t.slice(m.index + m[0].length))) continue;
    for (const amount of pricesIn(m[2]!, m[3]!)) add(num(amount), chargeUnitOf(m[1]!)!.per, m[0], m.index);
  }
  // Caps on what families pay: "high-cost activities capped at £15 standard / £7.50 reduced".
  for (const m of t.matchAll(CAPPED)) {
    if (RATE_UNIT_AFTER.test(t.slice(m.index + m[0].length))) continue;
    const per: Charge['per'] = /^(?:activit|fee|charge)/i.test(m[1]!) ? 'activity' : chargeUnitOf(m[1]!)!.per;
    for (const amount of pricesIn(m[2]!, m[3]!)) add(num(amount), per, m[0], m.index);
  }
  // A price with its unit in brackets, as council tables write it: "£4.50 (swimming session)", "£10 (per day)".
  for (const m of t.matchAll(BRACKETED)) {
    const unit = chargeUnitOf(m[2]!)!;
    add(num(m[1]!), unit.per, m[0], m.index, unit.qualifier);
  }
  for (const p of prices) if (p.kind === 'fee') add(p.amount_gbp, p.per!, p.phrase, p.at);
  for (const m of t.matchAll(FEE_OF)) add(num(m[2]!), /annual|yearly|membership/i.test(m[1]!) ? 'year' : 'one_off', m[0], m.index);
  return out;
}

/** Parental charges: "£2 per hour", "a charge of £5 per day", "50p a session", "£20 annual fee"; each noted with its words. */
export const parseCharges = (text: string): Charge[] =>
  findCharges(text, { lists: true }).map((c) => ({ amount_gbp: c.amount_gbp, per: c.per, note: c.qualifier ? `${c.phrase} (${c.qualifier})` : c.phrase }));

export interface RateMatch {
  amount_gbp: number;
  per: 'hour';
  cue: string;
}

/** Hourly direct-payment or personal-assistant rates the council pays ("Direct payments are paid at £13 per hour"). */
export function parseDirectPaymentRates(text: string): RateMatch[] {
  const out: RateMatch[] = [];
  for (const sentence of normaliseNumbers(text).split(/(?<=[.!?])\s+|\n/)) {
    if (!/\b(?:direct payments?|personal assistants?)\b/i.test(sentence) && !/\bPAs?\b/.test(sentence)) continue;
    for (const p of findPrices(sentence))
      if (p.per === 'hour' && p.kind === 'rate' && !out.some((r) => r.amount_gbp === p.amount_gbp)) out.push({ amount_gbp: p.amount_gbp, per: 'hour', cue: squash(sentence) });
  }
  return out;
}
