// What an offer costs families: free phrases, and a cost field or a description read as a status with its charges.
import type { Charge, Cost } from '../domain/offer.js';
import { findCharges } from './charges.js';
import { findPrices } from './money.js';
import { oneLine, sentences } from './numbers.js';

const FREE_PROSE = /\b(?:free of charge|no charge|at no cost|no cost to (?:you|families|parents|the family)|there is no cost|(?:is|are|it's|its|they're) (?:completely |totally |all )?free\b|free (?:for|to attend|to use|to join|to families|sessions?|activities|places?)|without charge|\d+ free hours\b|costs? (?:you )?nothing|(?:fully|completely) funded)/i;
const FREE_FIELD = /\b(?:free|no charge|no cost|not charged|nil)\b|^£?0(?:\.00)?$/i;

/** A labelled field that says families pay without saying how much ("Charges apply", "A fee is charged"). */
const CHARGED_FIELD = /\b(?:charges? appl(?:y|ies)|(?:a |the )?fees? (?:is |are )?charged|(?:families|parents|carers|you) (?:will )?pay (?:a |the )?(?:charge|fee|cost)s?|there (?:is|will be) a (?:charge|fee|cost)|a charge (?:is made|applies))\b/i;
/** Hedged or negated: "charges may apply", "no charges apply", "not charged". */
const CHARGE_HEDGE = /\b(?:may|might|could|can|sometimes|not|no|without)\b/i;

/** True when prose says the offer costs families nothing ("free of charge", "there is no cost to families"). */
export const isFree = (text: string): boolean => FREE_PROSE.test(text);

/** True when a labelled cost field says nothing is charged ("Free", "No charge", "£0"). */
export const isFreeField = (text: string): boolean => FREE_FIELD.test(text) && !/\bnot free\b/i.test(text);

/** A charge as a record keeps only what its unit word adds ("per night") as its note. */
const asCharge = (c: { amount_gbp: number; per?: Charge['per']; qualifier?: string }): Charge => ({ amount_gbp: c.amount_gbp, per: c.per!, ...(c.qualifier ? { note: c.qualifier } : {}) });

/** The status a set of prices gives: any amount above 0 is a charge; only zero amounts, or a free phrase, is free. */
const statusOf = (amounts: readonly number[], free: boolean, chargedWords = false): Cost['status'] =>
  amounts.some((a) => a > 0) ? 'charged' : amounts.length || free ? 'free' : chargedWords ? 'charged' : 'unknown';

/** True when a labelled field says a charge is made without an amount, and says it plainly (no "may", no "not"). */
export function saysCharged(text: string): boolean {
  const m = CHARGED_FIELD.exec(text);
  if (!m) return false;
  // The hedge counts in the clause that states the charge, up to the statement ("the source does not say how much" after it is no hedge).
  const start = Math.max(text.lastIndexOf(';', m.index), text.lastIndexOf('.', m.index)) + 1;
  return !CHARGE_HEDGE.test(text.slice(start, m.index + m[0].length));
}

/**
 * A labelled cost field ("£2 per hour", "£25 one-off joining fee", "Free", "£15 for the trip", "Charges apply"): every
 * price counts, a stated charge wins over "free", and a price without a unit, or a plain statement that families pay,
 * makes it charged without a charge line. The note is the text.
 */
export function readCostField(text: string | undefined): Cost {
  if (!text?.trim()) return { status: 'unknown', charges: [] };
  const t = oneLine(text);
  const prices = findPrices(t);
  return { status: statusOf(prices.map((p) => p.amount_gbp), isFreeField(t), saysCharged(t)), charges: prices.filter((p) => p.per).map(asCharge), note: t };
}

/** Prices with their unit in a description ("£10 a session"; not a bare "£15, £20"), each noted only with its unit's qualifier. */
export const chargesInProse = (text: string): Charge[] => findCharges(text).map(asCharge);

/**
 * Cost in a description: only sentences that state a charge ("Sessions cost £2 per hour.") or say it is free count,
 * and they become the note; a description that says neither is unknown with no note.
 */
export function readCostProse(text: string | undefined): Cost {
  const notes: string[] = [];
  const charges: Charge[] = [];
  let free = false;
  for (const s of sentences(text ?? '')) {
    const found = chargesInProse(s);
    const saysFree = isFree(s);
    if (found.length || saysFree) notes.push(s);
    charges.push(...found);
    free ||= saysFree;
  }
  if (!notes.length) return { status: 'unknown', charges: [] };
  return { status: statusOf(charges.map((c) => c.amount_gbp), free), charges, note: notes.join(' ') };
}
