// Field readers shared by the ORUK adapters: weekdays and schedules, cost options, ages, places, contacts (phrases via src/text).
import type { Charge, Cost, Offer } from '../../src/domain/index.js';
import { isEmail, isHttpUrl } from '../../src/text/contacts.js';
import { chargesInProse, readCostField } from '../../src/text/cost.js';
import { unique } from '../../src/text/lists.js';
import { chargeUnitIn } from '../../src/text/money.js';
import { postcodeOf } from '../../src/text/postcodes.js';
import { field, num, objs, str, text, type Json, type JsonObject } from './oruk-common.js';
import type { OfferDraft } from './offer-builder.js';

/** Ages under the Offer's names. */
export type AgeFields = Pick<Offer, 'age_min' | 'age_max' | 'age_note'>;

/* ---------- weekdays and schedules ---------- */

const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const ORDINALS: Record<string, string> = { '1': 'first', '2': 'second', '3': 'third', '4': 'fourth', '5': 'fifth', '-1': 'last', '-2': 'second to last' };

/** A weekday's name from 1-7 (Monday first; 0 is Sunday too), a name, a short name or an iCal code (MO). */
export function weekdayName(v: Json | undefined): string | undefined {
  const n = num(v);
  if (n !== undefined) return Number.isInteger(n) && n >= 0 && n <= 7 ? DAYS[(n + 6) % 7] : undefined;
  const s = str(v)?.toLowerCase().replace(/(day)s$/, '$1');
  if (!s || s.length < 2) return undefined;
  return DAYS.find((d) => d.toLowerCase().startsWith(s));
}

/** iCal BYDAY ("MO,WE", "2SA", "-1FR") as words. */
export function bydayText(v: Json | undefined): string | undefined {
  const days = (str(v) ?? '').split(/[,\s]+/).map((part) => {
    const m = /^([+-]?\d)?([A-Za-z]{2})$/.exec(part);
    const day = m ? weekdayName(m[2]) : undefined;
    if (!m || !day) return undefined;
    const nth = m[1]?.replace('+', '');
    return nth ? `${ORDINALS[nth] ?? nth} ${day}` : day;
  });
  return unique(days).join(', ') || undefined;
}

const hhmm = (v: Json | undefined) => {
  const m = /^(\d{1,2}):(\d{2})/.exec(str(v) ?? '');
  return m ? `${m[1]!.padStart(2, '0')}:${m[2]}` : undefined;
};

/** One schedule entry as words: "Saturday 10:00-15:00 (fortnightly): term time only". */
export function scheduleLine(s: JsonObject): string | undefined {
  const days = weekdayName(s.weekday) ?? bydayText(s.byday);
  const open = hhmm(s.opens_at);
  const close = hhmm(s.closes_at);
  const times = open && close ? `${open}-${close}` : open ? `from ${open}` : close ? `until ${close}` : undefined;
  const freq = str(s.freq)?.toUpperCase();
  const interval = num(s.interval) ?? 1;
  const every = freq === 'MONTHLY' ? 'monthly' : interval === 2 ? 'fortnightly' : interval > 2 ? `every ${interval} weeks` : undefined;
  const head = [days, times, every && `(${every})`].filter(Boolean).join(' ');
  return [head, text(s.description)].filter(Boolean).join(': ') || undefined;
}

export const scheduleText = (entries: JsonObject[]): string | undefined => unique(entries.map(scheduleLine)).join('; ') || undefined;

/* ---------- costs ---------- */

/**
 * The unit a cost option is charged per ("per 1 hour session", "a day", "weekly"). A unit that needs its own note
 * ("per night" is per session, per night) is left to the option's words, since the option's label is the charge's note.
 */
export function unitOf(words: string): Charge['per'] | undefined {
  const unit = chargeUnitIn(words);
  return unit && !unit.qualifier ? unit.per : undefined;
}

const pounds = (n: number) => `£${Number.isInteger(n) ? n : n.toFixed(2)}`;

/** cost_options with a numeric amount and a stated unit become charges; the rest are kept as words for the cost note. */
export function chargesFromOptions(options: JsonObject[]): { charges: Charge[]; notes: string[]; allZero: boolean } {
  const charges: Charge[] = [];
  const notes: string[] = [];
  const amounts: number[] = [];
  for (const o of options) {
    const amount = num(o.amount);
    const label = text(o.option);
    const unitWords = text(field(o, 'amount_description', 'cadence'));
    const per = unitOf([unitWords, label].filter(Boolean).join(' '));
    if (amount !== undefined) amounts.push(amount);
    if (amount !== undefined && amount >= 0 && per) charges.push({ amount_gbp: amount, per, ...(label ? { note: label } : {}) });
    else {
      const words = [label, amount !== undefined ? pounds(amount) : undefined, unitWords].filter(Boolean).join(' ');
      if (words) notes.push(words);
    }
  }
  return { charges, notes, allZero: amounts.length > 0 && amounts.every((a) => a === 0) };
}

/**
 * Cost from cost_options, else the prices in the fees text, else those in the description; the fees text is the note.
 * Cost options whose amounts are all zero say the service is free: prices in the description are not read then.
 */
