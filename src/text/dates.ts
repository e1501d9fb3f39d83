// Dates in words as reports write them ("9 to 13 December 2024", "27 November to 1 December 2023") and ISO dates in feeds.

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH = `(${MONTHS.join('|')})`;

const iso = (y: number, m: number, d: number) => `${y}-${String(m + 1).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
const monthIndex = (name: string) => MONTHS.indexOf(name.toLowerCase());

export interface DateRange {
  start: string;
  end: string;
}

/** Parses a date or date range written in words; undefined when the text holds none. */
export function parseDateRange(text: string): DateRange | undefined {
  const t = text.replace(/\s+/g, ' ').replace(/[–—]/g, '-').trim();
  const full = `(\\d{1,2})(?:st|nd|rd|th)? ${MONTH},? (\\d{4})`;
  // 27 November 2023 to 1 December 2023 / 27 November to 1 December 2023 / 9 to 13 December 2024 / 9-13 December 2024
  let m = new RegExp(`(\\d{1,2})(?:st|nd|rd|th)? ${MONTH}(?:,? (\\d{4}))? (?:to|-|and) ${full}`, 'i').exec(t);
  if (m) {
    const endYear = Number(m[6]);
    const startMonth = monthIndex(m[2]!);
    const endMonth = monthIndex(m[5]!);
    const startYear = m[3] ? Number(m[3]) : startMonth > endMonth ? endYear - 1 : endYear;
    return { start: iso(startYear, startMonth, Number(m[1])), end: iso(endYear, endMonth, Number(m[4])) };
  }
  m = new RegExp(`(\\d{1,2})(?:st|nd|rd|th)? ?(?:to|-|and) ?${full}`, 'i').exec(t);
  if (m) {
    const y = Number(m[4]);
    const mo = monthIndex(m[3]!);
    return { start: iso(y, mo, Number(m[1])), end: iso(y, mo, Number(m[2])) };
  }
  m = new RegExp(full, 'i').exec(t);
  if (m) {
    const d = iso(Number(m[3]), monthIndex(m[2]!), Number(m[1]));
    return { start: d, end: d };
  }
  return undefined;
}

/** The YYYY-MM-DD part of a date or timestamp, when there is one. */
export const isoDateOf = (value: string | null | undefined): string | undefined => /^(\d{4}-\d{2}-\d{2})/.exec(value?.trim() ?? '')?.[1];
