// Text clean-up without HTML: mojibake repair (UTF-8 read as windows-1252), control characters, whitespace, quotes.

/** windows-1252 characters in 0x80-0x9F, by code point, to their byte. */
const CP1252_BYTE: Record<number, number> = {
  0x20ac: 0x80, 0x201a: 0x82, 0x0192: 0x83, 0x201e: 0x84, 0x2026: 0x85, 0x2020: 0x86, 0x2021: 0x87, 0x02c6: 0x88,
  0x2030: 0x89, 0x0160: 0x8a, 0x2039: 0x8b, 0x0152: 0x8c, 0x017d: 0x8e, 0x2018: 0x91, 0x2019: 0x92, 0x201c: 0x93,
  0x201d: 0x94, 0x2022: 0x95, 0x2013: 0x96, 0x2014: 0x97, 0x02dc: 0x98, 0x2122: 0x99, 0x0161: 0x9a, 0x203a: 0x9b,
  0x0153: 0x9c, 0x017e: 0x9e, 0x0178: 0x9f,
};
const CONT = '\\u0080-\\u00BF\\u20AC\\u201A\\u0192\\u201E\\u2026\\u2020\\u2021\\u02C6\\u2030\\u0160\\u2039\\u0152\\u017D\\u2018\\u2019\\u201C\\u201D\\u2022\\u2013\\u2014\\u02DC\\u2122\\u0161\\u203A\\u0153\\u017E\\u0178';
/**
 * One UTF-8 sequence as it looks once read as windows-1252: a lead byte and exactly as many continuation bytes as it
 * announces (Â..ß one, à..ï two, ð..ô three). The count matters: "â€“" then a no-break space ("â€“&nbsp;2pm") must
 * not take the space as a fourth byte, which made the whole run undecodable and left it as it was.
 */
const MOJIBAKE = new RegExp(`[\\u00C2-\\u00DF][${CONT}]|[\\u00E0-\\u00EF][${CONT}]{2}|[\\u00F0-\\u00F4][${CONT}]{3}`, 'g');
/**
 * "â€" whose third byte was lost on the way: 0x9D (the last byte of ”) has no windows-1252 character, so systems that
 * drop what they cannot map leave "â€œquotedâ€". Read as ”, the only common character it can have been.
 */
const LOST_RIGHT_QUOTE = new RegExp(`\\u00E2\\u20AC(?![${CONT}])`, 'g');
/**
 * "Â" left alone before a space: a no-break space read as windows-1252 is "Â" + U+00A0, and a page that writes it as
 * "Â&nbsp;", or a reader that turns U+00A0 into a space before repairing, leaves "£5Â 2pm". Â never ends a word.
 */
const ORPHAN_NBSP_LEAD = /(?<=\S)\u00C2(?=[ \t\n]|$)/g;
const utf8 = new TextDecoder('utf-8', { fatal: true });

function asBytes(s: string): Uint8Array | undefined {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const b = c < 0x100 ? c : CP1252_BYTE[c];
    if (b === undefined) return undefined;
    out[i] = b;
  }
  return out;
}

function repairOnce(text: string): string {
  return text
    .replace(MOJIBAKE, (run) => {
      const bytes = asBytes(run);
      if (!bytes) return run;
      try {
        return utf8.decode(bytes);
      } catch {
        return run;
      }
    })
    .replace(LOST_RIGHT_QUOTE, '\u201D')
    .replace(ORPHAN_NBSP_LEAD, '');
}

/**
 * Repairs "Â£10" to "£10" and "donâ€™t" to "don’t", also when it was done twice ("Ã¢â‚¬â„¢" to "’") or lost a
 * byte ("â€" to "”", "£5Â 2pm" to "£5 2pm"); leaves text that is not mojibake alone.
 */
export function repairMojibake(text: string): string {
  let out = text;
  for (let pass = 0; pass < 3 && /[\u00C2-\u00F4]/.test(out); pass++) {
    const next = repairOnce(out);
    if (next === out) break;
    out = next;
  }
  return out;
}

/** Whether text still reads as mojibake (a repaired text should not). */
export const hasMojibake = (text: string): boolean => new RegExp(MOJIBAKE.source).test(text) || /\u00E2\u20AC/.test(text) || new RegExp(ORPHAN_NBSP_LEAD.source).test(text);

/** Every string in a value (arrays and plain objects, at any depth) with its mojibake repaired; other values as they were. */
export function repairMojibakeDeep<T>(value: T): T {
  if (typeof value === 'string') return repairMojibake(value) as T;
  if (Array.isArray(value)) return value.map((v) => repairMojibakeDeep(v)) as T;
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype)
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, repairMojibakeDeep(v)])) as T;
  return value;
}

/** Control characters other than tab, newline and carriage return (real feeds carry them; JSON.parse rejects them raw). */
// eslint-disable-next-line no-control-regex
export const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

export const collapseSpace = (s: string) => s.replace(/\u00a0/g, ' ').replace(/[ \t\f\v]+/g, ' ').replace(/\s*\n\s*/g, '\n').replace(/\n{2,}/g, '\n').trim();

/** The first sentence-sized piece of a text, for an evidence quote (at most `max` characters, cut at a word). */
export function quoteOf(text: string, max = 300): string {
  const t = collapseSpace(text).replace(/\n/g, ' ');
  if (t.length <= max) return t;
  const cut = t.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max - 40))}...`;
}
