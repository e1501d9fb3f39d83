// The one council lookup: finds a council by GSS code, previous GSS code, LA number or name (any case, with or
// without "County", ", City of" or "Council"), and suggests near misses when nothing matches.
import { AppError } from './errors.js';

/** What a council can be found by. */
export interface CouncilKeys {
  code: string;
  name: string;
  la_number?: string | null;
  previous_codes?: readonly string[];
  also_known_as?: readonly string[];
}

/** Lower case, accents, punctuation and "&" folded: "St. Helens" and "st helens" read the same. */
export const foldName = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/**
 * Short names people write for councils whose official name they rarely spell out, by GSS code. The general forms
 * ("Southend" for "Southend-on-Sea", "Hull" for "Kingston upon Hull") come from the rules in `nameForms`.
 */
const SHORT_NAMES: Record<string, readonly string[]> = {
  E06000022: ['BANES', 'B&NES', 'Bath & NE Somerset'],
  E06000011: ['East Riding', 'East Yorkshire'],
  E06000053: ['Scilly'],
  E06000008: ['Blackburn'],
  E06000043: ['Brighton'],
  E06000010: ['Hull'],
  E08000032: ['City of Bradford'],
  E06000064: ['Westmorland'],
};

/** "Southend" for "Southend-on-Sea", "Newcastle" for "Newcastle upon Tyne", "Stoke" for "Stoke-on-Trent". */
const placeShortForm = (folded: string) => /^(.+?) (?:upon|on|under) [a-z]+$/.exec(folded)?.[1];

/**
 * The names a council answers to: its name and aliases, "Bristol" and "City of Bristol" for "Bristol, City of",
 * "Durham" for "County Durham", "Southend" for "Southend-on-Sea", "Saint Helens" for "St. Helens". Its own name
 * comes first: a short form another council shares never hides a name (see `councilLookup`).
 */
export function nameForms(c: CouncilKeys): string[] {
  const forms = new Set<string>();
  for (const name of [c.name, ...(c.also_known_as ?? []), ...(SHORT_NAMES[c.code.toUpperCase()] ?? [])]) {
    const whole = foldName(name);
    forms.add(whole);
    const suffix = /^(.+),\s*(city|county|borough|royal borough) of$/i.exec(name.trim());
    if (suffix) forms.add(foldName(suffix[1]!)).add(foldName(`${suffix[2]} of ${suffix[1]}`));
    const county = /^county\s+(.+)$/i.exec(name.trim());
    if (county) forms.add(foldName(county[1]!));
  }
  for (const f of [...forms]) {
    const short = placeShortForm(f);
    if (short) forms.add(short);
    if (/^st /.test(f)) forms.add(f.replace(/^st /, 'saint '));
  }
  return [...forms].filter(Boolean);
}

/**
 * What people add around a name: "Lancashire County Council", "Royal Borough of Greenwich", "City of York",
 * "Bedford Borough", "Leicester City", "the Greenwich", "Council of the Isles of Scilly", "Croydon London Borough Council".
 */
function inputForms(key: string): string[] {
  const n = foldName(key);
  const bare = n
    .replace(/^(the )?council of (the )?/, '')
    .replace(/(\s+((metropolitan|london)\s+)?(county|city|borough|district))?\s+(council|corporation)$/, '')
    .replace(/\s+(metropolitan )?(borough|city|county|district)$/, '');
  const forms = [n, bare].flatMap((f) => [f, f.replace(/^(the\s+)?((royal|london|metropolitan)\s+)?(borough|city|county)\s+of\s+/, '').replace(/^the /, '')]);
  return [...new Set(forms)].filter(Boolean);
}

/** Edit distance with adjacent transpositions (optimal string alignment). */
export function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  return d[a.length]![b.length]!;
}

const GSS = /^E\d{8}$/;

