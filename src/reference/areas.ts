// Area codes: DfE LA numbers to current council codes, and DfE region/England rows to GSS codes.
import type { Council } from '../domain/index.js';

export type CsvRow = Record<string, string | undefined>;

export const ENGLAND = 'E92000001';

/** LAIT and derived files number regions and England like LAs (970-990). */
const AREA_BY_LA_NUMBER: Record<string, string> = {
  '970': ENGLAND,
  '980': 'E12000001',
  '981': 'E12000002',
  '982': 'E12000003',
  '983': 'E12000004',
  '984': 'E12000005',
  '985': 'E12000006',
  '986': 'E12000007',
  '989': 'E12000008',
  '990': 'E12000009',
};

export interface AreaResolver {
  /** The current council (or region, or England) code for a row, or undefined for legacy LAs and sub-regions. */
  fromLaNumber(laNumber: string | undefined): string | undefined;
  /** For EES rows: LA rows by LA number, regional rows by region code, the national row as England. */
  fromEesRow(row: CsvRow): string | undefined;
}

export function areaResolver(councils: readonly Council[]): AreaResolver {
  const byNumber = new Map(councils.map((c) => [c.la_number, c.code]));
  const fromLaNumber = (n: string | undefined) => (n ? byNumber.get(n) ?? AREA_BY_LA_NUMBER[n] : undefined);
  return {
    fromLaNumber,
    fromEesRow(row) {
      switch (row.geographic_level) {
        case 'National':
          return ENGLAND;
        case 'Regional':
          return row.region_code || undefined;
        case 'Local authority':
          return fromLaNumber(row.old_la_code);
        default:
          return undefined;
      }
    },
  };
}

/** A number from a published cell, or undefined for suppressed or missing values (x, c, z, low, blank). */
export function cellNumber(v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const t = v.trim().replace(/,/g, '');
  if (t === '' || !/^-?\d+(\.\d+)?$/.test(t)) return undefined;
  return Number(t);
}

export const isoOrNull = (v: string | undefined) => (v && /^\d{4}-\d{2}-\d{2}$/.test(v.trim()) ? v.trim() : null);
