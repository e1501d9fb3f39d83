// Ages in a labelled field ("Age range: 5 to 18", "Under 5s", "16+"), in a description's sentences, and in a list of ages.
import { parseAges } from './ages.js';
import { oneLine, sentences } from './numbers.js';

/** The ages read, and the words they were read from. */
export interface AgeReading {
  min?: number;
  max?: number;
  note?: string;
}

const DASH = '(?:-|\\u2010|\\u2011|\\u2012|\\u2013|\\u2014|to|and)';
/** "5 to 18", "18 months - 5 years", "8–18yrs". Groups: 1 first number, 2 "months", 3 second number, 4 "months" after it. */
const RANGE = new RegExp(`\\b(\\d{1,2})\\s*(months?)?\\s*(?:years?\\s*)?${DASH}\\s*(\\d{1,2})(?!\\d)(?!\\s*(?:am|pm|:|\\.\\d|%))(\\s*months?)?`, 'gi');
const UNDER = /\b(under|below|up to|until|upto)\s*(?:the\s+age\s+of\s*)?(\d{1,2})(?:s|'s)?\b/gi;
const OVER = /\b(?:(?:over|from|aged)\s*(\d{1,2})\b|(\d{1,2})\s*(?:\+|plus\b|(?:years?\s*)?(?:and|or)\s*(?:over|above|older)\b))/gi;

/**
 * Ages from a labelled field, where bare numbers count: "5-18 years", "0-25", "18 months to 5 years" (1..5), "5 to 11
 * and 12-17" (5..17), "Under 5s" (..4), "Up to 18", "16+". The note is the field's text, read or not.
 */
export function readAgeField(text: string | undefined): AgeReading {
  if (!text?.trim()) return {};
  const mins: number[] = [];
  const maxes: number[] = [];
  for (const m of text.matchAll(RANGE)) {
    const lo = m[2] || m[4] ? Math.floor(Number(m[1]) / 12) : Number(m[1]);
    const hi = m[4] ? Math.floor(Number(m[3]) / 12) : Number(m[3]);
    if (lo > hi || hi > 30) continue;
    mins.push(lo);
    maxes.push(hi);
  }
  if (!mins.length) {
    for (const m of text.matchAll(UNDER)) maxes.push(/under|below/i.test(m[1]!) ? Number(m[2]) - 1 : Number(m[2]));
    for (const m of text.matchAll(OVER)) mins.push(Number(m[1] ?? m[2]));
  }
  return { min: mins.length ? Math.min(...mins) : undefined, max: maxes.length ? Math.max(...maxes) : undefined, note: oneLine(text) };
}

/** Ages from a description: each sentence read as prose (parseAges), the widest range kept, the sentences as the note. */
export function readAgesProse(text: string | undefined): AgeReading {
  const found = sentences(text ?? '').flatMap((s) => {
    const ages = parseAges(s);
    return ages ? [{ s, ...ages }] : [];
  });
  if (!found.length) return {};
  const mins = found.flatMap((x) => (x.min === undefined ? [] : [x.min]));
  const maxes = found.flatMap((x) => (x.max === undefined ? [] : [x.max]));
  return { min: mins.length ? Math.min(...mins) : undefined, max: maxes.length ? Math.max(...maxes) : undefined, note: found.map((x) => x.s).join(' ') };
}

/** A list of ages ("0, 1, 2, ... 19", "8 to 18"): the smallest and largest whole number; the text as the note when none. */
export function agesFromList(text: string): AgeReading {
  const nums = [...text.matchAll(/\d+/g)].map((m) => Number(m[0])).filter((n) => n <= 99);
  if (!nums.length) return { note: text.trim() };
  return { min: Math.min(...nums), max: Math.max(...nums) };
}
