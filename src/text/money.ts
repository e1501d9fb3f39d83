// Prices in text: "£2 per hour", "50p a session", "£3 per child / session", "£10 weekly", "£20 annual fee", each with its unit.
import type { Charge } from '../domain/offer.js';
import { num } from './numbers.js';
import { CHARGE_ADVERBS, CHARGE_UNIT_PATTERN, chargeUnitOf, type ChargeUnit } from './units.js';

/** An amount in pounds; a thousands comma only before three digits, so "£15, £20" is two prices. */
export const AMOUNT = '(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d{1,2})?';
export const PRICE = `£\\s?(${AMOUNT})`;
/** Who a price is for, between the price and its unit: "£12 per child per day", "£3/child/session". */
const PER_HEAD = '(?:(?:(?:per|an?|for each|each)\\s+|\\/\\s*)(?:child|person|young person|participant|place|family)\\s*)?';
/** The words that join a price to its unit: "per", "a", "each", "for every", "for a", "/" ("£15 for the trip" has no unit). */
export const PER = '(?:(?:per|an?|each|for each|for every|every|for (?:an?|one))\\s+|\\/\\s*)';
/** A length before the unit: "per 2-hour session", "a half-day session", "per 1 hour session". */
export const LENGTH = '(?:(?:\\d+(?:\\.\\d+)?|half|full)[- ]?(?:hours?|hrs?|h|minutes?|mins?|day)[- ])?';
const ADVERB = `(${Object.keys(CHARGE_ADVERBS).map((a) => a.replace(/[- ]/, '[- ]')).join('|')})`;
const FEE = '(annual|yearly|registration|joining|membership)\\s+(?:membership\\s+)?(?:fee|charge|cost)';

/** What may follow a price, read from just after it: a unit, a how-often word, or a kind of fee. */
const TAIL = new RegExp(`\\s*${PER_HEAD}(?:${PER}${LENGTH}(${CHARGE_UNIT_PATTERN})\\b|${ADVERB}(?![\\w-])|${FEE}\\b)`, 'iy');
const PRICES = new RegExp(`£\\s?(${AMOUNT})|\\b(\\d{1,2})p\\b`, 'gi');

export interface PriceHit {
  amount_gbp: number;
  /** What the price is charged per, when the text says. */
  per?: Charge['per'];
  /** What the unit word adds ("per night"), when it is not the schema's own word. */
  qualifier?: string;
  /** 'rate' for a unit or how-often word, 'fee' for "£20 annual fee", undefined for a bare price. */
  kind?: 'rate' | 'fee';
  /** The words read, from the price to its unit. */
  phrase: string;
  at: number;
  end: number;
}

/** Every price in a text with its unit where one follows; pence ("50p") count only with a unit. */
export function findPrices(text: string): PriceHit[] {
  const out: PriceHit[] = [];
  for (const m of text.matchAll(PRICES)) {
    const start = m.index;
    TAIL.lastIndex = start + m[0].length;
    const t = TAIL.exec(text);
    const amount_gbp = m[1] !== undefined ? num(m[1]) : num(m[2]!) / 100;
    if (!t) {
      if (m[1] !== undefined) out.push({ amount_gbp, phrase: m[0], at: start, end: start + m[0].length });
      continue;
    }
    const end = TAIL.lastIndex;
    const phrase = text.slice(start, end);
    if (t[1]) {
      const unit = chargeUnitOf(t[1])!;
      out.push({ amount_gbp, per: unit.per, qualifier: unit.qualifier, kind: 'rate', phrase, at: start, end });
    } else if (t[2]) out.push({ amount_gbp, per: CHARGE_ADVERBS[t[2].toLowerCase().replace(' ', '-')], kind: 'rate', phrase, at: start, end });
    else out.push({ amount_gbp, per: /annual|yearly|membership/i.test(t[3]!) ? 'year' : 'one_off', kind: 'fee', phrase, at: start, end });
  }
  return out;
}

const UNIT_IN = new RegExp(`(?:\\b${PER}|\\/\\s*)${LENGTH}(${CHARGE_UNIT_PATTERN})\\b|\\b${ADVERB}(?![\\w-])`, 'i');

/** The unit named in some words without a price ("per 1 hour session", "a day", "weekly"); undefined for "per term". */
export function chargeUnitIn(words: string): ChargeUnit | undefined {
  const m = UNIT_IN.exec(words);
  if (!m) return undefined;
  return m[1] ? chargeUnitOf(m[1]) : { per: CHARGE_ADVERBS[m[2]!.toLowerCase().replace(' ', '-')]! };
}
