// Reading kb5 field values: blanks kb5 writes as "undefined", age lists, cost text, channel params, the listing offset (sr).
import type { Cost } from '../../src/domain/index.js';
import { agesFromList, type AgeReading } from '../../src/text/age-fields.js';
import { readCostField } from '../../src/text/cost.js';

/** kb5 writes "undefined" (and sometimes "null") where a description was never filled in. */
export const present = (s: string | undefined): string | undefined => {
  const t = s?.trim();
  return t && !/^(undefined|null|n\/a|none)$/i.test(t) ? t : undefined;
};

/** An age list ("0, 1, 2, ... 19", "8 to 18"): its smallest and largest age, or the text as a note when it has none. */
export const ageRange = (text: string | undefined): AgeReading => (present(text) ? agesFromList(text!) : {});

/** A cost text as a status, charges and the text as written: "£2 per hour" is charged 2/hour, "Free" is free. */
export function costOf(text: string | undefined): Partial<Cost> & Pick<Cost, 'charges'> {
  const note = present(text);
  if (!note) return { charges: [] };
  const { status, charges } = readCostField(note);
  return status === 'unknown' ? { charges, note } : { status, charges, note };
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
