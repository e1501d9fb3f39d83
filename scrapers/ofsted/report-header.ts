// The facts on a report's first page: the local area, inspection dates, previous inspection, outcome, what comes next.
import { AppError, isAppError } from '../../src/domain/errors.js';
import { parseDateRange } from '../../src/text/dates.js';

export const OUTCOMES = {
  1: 'typically positive experiences and outcomes',
  2: 'inconsistent experiences and outcomes',
  3: 'widespread and/or systemic failings',
} as const;
export type OutcomeCode = keyof typeof OUTCOMES;

export interface ReportHeader {
  /** The area as the report names it ("Telford & Wrekin"), without "Local Area Partnership". */
  area_in_report: string;
  inspection_start: string;
  inspection_end: string;
  previous_inspection_start: string | null;
  previous_inspection_end: string | null;
  publication_date: string | null;
  outcome_code: OutcomeCode;
  outcome_label: string;
  /** As the report words it: "within approximately three years". */
  next_full_inspection: string | null;
  monitoring_inspection: string | null;
}

const HEADER_UNREADABLE = 'report_header';

/** Page 1 does not read as an area SEND inspection report's header. */
const headerError = (message: string) => new AppError('invalid', message, { code: HEADER_UNREADABLE });
export const isHeaderError = (e: unknown): e is AppError => isAppError(e) && e.code === HEADER_UNREADABLE;

const between = (text: string, start: RegExp, end: RegExp): string | undefined => {
  const s = start.exec(text);
  if (!s) return undefined;
  const rest = text.slice(s.index + s[0].length);
  const e = end.exec(rest);
  return (e ? rest.slice(0, e.index) : rest.slice(0, 200)).trim();
};

function outcomeOf(text: string): OutcomeCode | undefined {
  if (/typically lead to positive experiences and outcomes/i.test(text)) return 1;
  if (/inconsistent experiences and outcomes/i.test(text)) return 2;
  if (/widespread and\/or systemic failings/i.test(text)) return 3;
  return undefined;
}

/** Reads the header from the first page (the next page too, in case the outcome runs over). */
export function readReportHeader(pages: string[][]): ReportHeader {
  const first = (pages[0] ?? []).join(' ');
  const text = `${first} ${(pages[1] ?? []).join(' ')}`.replace(/\s+/g, ' ');
  const areaPhrase = between(first, /Area SEND inspection of\s+/i, /\s*Inspection dates?\b/i);
  if (!areaPhrase) throw headerError('no "Area SEND inspection of ..." title on page 1');
  // A title wrapped at a hyphen reads "Stoke-on- Trent": join it back.
  const area = areaPhrase.replace(/-\s+(?=[A-Z])/g, '-').replace(/\s*Local Area Partnership\s*$/i, '').replace(/\s*local area\s*$/i, '').trim();
  const datesText = between(first, /Inspection dates?:?\s*/i, /Dates? of (the )?previous inspection|Inspection outcome/i);
  const dates = datesText ? parseDateRange(datesText) : undefined;
  if (!dates) throw headerError(`no inspection dates on page 1${datesText ? ` (read "${datesText}")` : ''}`);
  const prevText = between(first, /Dates? of (the )?previous inspection:?\s*/i, /Inspection outcome/i);
  const prev = prevText ? parseDateRange(prevText) : undefined;
  const outcome = outcomeOf(text);
  if (!outcome) throw headerError('no inspection outcome found (none of the three outcome sentences)');
  const published = /\bPublished:?\s+(\d{1,2} [A-Za-z]+ \d{4})/.exec(text);
  return {
    area_in_report: area,
    inspection_start: dates.start,
    inspection_end: dates.end,
    previous_inspection_start: prev?.start ?? null,
    previous_inspection_end: prev?.end ?? null,
    publication_date: published ? (parseDateRange(published[1]!)?.start ?? null) : null,
    outcome_code: outcome,
    outcome_label: OUTCOMES[outcome],
    next_full_inspection: /The next full (?:area SEND )?(?:re-?)?inspection will be ([^.]+)\./i.exec(text)?.[1]?.trim() ?? null,
    monitoring_inspection: /A monitoring inspection will be carried out ([^.]+)\./i.exec(text)?.[1]?.trim() ?? null,
  };
}
