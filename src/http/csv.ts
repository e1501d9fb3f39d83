// CSV responses: flat cells only (lists joined with "; ", charges and allowances in columns of their own, never
// JSON in a cell), rendered by toCsv, inline with a file name, with a Link to the next page.
import type { Context } from 'hono';
import { toCsv } from '../text/csv.js';

export { toCsv };

type Row = Record<string, unknown>;

const joined = (xs: readonly unknown[]) => xs.map((x) => (x === null || x === undefined ? '' : String(x))).join('; ');

/** Lists of records that get columns of their own: each column lists one field of every item, in the same order. */
const SPLIT: Record<string, Record<string, string>> = {
  charges: { charge_gbp: 'amount_gbp', charge_per: 'per', charge_note: 'note' },
  allowances: { allowance_min: 'min', allowance_max: 'max', allowance_unit: 'unit', allowance_per: 'per', allowance_note: 'note' },
};

/** A value as one flat cell: a list joined with "; ", a record as "key: value; ...", anything else as it is. */
export function flatCell(v: unknown): unknown {
  if (v === null || v === undefined || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.length ? joined(v.map((x) => (x !== null && typeof x === 'object' ? flatRecord(x as Row, ', ') : x))) : null;
  return flatRecord(v as Row, '; ');
}

/** A value in words: nested lists with ", ", nested records in brackets as "key: value". */
function plain(x: unknown): string {
  if (x === null || x === undefined) return '';
  if (Array.isArray(x)) return x.map(plain).join(', ');
  if (typeof x === 'object') return `(${flatRecord(x as Row, ', ')})`;
  return String(x);
}

function flatRecord(r: Row, sep: string): string {
  return Object.entries(r)
    .filter(([, x]) => x !== null && x !== undefined)
    .map(([k, x]) => `${k}: ${plain(x)}`)
    .join(sep);
}

/** A row with flat cells; charges and allowances become their own columns (charge_gbp, allowance_max, ...). */
export function flatRow(row: Row): Row {
  const out: Row = {};
  for (const [k, v] of Object.entries(row)) {
    const split = SPLIT[k];
    if (split && (Array.isArray(v) || v === null)) {
      const items = (v ?? []) as Row[];
      for (const [col, field] of Object.entries(split)) out[col] = items.length ? joined(items.map((i) => i[field])) : null;
    } else out[k] = flatCell(v);
  }
  return out;
}

/** A CSV response: the rows (columns as given, else the first row's keys), inline with a file name, and a Link to the next page. */
export function csvResponse(c: Context, name: string, rows: ReadonlyArray<Record<string, unknown>>, columns?: readonly string[], nextUrl?: string | null) {
  c.header('Content-Type', 'text/csv; charset=utf-8');
  c.header('Content-Disposition', `inline; filename="${name}.csv"`);
  if (nextUrl) c.header('Link', `<${nextUrl}>; rel="next"`);
  return c.body(toCsv(rows.map(flatRow), columns));
}