export interface CouncilLookup<C> {
  /** The council the key names, or undefined (also when a name fits more than one council). */
  find(key: string): C | undefined;
  /** Up to `max` councils whose code or name is close to the key, closest first. */
  suggest(key: string, max?: number): C[];
  /** The council the key names; otherwise an AppError not_found naming the input (and `field`), with suggestions. */
  resolve(key: string, field?: string): C;
}

/** A lookup over any list of councils; `keysOf` says what each is found by (the item itself by default). */
export function councilLookup<C>(items: readonly C[], keysOf: (item: C) => CouncilKeys = (c) => c as unknown as CouncilKeys): CouncilLookup<C> {
  const byCode = new Map<string, C>();
  const byPrevious = new Map<string, C>();
  const byName = new Map<string, C | null>();
  const entries = items.map((item) => ({ item, keys: keysOf(item), names: nameForms(keysOf(item)) }));
  for (const { item, keys, names } of entries) {
    byCode.set(keys.code.toUpperCase(), item);
    if (keys.la_number) byCode.set(keys.la_number, item);
    for (const p of keys.previous_codes ?? []) byPrevious.set(p.toUpperCase(), item);
    for (const n of names) byName.set(n, byName.has(n) && byName.get(n) !== item ? null : item);
  }
  // A council's own name (folded) is its own even when another council's short form is the same words.
  for (const { item, keys } of entries) for (const n of [keys.name, ...(keys.also_known_as ?? [])]) if (foldName(n)) byName.set(foldName(n), item);

  const find = (key: string): C | undefined => {
    const k = key.trim().toUpperCase();
    const coded = byCode.get(k) ?? byPrevious.get(k);
    if (coded) return coded;
    for (const f of inputForms(key)) {
      const hit = byName.get(f);
      if (hit !== undefined) return hit ?? undefined;
    }
    return undefined;
  };

  const suggest = (key: string, max = 3): C[] => {
    const k = key.trim().toUpperCase();
    const scored: Array<{ item: C; score: number; name: string }> = [];
    for (const { item, keys, names } of entries) {
      let best = Infinity;
      if (GSS.test(k)) for (const c of [keys.code, ...(keys.previous_codes ?? [])]) if (editDistance(k, c.toUpperCase()) <= 2) best = Math.min(best, editDistance(k, c.toUpperCase()));
      for (const f of inputForms(key)) {
        if (f.length < 3 || /^\d+$/.test(f)) continue;
        const limit = Math.max(1, Math.min(3, Math.floor(f.length / 4)));
        for (const n of names) {
          const d = editDistance(f, n);
          if (d <= limit) best = Math.min(best, d);
          else if (n.startsWith(`${f} `) || n.split(' ').includes(f)) best = Math.min(best, limit + 0.5);
        }
      }
      if (best < Infinity) scored.push({ item, score: best, name: keys.name });
    }
    const best = Math.min(...scored.map((s) => s.score));
    return scored
      .filter((s) => s.score <= best + 1)
      .sort((a, b) => a.score - b.score || a.name.localeCompare(b.name))
      .slice(0, max)
      .map((s) => s.item);
  };

  return {
    find,
    suggest,
    resolve(key, field = 'code') {
      const hit = find(key);
      if (hit !== undefined) return hit;
      throw councilNotFound(key, suggest(key).map(keysOf), field);
    },
  };
}

/** The error for a key that names no council: not_found, the input named, near misses offered. */
export function councilNotFound(key: string, suggestions: readonly CouncilKeys[] = [], field = 'code'): AppError {
  const didYouMean = suggestions.length ? ` (did you mean ${suggestions.map((c) => `${c.name}, ${c.code}`).join(' or ')}?)` : '';
  return new AppError('not_found', `no council with code "${key}"${didYouMean}`, {
    field,
    code: 'unknown_council',
    problems: [{ field, message: "use a GSS code such as E10000017 (or a previous one), an LA number such as 888, or the council's name" }],
  });
}
