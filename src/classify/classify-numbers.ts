// The classifier's parsed fields: gates, ages, allowances, charges and cost status, read with the src/text phrase parsers.
import type { Allowance, Charge } from '../domain/offer.js';
import type { ClassifierField } from './classify-rules.js';
import type { Evidence, FieldDecision } from './classify-score.js';
import { parseAges } from '../text/ages.js';
import { parseAllowances } from '../text/allowances.js';
import { parseCharges } from '../text/charges.js';
import { isFree } from '../text/cost.js';
import { parseGates } from '../text/gates.js';
import { normaliseNumbers } from '../text/numbers.js';

export type FieldText = (field: ClassifierField) => string | undefined;
interface Source {
  field: ClassifierField;
  confidence: number;
}

const unknown = <T>(): FieldDecision<T> => ({ value: null, confidence: 0, evidence: [] });
const clip = (s: string, n = 200) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** Gate codes from every listed field, in the order first seen, each cue as evidence. Null when none is stated. */
export function decideGates(text: FieldText, fields: ClassifierField[]): FieldDecision<string[]> & { found: Array<{ code: string; field: ClassifierField; cue: string }> } {
  const found: Array<{ code: string; field: ClassifierField; cue: string }> = [];
  for (const field of fields) {
    const t = text(field);
    if (t) for (const g of parseGates(t)) found.push({ code: g.code, field, cue: g.cue });
  }
  const codes = [...new Set(found.map((g) => g.code))];
  const evidence: Evidence[] = found.map((g) => ({ field: g.field, phrase: g.cue, code: g.code }));
  return codes.length ? { value: codes, confidence: 0.8, evidence, found } : { ...unknown<string[]>(), found };
}

/** Age phrasings parseAges does not read, put in words it does: "six weeks to five years", "13 year olds and upwards". */
const ageText = (t: string) =>
  normaliseNumbers(t)
    .replace(/\b\d{1,2} (?:weeks?|months?)(?: old)?\b/gi, '0')
    .replace(/\b(\d{1,2})[- ]?years?[- ]olds? and (?:upwards|over|older|above)\b/gi, 'aged $1 and over');

/** A birthday bound in the same clause refines a plain range: "0-18 (up to 18th birthday)" is 0-17. */
function refineByBirthday(t: string, ages: { min?: number; max?: number; note: string }) {
  const clause = t.split(';').find((c) => c.includes(ages.note.split(';')[0]!)) ?? t;
  const b = /\b(?:up to|until|to|before|till)\b[^;]*?\bbirthday\b/i.exec(clause);
  const byBirthday = b ? parseAges(b[0]) : undefined;
  if (byBirthday?.max !== undefined && ages.max !== undefined && byBirthday.max === ages.max - 1) return { ...ages, max: byBirthday.max, note: `${ages.note}; ${byBirthday.note}` };
  return ages;
}

/** In an age note, a bare range is an age range even without "aged" ("0-18, SEND"), and is kept as published above 25. */
function bareRange(t: string): { min: number; max: number; note: string } | undefined {
  const m = /\b(\d{1,3})\s*(?:-|to)\s*(\d{1,3})\b/.exec(normaliseNumbers(t));
  if (!m || Number(m[1]) > Number(m[2])) return undefined;
  return { min: Number(m[1]), max: Number(m[2]), note: m[0] };
}

/** Ages from the most specific field that states any (age_note before description). */
export function decideAges(text: FieldText, sources: Source[]): FieldDecision<{ min?: number; max?: number }> {
  for (const { field, confidence } of sources) {
    const raw = text(field);
    if (!raw) continue;
    const t = ageText(raw);
    const parsed = parseAges(t);
    const ages = parsed ? refineByBirthday(t, parsed) : field === 'age_note' ? bareRange(t) : undefined;
    if (!ages) continue;
    const value: { min?: number; max?: number } = {};
    if (ages.min !== undefined) value.min = ages.min;
    if (ages.max !== undefined) value.max = ages.max;
    return { value, confidence, evidence: [{ field, phrase: ages.note }] };
  }
  return unknown();
}

/** What a parser finds in the most specific field that states any, each find quoted by its note. */
function fromFirstField<T extends { note?: string }>(text: FieldText, sources: Source[], parse: (t: string) => T[]): FieldDecision<T[]> {
  for (const { field, confidence } of sources) {
    const t = text(field);
    const found = t ? parse(t) : [];
    if (found.length) return { value: found, confidence, evidence: found.map((x) => ({ field, phrase: x.note ?? '' })) };
  }
  return unknown();
}

/** Allowances (hours, nights, £ a year...) from the most specific field that states any. */
export const decideAllowances = (text: FieldText, sources: Source[]): FieldDecision<Allowance[]> => fromFirstField(text, sources, parseAllowances);

/** Parental charges from the most specific field that states any (cost_note before description). */
export const decideCharges = (text: FieldText, sources: Source[]): FieldDecision<Charge[]> => fromFirstField(text, sources, parseCharges);

/**
 * 'free' when a field says the offer costs nothing, 'charged' when a charge was found, else null. Fields are read
 * most specific first; within one field a stated price wins over "free" ("£25 a day; free places for assessed
 * children" is charged).
 */
export function decideCost(text: FieldText, sources: Source[], charges: FieldDecision<Charge[]>): FieldDecision<'free' | 'charged'> {
  const chargeField = charges.evidence[0]?.field;
  for (const { field, confidence } of sources) {
    if (field === chargeField) return { value: 'charged', confidence: charges.confidence, evidence: charges.evidence };
    const t = text(field);
    if (!t || !isFree(t)) continue;
    const sentence = t.split(/(?<=[.!?;])\s+|\n/).find((s) => isFree(s)) ?? t;
    return { value: 'free', confidence, evidence: [{ field, phrase: clip(sentence.trim()) }] };
  }
  if (charges.value?.length) return { value: 'charged', confidence: charges.confidence, evidence: charges.evidence };
  return unknown();
}
