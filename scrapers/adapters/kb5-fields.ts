// Reading kb5 field values: age lists, cost text, postcodes, phones, channel params and the listing offset (sr).
import type { Charge } from '../../src/domain/index.js';

/** kb5 writes "undefined" (and sometimes "null") where a description was never filled in. */
export const present = (s: string | undefined): string | undefined => {
  const t = s?.trim();
  return t && !/^(undefined|null|n\/a|none)$/i.test(t) ? t : undefined;
};

/** "0, 1, 2, ... 19" (or "8 to 18", "19-25"): the smallest and largest whole number in the text. */
export function ageRange(text: string | undefined): { min?: number; max?: number; note?: string } {
  if (!present(text)) return {};
  const nums = [...text!.matchAll(/\d+/g)].map((m) => Number(m[0])).filter((n) => n <= 99);
  if (!nums.length) return { note: text!.trim() };
  return { min: Math.min(...nums), max: Math.max(...nums) };
}

const UNITS: Array<[RegExp, Charge['per']]> = [
  [/^(hour|hr|hours|hrs)$/, 'hour'],
  [/^(session|sessions|visit|class|club)$/, 'session'],
  [/^(day|days)$/, 'day'],
  [/^(week|wk)$/, 'week'],
  [/^month$/, 'month'],
  [/^(year|annum)$/, 'year'],
  [/^(activity|trip|event)$/, 'activity'],
];
const PER = String.raw`\s*(?:(?:per|a|an|each)\s+|\/\s*)`;
/** "£2 per hour", "£5.50 a session", "£3 per child per session", "£10/day": amount and unit word. */
const PRICE = new RegExp(String.raw`£\s?(\d+(?:\.\d{1,2})?)(?:${PER}(?:child|person|young person|family)\b)?(?:${PER}([a-z]+))?`, 'gi');
const FREE = /\b(free( of charge)?|no charge|no cost|at no cost)\b/i;

/** A cost text as a status and charges: "£2 per hour" is charged 2/hour, "Free" is free, anything else unknown. */
export function costOf(text: string | undefined): { status?: 'free' | 'charged'; charges: Charge[]; note?: string } {
  const note = present(text);
  if (!note) return { charges: [] };
  const charges: Charge[] = [];
  let priced = false;
  for (const m of note.matchAll(PRICE)) {
    priced = true;
    const unit = m[2]?.toLowerCase();
    const per = unit ? UNITS.find(([re]) => re.test(unit))?.[1] : undefined;
    if (per) charges.push({ amount_gbp: Number(m[1]), per });
  }
  if (priced) return { status: charges.length && charges.every((c) => c.amount_gbp === 0) ? 'free' : 'charged', charges, note };
  if (FREE.test(note) && !/\bnot free\b/i.test(note)) return { status: 'free', charges: [], note };
  return { charges: [], note };
}

const POSTCODE = /\b([A-Z]{1,2}\d[A-Z\d]?)\s*(\d[A-Z]{2})\b/i;

/** The UK postcode in a text ("zz1 7qp Get directions" -> "ZZ1 7QP"). */
export function postcodeOf(text: string | undefined): string | undefined {
  const m = text ? POSTCODE.exec(text) : null;
  return m ? `${m[1]!.toUpperCase()} ${m[2]!.toUpperCase()}` : undefined;
}

/** Phone numbers, duplicates dropped (kb5 sometimes renders the same span twice), joined with ", ". */
export function phonesOf(values: readonly string[]): string | undefined {
  const seen = new Map<string, string>();
  for (const v of values)
    for (const part of v.split(/[,;\n]|\s\/\s/)) {
      const t = part.trim();
      const digits = t.replace(/\D/g, '');
      if (digits.length >= 6 && !seen.has(digits)) seen.set(digits, t);
    }
  return seen.size ? [...seen.values()].join(', ') : undefined;
}

/** The kb5 channel params of a URL as terms ("localofferchannel=2_8"), root channels ("=0") left out. */
export function channelTerms(url: string): string[] {
  const q = url.indexOf('?');
  if (q === -1) return [];
  const out: string[] = [];
  for (const pair of url.slice(q + 1).split('#')[0]!.split('&')) {
    const [k, v] = pair.split('=');
    if (k && v && /channel/i.test(k) && v !== '0') out.push(`${decodeURIComponent(k)}=${decodeURIComponent(v)}`);
  }
  return out;
}

/** The value of one query param, or undefined. */
export function paramOf(url: string, name: string): string | undefined {
  try {
    return new URL(url, 'http://x.invalid/').searchParams.get(name) ?? undefined;
  } catch {
    return undefined;
  }
}

/** The same URL with `sr` (start record) set, every other param kept as written. */
export function withSr(url: string, sr: number): string {
  const u = new URL(url);
  const q = u.search;
  u.search = /[?&]sr=[^&]*/.test(q) ? q.replace(/([?&])sr=[^&]*/, `$1sr=${sr}`) : q ? `${q}&sr=${sr}` : `?sr=${sr}`;
  return u.href;
}

/** Drops duplicates (case- and space-insensitively) and empties, keeping the first spelling. */
export function unique(values: ReadonlyArray<string | undefined>): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const v of values) {
    const t = v?.trim();
    const k = t?.toLowerCase().replace(/\s+/g, ' ');
    if (t && k && !seen.has(k)) {
      seen.add(k);
      out.push(t);
    }
  }
  return out;
}