export function costOf(options: JsonObject[], fees: string | undefined, description?: string): Cost {
  const fromOptions = chargesFromOptions(options);
  const fromFees = readCostField(fees);
  let charges = fromOptions.charges;
  if (!charges.length) charges = fromFees.charges;
  if (!charges.length && description && !fromOptions.allZero) charges = chargesInProse(description).map((c) => ({ ...c, note: ['price stated in the description', c.note].filter(Boolean).join(': ') }));
  charges = [...new Map(charges.map((c) => [`${c.amount_gbp}/${c.per}`, c])).values()];
  const note = unique([fees, ...fromOptions.notes]).join('; ') || undefined;
  const free = fromOptions.allZero || fromFees.status === 'free';
  // Cost options in words only ('Charges apply') are read as a labelled field is.
  const fromWords = fromFees.status === 'unknown' && fromOptions.notes.length ? readCostField(fromOptions.notes.join('; ')).status : fromFees.status;
  const status = charges.some((c) => c.amount_gbp > 0) ? 'charged' : charges.length || free ? 'free' : fromWords;
  return { status, charges, note };
}

/* ---------- ages ---------- */

/** Ages 0-25 as published; anything else is reported (and kept in the age note) rather than guessed. */
export function agesOf(min: Json | undefined, max: Json | undefined, issues: string[], names = ['minimum_age', 'maximum_age']): AgeFields {
  const read = (v: Json | undefined, name: string) => {
    if (v === undefined || v === null || v === '') return { value: undefined, shown: undefined };
    const n = num(v);
    if (n === undefined) issues.push(`${name} ${JSON.stringify(v)} is not a number`);
    else if (!Number.isInteger(n) || n < 0 || n > 25) issues.push(`${name} ${n} is outside the 0-25 integer range (dropped)`);
    else return { value: n, shown: String(n) };
    return { value: undefined, shown: JSON.stringify(v) };
  };
  const lo = read(min, names[0]!);
  const hi = read(max, names[1]!);
  let ageMin = lo.value;
  let ageMax = hi.value;
  let noted = (lo.shown !== undefined && lo.value === undefined) || (hi.shown !== undefined && hi.value === undefined);
  if (ageMin !== undefined && ageMax !== undefined && ageMin > ageMax) {
    issues.push(`${names[0]} ${ageMin} is above ${names[1]} ${ageMax} (both dropped)`);
    ageMin = ageMax = undefined;
    noted = true;
  }
  return { age_min: ageMin, age_max: ageMax, age_note: noted ? `published ages ${lo.shown ?? '?'} to ${hi.shown ?? '?'}` : undefined };
}

/* ---------- places and contacts ---------- */

const ukPostcode = (v: Json | undefined) => postcodeOf(str(v));

export interface PlaceRead {
  postcode?: string;
  districts: string[];
  address?: string;
}

/** Postcode (the first UK one), towns as districts, and the first address in words. */
export function placesOf(places: Array<{ name?: string; address?: JsonObject }>): PlaceRead {
  const postcodes = unique(places.map((p) => p.address && ukPostcode(field(p.address, 'postal_code', 'postcode'))));
  const districts = unique(places.map((p) => p.address && text(field(p.address, 'city', 'town'))));
  const first = places[0];
  const a = first?.address;
  const code = a && field(a, 'postal_code', 'postcode');
  const parts = first ? [first.name, ...['address_1', 'address_2', 'city'].map((k) => a && text(a[k])), ukPostcode(code) ?? text(code)] : [];
  return { postcode: postcodes[0], districts, address: unique(parts).join(', ') || undefined };
}

export interface ContactRead {
  phone?: string;
  email?: string;
  url?: string;
  address?: string;
}

/** The service's own email and URL (reported when malformed) and the first phone of its contacts. */
export function contactOf(s: JsonObject, issues: string[], address?: string): ContactRead {
  const contacts = objs(s.contacts);
  const phones = [...objs(s.phones), ...contacts.flatMap((c) => objs(c.phones))].map((p) => text(field(p, 'number', 'phone')));
  const checked = (name: 'email' | 'url', ok: (x: string | undefined) => boolean) => {
    const v = s[name];
    if (v === undefined || v === null || v === '') return undefined;
    if (typeof v !== 'string') return void issues.push(`${name} should be a string, not ${JSON.stringify(v)}`);
    if (ok(v.trim())) return v.trim();
    return void issues.push(`${name} ${JSON.stringify(v)} is not ${name === 'email' ? 'an email address' : 'an http(s) URL'} (dropped)`);
  };
  const contact: ContactRead = {
    phone: unique([...contacts.map((c) => text(c.phone)), ...phones])[0],
    email: checked('email', isEmail) ?? unique(contacts.map((c) => str(c.email)).filter(isEmail))[0],
    url: checked('url', isHttpUrl),
    address,
  };
  return Object.fromEntries(Object.entries(contact).filter(([, v]) => v !== undefined));
}

/** Where, when and whom to ask: a draft's districts, postcode, schedule and contact from a service's places and schedules. */
export function whereAndWhen(s: JsonObject, places: PlaceRead, schedules: JsonObject[], issues: string[]): Pick<OfferDraft, 'districts' | 'postcode' | 'schedule' | 'contact'> {
  return { districts: places.districts, postcode: places.postcode, schedule: scheduleText(schedules), contact: contactOf(s, issues, places.address) };
}
