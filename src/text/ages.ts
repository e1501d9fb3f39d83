// Ages in prose: ranges with a cue ("aged 8 to 18"), "under 18", birthdays, reception and academic-year phrasing.
import { normaliseNumbers, num, squash } from './numbers.js';

export interface AgeRange {
  min?: number;
  max?: number;
  /** The words the ages were read from. */
  note: string;
}

const AGE_CUE_BEFORE = /(?:\baged?|\bages|\bage range(?: of)?|\bbetween(?: the ages of)?|\bfrom(?: age)?|\bchildren|\bpeople)\s*(?:of\s*)?$/i;
const AGE_CUE_AFTER = /^\s*(?:years?\b|yrs\b|year[- ]olds?\b|-year-olds?\b)/i;
const NOT_AGE_AFTER = /^\s*(?:hours?|hrs?|h\b|am\b|pm\b|%|:\s*\d|\.\d|,\d{3}|nights?|days?\b(?!-)|weeks?|sessions?|minutes?)/i;

/** The ages an offer is for: ranges, "under 18", birthdays, reception, academic-year phrasing; undefined when none is stated. */
export function parseAges(text: string): AgeRange | undefined {
  const t = normaliseNumbers(text).replace(/(\d)\s*[–—]\s*(?=\d)/g, '$1-');
  const who = '(?:they|the child|your child|child|a child|he or she|the young person)';
  const ay = new RegExp(`start of (?:the |an )?academic year (?:in which )?${who} (?:turns?|becomes?|reach(?:es)?) (\\d{1,2})\\b[\\s\\S]{0,100}?end of (?:the |an )?academic year (?:in which )?${who} (?:turns?|becomes?|reach(?:es)?) (\\d{1,2})\\b`, 'i').exec(t);
  if (ay) return { min: num(ay[1]!) - 1, max: num(ay[2]!), note: squash(ay[0]) };

  // A range that opens the text, with a condition after it: "0 to 18, or 19 to 25 with a personal budget",
  // "5 to 18, may extend to 25 on assessed need". The first range is the offer's ages; the note keeps the condition.
  const cond = /^\s*(\d{1,2})\s*(?:-|to)\s*(\d{1,2})\s*(?:years?)?\s*(?:,|;|\()\s*(?:or|may|can|and|up to|extend)[^.]*/i.exec(t);
  if (cond && num(cond[1]!) <= num(cond[2]!) && num(cond[2]!) <= 25) return { min: num(cond[1]!), max: num(cond[2]!), note: squash(cond[0]) };
  if (/^\s*\d{1,2}\s*(?:-|to)\s*\d{1,2}\s*(?:years?)?\s*$/i.test(t)) {
    const [a, b] = t.match(/\d{1,2}/g)!.map(Number);
    if (a! <= b! && b! <= 25) return { min: a, max: b, note: squash(t) };
  }
  for (const m of t.matchAll(/\b(\d{1,2})\s*(?:-|to|and)\s*(\d{1,2})\b/gi)) {
    const before = t.slice(Math.max(0, m.index - 30), m.index);
    const after = t.slice(m.index + m[0].length, m.index + m[0].length + 20);
    const a = num(m[1]!), b = num(m[2]!);
    if (a > b || b > 25 || /£\s*$/.test(before) || NOT_AGE_AFTER.test(after)) continue;
    if (/\band\b/i.test(m[0]) && !/between(?: the ages of)?\s*$/i.test(before)) continue;
    if (AGE_CUE_BEFORE.test(before) || AGE_CUE_AFTER.test(after)) {
      const cue = /(?:aged?|ages|between(?: the ages of)?)\s*$/i.exec(before)?.[0] ?? '';
      return { min: a, max: b, note: squash(cue + m[0] + (AGE_CUE_AFTER.exec(after)?.[0] ?? '')) };
    }
  }

  // "aged between 0 -18th birthday", "aged 0 to 18th birthday": from the first age up to the day before the birthday.
  const toBirthday = /\b(?:aged?\s+)?(?:between\s+)?(\d{1,2})\s*(?:-|to|and|until|up to)\s*(?:their\s+|the\s+)?(\d{1,2})(?:st|nd|rd|th) birthday/i.exec(t);
  if (toBirthday && num(toBirthday[1]!) < num(toBirthday[2]!) && num(toBirthday[2]!) <= 26) return { min: num(toBirthday[1]!), max: num(toBirthday[2]!) - 1, note: squash(toBirthday[0]) };

  const out: { min?: number; max?: number } = {};
  const notes: string[] = [];
  /** The first pattern that matches sets the bound. */
  const first = (patterns: Array<[RegExp, (m: RegExpExecArray) => number]>, key: 'min' | 'max') => {
    for (const [re, value] of patterns) {
      const m = re.exec(t);
      if (!m) continue;
      out[key] = value(m);
      notes.push(squash(m[0]));
      return;
    }
  };
  first([
    [/\bfrom birth\b/i, () => 0],
    [/\b(?:from|in|starting in|starting at|start(?:ing)? school in) reception\b|\breception(?: class| year)? (?:up )?(?:to|until)\b/i, () => 4],
    [/\bages? (\d{1,2})\s*\+/i, (m) => num(m[1]!)],
    [/\b(?:from(?: the)? age(?: of)?|aged|over(?: the age of)?) (\d{1,2})(?:\+| and over| and older| or over| or older|s)?(?!\s*(?:-|to)\s*\d)(?!\d|[.,]\d|\s*(?:hours?|h\b|%))/i, (m) => num(m[1]!)],
  ], 'min');
  first([
    [/\b(?:up to|until|to|before|till)(?: (?:their|the|your child'?s|a child'?s|his or her))? (\d{1,2})(?:st|nd|rd|th) birthday/i, (m) => num(m[1]!) - 1],
    [/(?:\bunder(?: the age of| age)?[- ]|<\s?)(\d{1,2})s?\b(?!\s*(?:hours?|h\b|%|,\d))/i, (m) => num(m[1]!) - 1],
    [/\bup to (?:the )?age(?: of)? (\d{1,2})\b/i, (m) => num(m[1]!)],
    // "available to children up to 18 years": an age, by the person word before it ("up to 18 hours" is an allowance).
    [/\b(?:children|young people|child|young person|disabled children)(?: and young people)?(?: aged)? up to (\d{1,2}) years?\b/i, (m) => num(m[1]!)],
  ], 'max');
  if (out.min === undefined && out.max === undefined) return undefined;
  if (out.min !== undefined && out.max !== undefined && out.min > out.max) return undefined;
  return { ...out, note: notes.join('; ') };
}
