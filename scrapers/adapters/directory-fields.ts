// Small parsers for directory field text (ages, cost, postcode, contact) shared by the Jadu and LocalGov Drupal adapters.
import type { Charge } from '../../src/domain/index.js';
import { collapseSpace, repairMojibake } from '../../src/text/html-text.js';

export interface AgeFields {
  ageMin?: number;
  ageMax?: number;
  /** The text the ages were read from, as published. */
  ageNote?: string;
}

export interface CostFields {
  costStatus: 'free' | 'charged' | 'unknown';
  charges: Charge[];
  /** The text the cost was read from, as published. */
  costNote?: string;
}

/**
 * 'field': the text is a labelled field (Age range, Cost), so bare numbers count ("0-25", "£5").
 * 'prose': the text is a description, so only phrases with a cue count ("aged 8 to 18", "£2 per hour", "free of charge").
 */
export type TextMode = 'field' | 'prose';

const oneLine = (s: string) => collapseSpace(repairMojibake(s)).replace(/\n/g, ' ');
const DASH = '(?:-|\\u2010|\\u2011|\\u2012|\\u2013|\\u2014|to|and)';
/** "5 to 18", "18 months - 5 years", "8–18yrs". Groups: 1 first number, 2 "months", 3 second number, 4 "months" after it. */
const RANGE = new RegExp(`\\b(\\d{1,2})\\s*(months?)?\\s*(?:years?\\s*)?${DASH}\\s*(\\d{1,2})(?!\\d)(?!\\s*(?:am|pm|:|\\.\\d|%))(\\s*months?)?`, 'gi');
const AGE_CUE = /\b(?:aged?|ages|age range|age group|year[- ]olds?|years?|yrs)\b/i;
const UNDER = /\b(under|below|up to|until|upto)\s*(?:the\s+age\s+of\s*)?(\d{1,2})(?:s|'s)?\b/gi;
const OVER = /\b(?:(?:over|from|aged)\s*(\d{1,2})\b|(\d{1,2})\s*(?:\+|plus\b|(?:years?\s*)?(?:and|or)\s*(?:over|above|older)\b))/gi;

/** The sentences of a text (split on . ! ? and line breaks), for prose matching and notes. */
const sentences = (text: string) => collapseSpace(repairMojibake(text)).split(/(?<=[.!?])\s+|\n/).map((s) => s.trim()).filter(Boolean);

function agesIn(text: string, mode: TextMode): { min?: number; max?: number } {
  const mins: number[] = [];
  const maxes: number[] = [];
  for (const m of text.matchAll(RANGE)) {
    if (mode === 'prose') {
      const around = text.slice(Math.max(0, m.index - 20), m.index + m[0].length + 16);
      if (!AGE_CUE.test(around)) continue;
    }
    const lo = m[2] || m[4] ? Math.floor(Number(m[1]) / 12) : Number(m[1]);
    const hi = m[4] ? Math.floor(Number(m[3]) / 12) : Number(m[3]);
    if (lo > hi || hi > 30) continue;
    mins.push(lo);
    maxes.push(hi);
  }
  if (!mins.length) {
    for (const m of text.matchAll(UNDER)) {
      if (mode === 'prose' && !AGE_CUE.test(text.slice(m.index, m.index + m[0].length + 12)) && !/age/i.test(m[0])) continue;
      const n = Number(m[2]);
      maxes.push(/under|below/i.test(m[1]!) ? n - 1 : n);
    }
    for (const m of text.matchAll(OVER)) {
      if (mode === 'prose' && !/aged/i.test(m[0]) && !AGE_CUE.test(text.slice(m.index, m.index + m[0].length + 12))) continue;
      mins.push(Number(m[1] ?? m[2]));
    }
  }
  return { min: mins.length ? Math.min(...mins) : undefined, max: maxes.length ? Math.max(...maxes) : undefined };
}

/** Ages from "Age range: 5 to 18", "5-18 years", "0-25", "18 months to 5 years", "under 18"; the raw text goes in ageNote. */
export function parseAges(text: string | undefined, mode: TextMode = 'field'): AgeFields {
  if (!text?.trim()) return {};
  if (mode === 'field') {
    const { min, max } = agesIn(text, 'field');
    return { ageMin: min, ageMax: max, ageNote: oneLine(text) };
  }
  const found = sentences(text).map((s) => ({ s, ...agesIn(s, 'prose') })).filter((x) => x.min !== undefined || x.max !== undefined);
  if (!found.length) return {};
  const mins = found.flatMap((x) => (x.min === undefined ? [] : [x.min]));
  const maxes = found.flatMap((x) => (x.max === undefined ? [] : [x.max]));
  return {
    ageMin: mins.length ? Math.min(...mins) : undefined,
    ageMax: maxes.length ? Math.max(...maxes) : undefined,
    ageNote: found.map((x) => x.s).join(' '),
  };
}

const UNITS: Array<{ test: RegExp; per: Charge['per']; note?: string }> = [
  { test: /^(?:hour|hr)s?$/i, per: 'hour' },
  { test: /^(?:session|visit|class)s?$/i, per: 'session' },
  { test: /^nights?$/i, per: 'session', note: 'per night' },
  { test: /^days?$/i, per: 'day' },
  { test: /^(?:week)s?$/i, per: 'week' },
  { test: /^months?$/i, per: 'month' },
  { test: /^(?:year|annum)s?$/i, per: 'year' },
  { test: /^(?:activity|activities|trip|outing)s?$/i, per: 'activity' },
];
/** Prose mentions of a yearly or monthly sum are more often a budget or an allowance than a charge to families. */
const PROSE_UNITS = new Set<Charge['per']>(['hour', 'session', 'day', 'week', 'activity']);
const PER = String.raw`(?:\s+(?:per|an|a|each)\s+|\s*\/\s*)`;
const AMOUNT = new RegExp(
  String.raw`£\s?(\d{1,4}(?:,\d{3})?(?:\.\d{1,2})?)(?:${PER}(?:(?:child|person|young person|family)${PER})?([a-z]+)|\s*(one[- ]off|joining fee|registration fee))?`,
  'gi',
);
const FREE_FIELD = /\b(?:free|no charge|no cost|not charged|nil)\b|^£?0(?:\.00)?$/i;
const FREE_PROSE = /\b(?:free of charge|(?:is|are|it's|its) (?:completely |totally )?free\b|free to (?:attend|use|join|families)|at no cost|no charge|there is no cost|no cost to (?:you|families|parents))/i;

function chargesIn(text: string, mode: TextMode): { charges: Charge[]; amounts: number } {
  const charges: Charge[] = [];
  let amounts = 0;
  for (const m of text.matchAll(AMOUNT)) {
    const amount = Number(m[1]!.replace(/,/g, ''));
    if (!(amount > 0)) continue;
    const unit = m[3] ? { per: 'one_off' as const, note: undefined } : m[2] ? UNITS.find((u) => u.test.test(m[2]!)) : undefined;
    if (mode === 'prose' && !(unit && PROSE_UNITS.has(unit.per))) continue;
    amounts++;
    if (unit) charges.push({ amount_gbp: amount, per: unit.per, ...(unit.note ? { note: unit.note } : {}) });
  }
  return { charges, amounts };
}

/** Cost from "£2 per hour", "£5 per session", "£10 a day", "Free"; the raw text goes in costNote. A stated charge wins over "free". */
export function parseCost(text: string | undefined, mode: TextMode = 'field'): CostFields {
  if (!text?.trim()) return { costStatus: 'unknown', charges: [] };
  const parts = mode === 'field' ? [oneLine(text)] : sentences(text);
  const notes: string[] = [];
  const charges: Charge[] = [];
  let charged = false;
  let free = false;
  for (const part of parts) {
    const found = chargesIn(part, mode);
    const isFree = (mode === 'field' ? FREE_FIELD : FREE_PROSE).test(part);
    if (found.amounts || isFree) notes.push(part);
    charges.push(...found.charges);
    charged ||= found.amounts > 0;
    free ||= isFree;
  }
  if (mode === 'prose' && !notes.length) return { costStatus: 'unknown', charges: [] };
  const costStatus = charged ? 'charged' : free ? 'free' : 'unknown';
  return { costStatus, charges, costNote: mode === 'field' ? parts[0] : notes.join(' ') };
}

/** A UK postcode in a text, upper-cased with one space ("sb1 4qt" -> "SB1 4QT"). */
export function findPostcode(text: string | undefined): string | undefined {
  const m = /\b([A-Z]{1,2}\d[A-Z\d]?)\s*(\d[A-Z]{2})\b/i.exec(text ?? '');
  return m ? `${m[1]!.toUpperCase()} ${m[2]!.toUpperCase()}` : undefined;
}

/** An email address from a mailto: link or the text. */
export function emailOf(href: string | undefined, text: string | undefined): string | undefined {
  const fromHref = href?.startsWith('mailto:') ? decodeURIComponent(href.slice(7).split('?')[0]!) : undefined;
  return (fromHref || /[^\s<>()"',;:]+@[^\s<>()"',;:]+\.[a-z]{2,}/i.exec(text ?? '')?.[0])?.trim() || undefined;
}

/** A phone number as written, without a "Tel:" label; undefined when the text has no digits. */
export function phoneOf(text: string | undefined): string | undefined {
  const t = oneLine(text ?? '').replace(/^(?:tel(?:ephone)?|phone|t)\s*[:.]?\s*/i, '');
  return /\d{3}/.test(t) ? t : undefined;
}

/** An absolute http(s) URL (a bare "www." address gets https://), or undefined. */
export function webUrlOf(href: string | undefined, base: string): string | undefined {
  if (!href?.trim()) return undefined;
  const h = href.trim().replace(/^(?=www\.)/i, 'https://');
  try {
    const u = new URL(h, base);
    return /^https?:$/.test(u.protocol) ? u.href : undefined;
  } catch {
    return undefined;
  }
}

/** What a directory field label means, or undefined when the adapter has no use for it. */
export type FieldKind = 'ages' | 'cost' | 'phone' | 'email' | 'website' | 'address' | 'postcode' | 'schedule' | 'description' | 'eligibility' | 'provider' | 'contactName' | 'terms';

const LABELS: Array<[RegExp, FieldKind]> = [
  [/^age/, 'ages'],
  [/cost|charge|price|fee/, 'cost'],
  [/^contact ?name|^contact person|^name of contact/, 'contactName'],
  [/phone|^tel|mobile/, 'phone'],
  [/e-?mail/, 'email'],
  [/website|web address|^url$|^web$/, 'website'],
  [/post ?code/, 'postcode'],
  [/address|^location|^venue/, 'address'],
  [/opening|times|^when|sessions|days/, 'schedule'],
  [/eligib|who (?:is it|it is|can)|criteria/, 'eligibility'],
  [/^description|^about|^summary|^details|^more information|^what/, 'description'],
  [/provider|organisation|organization|run by/, 'provider'],
  [/categor|type of (?:service|support|provision)|^service type|^tags?$/, 'terms'],
];

/** Classifies a field label ("Age range:", "Telephone", "Opening times") by what it holds. */
export function fieldKind(label: string): FieldKind | undefined {
  const l = oneLine(label).toLowerCase().replace(/[:\s]+$/, '');
  return LABELS.find(([re]) => re.test(l))?.[1];
}
