// Reads the text of a curated file (JSON or CSV) into raw records with their positions, before validation.
import { parse as parseCsv } from 'csv-parse/sync';
import { csvRowToRecord } from './csv-record.js';
import { isAppError } from '../domain/errors.js';
import type { RecordProblem } from './validate-records.js';

export type CuratedFormat = 'json' | 'csv';

export interface RawRecords {
  raws: Array<{ line: number; value: unknown }>;
  problems: RecordProblem[];
}

export function formatOf(name: string): CuratedFormat | undefined {
  const lower = name.toLowerCase();
  if (lower.endsWith('.json')) return 'json';
  if (lower.endsWith('.csv')) return 'csv';
  return undefined;
}

function parseJson(text: string): RawRecords {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    return { raws: [], problems: [{ record: 0, field: '(file)', message: `not valid JSON: ${(e as Error).message}` }] };
  }
  const list = Array.isArray(doc) ? doc : (doc as { records?: unknown })?.records;
  if (!Array.isArray(list))
    return { raws: [], problems: [{ record: 0, field: '(file)', message: 'expected an array of records or an object with a "records" array' }] };
  return { raws: list.map((value, i) => ({ line: i + 1, value })), problems: [] };
}

function parseCsvText(text: string): RawRecords {
  let rows: Array<Record<string, string>>;
  try {
    rows = parseCsv(text, { columns: true, bom: true, skip_empty_lines: true, trim: false, relax_column_count: false });
  } catch (e) {
    return { raws: [], problems: [{ record: 0, field: '(file)', message: `not valid CSV: ${(e as Error).message}` }] };
  }
  const raws: RawRecords['raws'] = [];
  const problems: RecordProblem[] = [];
  rows.forEach((row, i) => {
    const line = i + 2; // header is line 1
    try {
      raws.push({ line, value: csvRowToRecord(row) });
    } catch (e) {
      if (isAppError(e) && e.kind === 'invalid' && e.field) problems.push({ record: line, id: row.id, field: e.field, message: e.message });
      else throw e;
    }
  });
  return { raws, problems };
}

export function parseCuratedText(text: string, format: CuratedFormat): RawRecords {
  return format === 'json' ? parseJson(text) : parseCsvText(text);
}
