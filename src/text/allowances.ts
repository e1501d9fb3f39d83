// Allowances in prose: how many hours, nights, sessions, days or pounds a family may have, per year, month or week.
import type { Allowance } from '../domain/offer.js';
import { normaliseNumbers, num, squash } from './numbers.js';
import { ALLOWANCE_UNIT_WORDS, periodOf } from './units.js';

const Q = '(£\\s?\\d[\\d,]*(?:\\.\\d{1,2})?|\\d+(?:\\.\\d+)?)';
const U = '(?:(hours?|hrs?|h|nights?|sessions?|days?)\\b)';
const RATE_AFTER = /^\s*(?:per|an?|each|\/)\s*(?:hour|hr|h|session|day|activity|night|visit)\b/i;
const ALLOWANCE_PATTERNS: Array<{ re: RegExp; kind: 'range' | 'max' | 'min' }> = [
  { re: new RegExp(`\\b(?:a )?min(?:imum)?\\.?(?: of)? ${Q}\\s*${U}?[\\s\\S]{0,25}?\\bmax(?:imum)?\\.?(?: of)? ${Q}\\s*${U}?`, 'gi'), kind: 'range' },
  { re: new RegExp(`\\bbetween ${Q}\\s*${U}? and ${Q}\\s*${U}?`, 'gi'), kind: 'range' },
  { re: new RegExp(`${Q}\\s*${U}?\\s*(?:-|to)\\s*${Q}\\s*${U}`, 'gi'), kind: 'range' },
  { re: new RegExp(`\\b(?:up to|maximum of|max(?:imum)?\\.?|no more than|at most|capped at|limit of|limited to)\\s+(?:a maximum of\\s+)?${Q}\\s*${U}?`, 'gi'), kind: 'max' },
  { re: new RegExp(`\\b(?:at least|minimum of|min\\.?)\\s+${Q}\\s*${U}?`, 'gi'), kind: 'min' },
  { re: new RegExp(`\\b(?:get|have|receive|allocated|allocation of|entitled to|access to|award(?:ed)?(?: of)?|grant of|budget of|allowance of)\\s+${Q}\\s*(?:free\\s+)?${U}?`, 'gi'), kind: 'max' },
  // "The short breaks offer for 2024 to 2025 is 110 hours": the period is the year named before it.
  { re: new RegExp(`\\b(?:offer|allocation|allowance|entitlement)\\b[^.;£]{0,40}?\\b(?:is|of)\\s+${Q}\\s*${U}`, 'gi'), kind: 'max' },
  // Money onto a card or as a direct payment, with its period: "£1200 per year via pre-paid card".
  { re: new RegExp(`${Q}(?=\\s*(?:per|a|each)\\s+(?:year|annum|month|week)\\b[^.;]{0,20}?\\b(?:via|on|onto|paid onto|as)\\s+(?:a |an |your )?(?:pre-?paid card|payment card|direct payment))`, 'gi'), kind: 'max' },
  // A stated amount with no cue word but its period: "matched with a buddy for 2 hours a week".
  { re: new RegExp(`\\bfor ${Q}\\s*${U}`, 'gi'), kind: 'max' },
];
/** A limit per visit or per day ("up to four hours at a time", "five hours a day") is not an allowance. */
const PER_VISIT_AFTER = /^\s*(?:of\s+[a-z' -]{1,30}?\s+)?(?:at a time|at any one time|each time|(?:per|a|each|every)\s+(?:visit|session|day|night|evening))\b/i;
const CAPPED_CHARGE_BEFORE = /\b(?:fees?|charges?|costs?|prices?|activit(?:y|ies)|sessions?)\b[^.;£]{0,20}$/i;
/** No period, but a total: "up to 100 hours support before a social work assessment", "40 hours in total". */
const TOTAL_AFTER = /^\s*(?:of\s+)?(?:[a-z'-]+\s+){0,4}?(?:before\s+(?:a|an|any|the|their|your)\b|in total\b|altogether\b)/i;

const NOTICE_AFTER = /^\s*(?:before (?:the|an|each|your) (?:activity|session|event|date|break|booking|start)|in advance|ahead\b|(?:of |')?notice\b|prior to)/i;
const CLOCK_RANGE = /\b\d{1,2}(?:[.:]\d{2})?\s*(?:am|pm)\s*(?:-|–|—|to|until)\s*\d{1,2}(?:[.:]\d{2})?\s*(?:am|pm)\b/i;
const CHILDCARE = /\b(?:child ?care|nurser(?:y|ies)|early (?:years )?education|free (?:early years )?entitlement|funded (?:early|two|2|three|3)[- ]year)\b/i;

function periodNear(t: string, start: number, end: number, gbp: boolean): Allowance['per'] | undefined {
  // The period belongs to this quantity only up to the next number ("up to 3 hours at a time, and no more than 12 hours a month").
  const after = t.slice(end, end + 60).split(/[.;!?](?:\s|$)/)[0]!.split(/(?=£?\d)/)[0]!;
  if (!gbp && PER_VISIT_AFTER.test(after)) return undefined;
  const before = t.slice(Math.max(0, start - 40), start);
  const m = /\b(?:a|per|each|every|in a|in each)\s+(?:financial |academic |calendar )?(year|annum|week|month)\b|\b(annual(?:ly)?|yearly|weekly|monthly)\b/i.exec(after);
  const per = periodOf(m?.[1] ?? m?.[2] ?? '');
  if (per) return per;
  if (/\b(annual(?:ly)?|yearly|each year|every year|a year)\b/i.test(before)) return 'year';
  // "for 2024 to 2025 is 110 hours", "76 hours of free activities across the year".
  if (/\bfor (?:the year )?20\d\d\s*(?:-|\/|to)\s*(?:20)?\d\d\b/i.test(t.slice(Math.max(0, start - 60), end)) || /^[^.;]{0,40}?\b(?:across|over|throughout|during) the (?:whole )?year\b/i.test(after)) return 'year';
  // "The year for these activities runs from 1 February to 31 January. Eligible families get 76 free hours": the scheme's year.
  if (/(?<!\b(?:school|academic|financial|calendar)\s)\byear\b[^.;]{0,60}?\bruns? from\b[^.;]{0,40}?\bto\b/i.test(t.slice(Math.max(0, start - 300), start))) return 'year';
  return gbp || TOTAL_AFTER.test(after) ? 'one_off' : undefined;
}

/** Quantities of short breaks a family may have: hours, nights, sessions, days or £, per year/month/week or one-off. */
export function parseAllowances(text: string): Allowance[] {
  const t = normaliseNumbers(text);
  const taken: Array<[number, number]> = [];
  const found: Array<{ at: number; a: Allowance }> = [];
  for (const { re, kind } of ALLOWANCE_PATTERNS) {
    for (const m of t.matchAll(re)) {
      const start = m.index, end = start + m[0].length;
      if (taken.some(([s, e]) => start < e && end > s)) continue;
      const parts = m.slice(1);
      const qs = parts.filter((_, i) => i % 2 === 0);
      const unitWord = parts.filter((_, i) => i % 2 === 1).find(Boolean)?.toLowerCase();
      const gbp = qs.some((q) => q?.startsWith('£'));
      const unit: Allowance['unit'] | undefined = gbp ? 'gbp' : unitWord ? ALLOWANCE_UNIT_WORDS[unitWord] : undefined;
      if (!unit || (gbp && RATE_AFTER.test(t.slice(end)))) continue;
      // "activities capped at £15" caps a parental charge; it is not money given to the family.
      if (gbp && /^(?:capped|limited)\b/i.test(m[0]) && CAPPED_CHARGE_BEFORE.test(t.slice(Math.max(0, start - 40), start))) continue;
      // Funded childcare ("15-30 hours a week of free childcare") is not a short-break allowance.
      if (!gbp && CHILDCARE.test(t.slice(Math.max(0, start - 60), end + 60).split(/[.;!?](?:\s|$)/).find((c) => c.includes(m[0])) ?? m[0])) continue;
      // "Primary age: 9.30am – 12.30pm (2-3 sessions per week)": a count beside clock times is a timetable, not an allowance.
      if (!gbp && CLOCK_RANGE.test(t.slice(Math.max(0, start - 120), end + 60).split(/[.;!?](?:\s|$)|\n/).find((c) => c.includes(m[0])) ?? '')) continue;
      // "Book at least four days before the activity": a notice period, not time given.
      if (!gbp && NOTICE_AFTER.test(t.slice(end, end + 40))) continue;
      const per = periodNear(t, start, end, gbp);
      if (!per) continue;
      const [a, b] = qs.map((q) => num(q!));
      const allowance: Allowance = kind === 'range' ? { min: a!, max: b!, unit, per } : kind === 'min' ? { min: a!, unit, per } : { max: a!, unit, per };
      if (allowance.min !== undefined && allowance.max !== undefined && allowance.min > allowance.max) continue;
      taken.push([start, end]);
      found.push({ at: start, a: { ...allowance, note: squash(m[0]) } });
    }
  }
  return found.sort((x, y) => x.at - y.at).map((f) => f.a);
}
